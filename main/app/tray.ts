import type { Tray } from 'electron';
import { Menu, nativeImage } from 'electron';
import type { TrayActions, TrayState } from './tray-menu';
import { trayBadge, trayMenuTemplate, trayTooltip } from './tray-menu';
import { TRAY_ICON_PNG_BASE64, TRAY_ICON_UNREAD_PNG_BASE64 } from './tray-icons';

const icon = (base64: string) => nativeImage.createFromBuffer(Buffer.from(base64, 'base64'), { scaleFactor: 2 });

/** Keeps the tray's tooltip and menu in step with accounts and unread counts. */
export function createTrayController(make: (icon: Electron.NativeImage) => Tray, actions: TrayActions) {
  const plain = icon(TRAY_ICON_PNG_BASE64);
  const unread = icon(TRAY_ICON_UNREAD_PNG_BASE64);
  const tray = make(plain);
  tray.on('click', () => actions.show());
  return {
    update(state: TrayState) {
      const badge = trayBadge(state);
      tray.setImage(badge.dot ? unread : plain);
      // Only macOS shows text beside a tray icon; elsewhere the dot and the tooltip say it.
      if (process.platform === 'darwin') tray.setTitle(badge.title);
      tray.setToolTip(trayTooltip(state));
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, actions)));
    },
    destroy: () => tray.destroy(),
  };
}
