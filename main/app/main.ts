/**
 * Entry of the Electron shell: wiring only. Everything testable lives in window.ts, ipc.ts,
 * navigation.ts and renderer-protocol.ts; this file needs the Electron binary to run.
 */
import { BrowserWindow, app, ipcMain, protocol, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../../common/ipc';
import type { Core } from '../core/core';
import { createCore } from '../core/core';
import { consoleLogger } from '../core/log';
import { APP_VERSION } from '../core/version';
import { registerInvokeHandler } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, isSafeExternalUrl } from './navigation';
import { handleRendererRequest } from './renderer-protocol';
import { hardenContents, mainWindowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..', '..');
const log = consoleLogger('app');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const openExternal = (url: string) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  };

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));

  void app.whenReady().then(async () => {
    core = await createCore({ dataDir: app.getPath('userData'), shell: 'electron', version: APP_VERSION, log });
    const rendererDir = join(appRoot, 'dist', 'renderer');
    protocol.handle(APP_SCHEME, request => handleRendererRequest(rendererDir, request.url));
    // Only notifications are ever granted to the page; camera, geolocation etc. are refused.
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(permission === 'notifications'),
    );
    registerInvokeHandler(ipcMain, core.dispatch);

    win = new BrowserWindow(mainWindowOptions(join(here, '..', 'preload', 'index.cjs')));
    const target = win;
    core.events.subscribe((name, payload) => {
      if (!target.isDestroyed()) target.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    });
    target.once('ready-to-show', () => target.show());
    await target.loadURL(APP_ENTRY_URL);
  });

  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('will-quit', () => {
    void core?.close();
  });
}
