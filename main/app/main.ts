/**
 * Entry of the Electron shell: wiring only. Everything testable lives beside it (window,
 * ipc, navigation, deep-link, tray-menu, renderer-protocol, utility-launcher); this file
 * needs the Electron binary to run.
 */
import {
  BrowserWindow,
  Tray,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountsEvents } from '../../common/api/accounts';
import { IPC_EVENT_CHANNEL } from '../../common/ipc';
import type { Core } from '../core/core';
import { createCore } from '../core/core';
import { fileLogger } from '../platform/file-log';
import { consoleLogger } from '../platform/log';
import { fileSecretVault } from '../platform/secret-vault';
import { APP_VERSION } from '../core/version';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deep-link';
import { desktopPreferences } from './desktop-preferences';
import { openDesktopSettings } from './desktop-settings';
import { electronNativeBinding } from './native-binding';
import { visibleBounds } from './desktop-settings-schema';
import { startAutoUpdate } from './updater';
import { registerInvokeHandler } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, isSafeExternalUrl } from './navigation';
import { handleRendererRequest } from './renderer-protocol';
import { createTrayController } from './tray';
import { utilityProcessLauncher } from './utility-launcher';
import { hardenContents, mainWindowOptions } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..', '..');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;
  let pendingChat: string | null = deepLinkFromArgv(process.argv)?.chatId ?? null;

  const show = () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const openChat = (chatId: string) => {
    show();
    if (core) core.events.emit('app:chat-requested', { chatId });
    else pendingChat = chatId;
  };

  // A second launch (or a blazz:// link on Windows/Linux) focuses the first instance.
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) openChat(link.chatId);
    else show();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) openChat(link.chatId);
  });

  const openExternal = (url: string) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  };
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));

  // A desktop app that cannot open its database must say so, not sit there without a window.
  const startupFailed = (err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    console.error('Blazz Desk could not start:', detail);
    dialog.showErrorBox('Blazz Desk could not start', detail);
    app.exit(1);
  };

  void app
    .whenReady()
    .then(async () => {
      const dataDir = app.getPath('userData');
      const log = fileLogger({ dir: join(dataDir, 'logs'), echo: consoleLogger('app') });
      // safeStorage needs the OS keychain; without one (bare Linux) fall back to a 0600 file.
      const vault = fileSecretVault(
        join(dataDir, 'secrets.json'),
        safeStorage.isEncryptionAvailable()
          ? {
              kind: 'os-keychain',
              encode: s => safeStorage.encryptString(s).toString('base64'),
              decode: s => safeStorage.decryptString(Buffer.from(s, 'base64')),
            }
          : undefined,
      );
      const launcher = utilityProcessLauncher(
        (entry, args, options) => utilityProcess.fork(entry, args, options),
        join(appRoot, 'dist', 'accounts', 'child.mjs'),
      );
      const settings = openDesktopSettings();
      core = await createCore({
        dataDir,
        desktop: desktopPreferences(settings, {
          setLaunchAtLogin: open => app.setLoginItemSettings({ openAtLogin: open }),
          checkForUpdates: updates => startAutoUpdate(updates, log),
        }),
        shell: 'electron',
        version: APP_VERSION,
        log,
        vault,
        launcher,
        problems: () => log.recentProblems(),
        migrationsDir: join(appRoot, 'dist', 'migrations', 'store'),
        nativeBinding: electronNativeBinding({
          packaged: app.isPackaged,
          resourcesPath: process.resourcesPath,
          appRoot,
          platform: process.platform,
          arch: process.arch,
        }),
      });
      const rendererDir = join(appRoot, 'dist', 'renderer');
      protocol.handle(APP_SCHEME, request => handleRendererRequest(rendererDir, request.url));
      // Only notifications are ever granted to the page; camera, geolocation etc. are refused.
      session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
        callback(permission === 'notifications'),
      );
      registerInvokeHandler(ipcMain, core.dispatch);

      const prefs = settings.read();
      app.setLoginItemSettings({ openAtLogin: prefs.launchAtLogin });
      const bounds = visibleBounds(
        prefs.windowBounds,
        screen.getAllDisplays().map(d => d.workArea),
      );
      win = new BrowserWindow({
        ...mainWindowOptions(join(appRoot, 'dist', 'preload', 'index.cjs')),
        ...(bounds ?? {}),
      });
      const target = win;
      target.on('close', () => settings.update({ windowBounds: target.getBounds() }));
      startAutoUpdate(prefs.autoUpdate, log);
      core.events.subscribe((name, payload) => {
        if (!target.isDestroyed()) target.webContents.send(IPC_EVENT_CHANNEL, name, payload);
      });

      let notificationsPaused = prefs.notificationsPaused;
      let accounts: AccountsEvents['accounts:changed']['accounts'] = [];
      const tray = createTrayController(icon => new Tray(icon), {
        show,
        openAccount: () => show(),
        setNotificationsPaused: paused => {
          notificationsPaused = paused;
          settings.update({ notificationsPaused: paused });
          core?.events.emit('app:notifications-paused', { paused });
          refreshTray();
        },
        quit: () => app.quit(),
      });
      const refreshTray = () =>
        tray.update({
          notificationsPaused,
          accounts: accounts.map(a => ({ id: a.id, name: a.name, unread: a.unreadCount, state: a.state })),
        });
      core.events.subscribe((name, payload) => {
        if (name !== 'accounts:changed') return;
        accounts = (payload as AccountsEvents['accounts:changed']).accounts;
        refreshTray();
        const unread = accounts.reduce((n, a) => n + (a.muted ? 0 : a.unreadCount), 0);
        app.setBadgeCount(unread);
      });
      refreshTray();

      target.once('ready-to-show', () => target.show());
      target.webContents.once('did-finish-load', () => {
        core?.events.emit('app:notifications-paused', { paused: notificationsPaused });
        if (pendingChat) openChat(pendingChat);
        pendingChat = null;
      });
      await target.loadURL(APP_ENTRY_URL);
      log.info('desktop started', { version: APP_VERSION, dataDir });
    })
    .catch(startupFailed);

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void core?.close();
  });
}
