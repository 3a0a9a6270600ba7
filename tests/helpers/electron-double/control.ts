/**
 * The test's hands and eyes on the double, over the IPC channel the test forked main with:
 * what the tray, windows, notifications and badge show, and the user's clicks on them.
 * Inert when main was not started by a test (no IPC channel).
 */
import { z } from 'zod';
import { app } from './app';
import { BrowserWindowDouble } from './browser-window';
import { chromiumEndpoint } from './chromium';
import { recorded, snapshotMenu, trays } from './shell-parts';
import type { MenuDouble, MenuItemDouble } from './shell-parts';
import { utilityPids } from './utility-process';

export const controlRequestSchema = z.object({
  id: z.number().int(),
  op: z.enum([
    'state',
    'tray-click',
    'tray-menu-click',
    'notification-click',
    'blur',
    'open-url',
    'quit',
    'close-window',
  ]),
  arg: z.string().optional(),
});
export type ControlRequest = z.infer<typeof controlRequestSchema>;

export type DoubleState = {
  ready: boolean;
  cdpEndpoint: string | null;
  windows: Array<{
    id: number;
    visible: boolean;
    focused: boolean;
    minimized: boolean;
    url: string;
    preloadErrors: string[];
  }>;
  notifications: Array<{ window: number; id: number; title: string; body: string; tag: string }>;
  tray: { tooltip: string; title: string; menu: ReturnType<typeof snapshotMenu> } | null;
  badgeCount: number;
  utilityPids: number[];
  errorBoxes: Array<{ title: string; content: string }>;
  openedExternal: string[];
};

function state(): DoubleState {
  const wins = BrowserWindowDouble.getAllWindows();
  const [tray] = trays;
  return {
    ready: app.isReady(),
    cdpEndpoint: chromiumEndpoint(),
    windows: wins.map(w => ({
      id: w.id,
      visible: w.isVisible(),
      focused: w.isFocused(),
      minimized: w.isMinimized(),
      url: w.webContents.getURL(),
      preloadErrors: [...w.webContents.preloadErrors],
    })),
    notifications: wins.flatMap(w => w.webContents.notifications.map(n => ({ window: w.id, ...n }))),
    tray: tray ? { tooltip: tray.tooltip, title: tray.title, menu: snapshotMenu(tray.menu) } : null,
    badgeCount: app.recorded.badgeCount,
    utilityPids: utilityPids(),
    errorBoxes: [...recorded.errorBoxes],
    openedExternal: [...recorded.openedExternal],
  };
}

const findItem = (menu: MenuDouble | null, label: string): MenuItemDouble | null => {
  for (const item of menu?.items ?? []) {
    if (item.label === label) return item;
    const inner = findItem(item.submenu, label);
    if (inner) return inner;
  }
  return null;
};

function run(req: ControlRequest): unknown {
  const [tray] = trays;
  switch (req.op) {
    case 'state':
      return state();
    case 'tray-click':
      if (!tray) throw new Error('no tray');
      tray.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 });
      return null;
    case 'tray-menu-click': {
      const item = findItem(tray?.menu ?? null, req.arg ?? '');
      if (!item) throw new Error(`no tray menu item '${req.arg}'`);
      item.click(BrowserWindowDouble.getFocusedWindow());
      return null;
    }
    case 'notification-click': {
      const id = Number(req.arg);
      const win = BrowserWindowDouble.getAllWindows().find(w => w.webContents.notifications.some(n => n.id === id));
      if (!win) throw new Error(`no notification ${req.arg}`);
      win.webContents.clickNotification(id);
      return null;
    }
    case 'blur':
      for (const w of BrowserWindowDouble.getAllWindows()) w.blur();
      return null;
    case 'open-url':
      app.emit('open-url', { preventDefault: () => {} }, req.arg ?? '');
      return null;
    case 'quit':
      app.quit();
      return null;
    case 'close-window':
      BrowserWindowDouble.getAllWindows()[0]?.close();
      return null;
  }
}

export function startControl(): void {
  if (process.env.ELECTRON_DOUBLE_CONTROL !== '1' || typeof process.send !== 'function') return;
  delete process.env.ELECTRON_DOUBLE_CONTROL;
  const send = process.send.bind(process);
  process.on('message', raw => {
    const parsed = controlRequestSchema.safeParse(raw);
    if (!parsed.success) return;
    const { id } = parsed.data;
    try {
      send({ id, ok: true, value: run(parsed.data) });
    } catch (err) {
      send({ id, ok: false, error: String(err) });
    }
  });
  // The control channel must not keep main alive on its own, as nothing does in Electron.
  process.channel?.unref();
}
