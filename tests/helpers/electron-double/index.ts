/**
 * The Electron double: what `electron` is for main while a test runs dist/app/main.mjs
 * under Node (see README.md and register.mjs). One instance per process, also when both
 * the ESM import and a CommonJS require (electron-updater) load this file.
 */
import { join } from 'node:path';
import { app as appDouble } from './app';
import { BrowserWindowDouble, setWindowHost } from './browser-window';
import { chromiumContext } from './chromium';
import { startControl } from './control';
import { ipcMain as ipcMainDouble } from './ipc-main';
import { MessageChannelMain as Channel, MessagePortMain as Port } from './ports';
import { protocol as protocolDouble } from './protocol';
import { safeStorage as safeStorageDouble } from './safe-storage';
import * as parts from './shell-parts';
import { utilityProcess as utilityDouble } from './utility-process';

function createDouble() {
  setWindowHost({
    context: () => chromiumContext(join(appDouble.getPath('userData'), 'electron-double-chromium')),
    ipcMain: ipcMainDouble,
    created: win => {
      appDouble.emit('browser-window-created', {}, win);
      appDouble.emit('web-contents-created', {}, win.webContents);
    },
    closed: (_win, byQuit) => {
      if (!byQuit && BrowserWindowDouble.getAllWindows().length === 0) appDouble.lastWindowClosed();
    },
  });
  startControl();
  appDouble.start();
  return {
    app: appDouble,
    BrowserWindow: BrowserWindowDouble,
    MessageChannelMain: Channel,
    MessagePortMain: Port,
    Tray: parts.TrayDouble,
    Menu: parts.MenuDouble,
    MenuItem: parts.MenuItemDouble,
    nativeImage: parts.nativeImage,
    dialog: parts.dialog,
    shell: parts.shell,
    screen: parts.screen,
    session: parts.session,
    protocol: protocolDouble,
    safeStorage: safeStorageDouble,
    utilityProcess: utilityDouble,
    ipcMain: ipcMainDouble,
  };
}

type Double = ReturnType<typeof createDouble>;
const holder = globalThis as { __blazzElectronDouble?: Double };
const double: Double = (holder.__blazzElectronDouble ??= createDouble());

export const {
  app,
  BrowserWindow,
  MessageChannelMain,
  MessagePortMain,
  Tray,
  Menu,
  MenuItem,
  nativeImage,
  dialog,
  shell,
  screen,
  session,
  protocol,
  safeStorage,
  utilityProcess,
  ipcMain,
} = double;
export default double;
