import type { Tray } from 'electron';
import { Menu, nativeImage } from 'electron';
import type { TrayActions, TrayState } from './tray-menu';
import { trayMenuTemplate, trayTooltip } from './tray-menu';

// A 16×16 green dot; real icons come from build/ when packaged.
const ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAO0lEQVR4nGNgoAXgnxvxHxumSDNRhhDSjNcQYjVjNYRUzRiGjBpABQMojkaqJCRiDcGrmZAhRGkmFQAA2Zo55IKs75gAAAAASUVORK5CYII=';

/** Keeps the tray's tooltip and menu in step with accounts and unread counts. */
export function createTrayController(make: (icon: Electron.NativeImage) => Tray, actions: TrayActions) {
  const tray = make(nativeImage.createFromDataURL(ICON_DATA_URL));
  tray.on('click', () => actions.show());
  return {
    update(state: TrayState) {
      tray.setToolTip(trayTooltip(state));
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, actions)));
    },
    destroy: () => tray.destroy(),
  };
}
