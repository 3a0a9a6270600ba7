/**
 * Entry of the Electron shell: wiring only. Everything testable lives beside it (window,
 * ipc, core-link, navigation, deep-link, tray-menu, renderer-protocol); this file needs the
 * Electron binary to run. The core itself runs in its own process (main/core-process).
 */
import {
  BrowserWindow,
  MessageChannelMain,
  Tray,
  app,
  dialog,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
} from 'electron';
import type { UtilityProcess } from 'electron';
import electronUpdater from 'electron-updater';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_PATHS } from '../core-process/app-paths';
import type { CoreProcessConfig } from '../core-process/config';
import type { MainToCore, TrayAccount } from '../core-process/control';
import type { ShellLabels } from '../../common/api/app';
import { fileLogger } from '../platform/file-log';
import type { Logger } from '../platform/log';
import { consoleLogger } from '../platform/log';
import { fileSecretVault } from '../platform/secret-vault';
import { APP_VERSION } from '../core/version';
import { ACCOUNT_PROCESS_ENV } from './account-env';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deep-link';
import { desktopPreferences } from './desktop-preferences';
import { openDesktopSettings } from './desktop-settings';
import { electronNativeBinding } from './native-binding';
import { visibleBounds } from './desktop-settings-schema';
import { createAutoUpdate } from './updater';
import { createCoreLink, unreadBadge } from './core-link';
import { connectRendererToCore } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, isSafeExternalUrl } from './navigation';
import { handleRendererRequest } from './renderer-protocol';
import { createQuitSequence } from './quit';
import { createTrayController } from './tray';
import { hideInsteadOfClosing, quitWhenAllWindowsClosed } from './window-lifecycle';
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
  let core: UtilityProcess | null = null;
  let rendererConnected = false;
  let log: Logger = consoleLogger('app');
  let saveWindowState = () => {};
  let hasTray = false;
  const toCore = (msg: MainToCore, transfer: Electron.MessagePortMain[] = []) => core?.postMessage(msg, transfer);
  let pendingChat: string | null = deepLinkFromArgv(process.argv)?.chatId ?? null;

  // The core closes its account processes (and their browsers) and its database before the
  // app exits; a core that does not finish within a few seconds is ended (main/app/quit.ts).
  const quit = createQuitSequence({
    saveState: () => saveWindowState(),
    closeCore: () =>
      new Promise<void>(resolve => {
        const child = core;
        if (!child) return resolve();
        child.once('exit', () => resolve());
        child.postMessage({ t: 'shutdown' } satisfies MainToCore);
      }),
    killCore: () => core?.kill(),
    exit: code => app.exit(code),
    warn: (msg, data) => log.warn(msg, data),
    timeoutMs: 8_000,
  });
  app.on('before-quit', event => quit.onBeforeQuit(event));

  const show = () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const openChat = (chatId: string) => {
    show();
    if (rendererConnected) toCore({ t: 'chat-requested', chatId });
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
      log = fileLogger({ dir: join(dataDir, 'logs'), echo: consoleLogger('app') });
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
      const settings = openDesktopSettings();
      const startAutoUpdate = createAutoUpdate(() => electronUpdater.autoUpdater, log);
      const preferences = desktopPreferences(settings, {
        setLaunchAtLogin: open => app.setLoginItemSettings({ openAtLogin: open }),
        checkForUpdates: startAutoUpdate,
      });
      // The core (store, accounts, sync) runs in its own process so that SQLite writes and
      // validation never block this thread, which serves the window and the tray.
      const config: CoreProcessConfig = {
        dataDir,
        nativeBinding: electronNativeBinding({
          packaged: app.isPackaged,
          resourcesPath: process.resourcesPath,
          appRoot,
          platform: process.platform,
          arch: process.arch,
        }),
        accountEnv: ACCOUNT_PROCESS_ENV,
      };
      const child = utilityProcess.fork(join(appRoot, ...APP_PATHS.coreChild), ['--config', JSON.stringify(config)], {
        serviceName: 'Blazz Desk core',
        stdio: 'inherit',
      });
      core = child;
      let accounts: readonly TrayAccount[] = [];
      let trayLabels: ShellLabels | null = null;
      let refreshTray = () => {};
      const ready = new Promise<void>((resolve, reject) => {
        const link = createCoreLink({
          post: msg => child.postMessage(msg),
          vault,
          preferences,
          onAccounts: list => {
            accounts = list;
            refreshTray();
            app.setBadgeCount(unreadBadge(list));
          },
          onShellLabels: labels => {
            trayLabels = labels;
            refreshTray();
          },
          onReady: () => resolve(),
          onFailed: message => reject(new Error(message)),
          onMalformed: () => log.warn('malformed message from the core process ignored'),
        });
        child.on('message', raw => link.handle(raw));
        child.on('exit', code => {
          core = null;
          rendererConnected = false;
          if (quit.quitting) return;
          reject(new Error(`the app core stopped (exit code ${code})`));
          // After start-up a dead core leaves a window that cannot do anything: say so.
          if (win) startupFailed(new Error(`the app core stopped unexpectedly (exit code ${code})`));
        });
        link.start();
      });
      await ready;
      const rendererDir = join(appRoot, ...APP_PATHS.renderer);
      protocol.handle(APP_SCHEME, request => handleRendererRequest(rendererDir, request.url));
      // Only notifications are ever granted to the page; camera, geolocation etc. are refused.
      session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
        callback(permission === 'notifications'),
      );

      const prefs = settings.read();
      app.setLoginItemSettings({ openAtLogin: prefs.launchAtLogin });
      const bounds = visibleBounds(
        prefs.windowBounds,
        screen.getAllDisplays().map(d => d.workArea),
      );
      win = new BrowserWindow({
        ...mainWindowOptions(join(appRoot, ...APP_PATHS.preload)),
        ...(bounds ?? {}),
      });
      const target = win;
      saveWindowState = () => {
        if (!target.isDestroyed()) settings.update({ windowBounds: target.getBounds() });
      };
      target.on('close', event => {
        saveWindowState();
        if (!hideInsteadOfClosing({ hasTray, quitting: quit.quitting })) return;
        event.preventDefault();
        target.hide();
      });
      startAutoUpdate(prefs.autoUpdate);

      let notificationsPaused = prefs.notificationsPaused;
      const tray = createTrayController(icon => new Tray(icon), {
        show,
        openAccount: () => show(),
        setNotificationsPaused: paused => {
          notificationsPaused = paused;
          settings.update({ notificationsPaused: paused });
          toCore({ t: 'notifications-paused', paused });
          refreshTray();
        },
        quit: () => app.quit(),
      });
      hasTray = true;
      refreshTray = () =>
        tray.update({
          notificationsPaused,
          labels: trayLabels,
          accounts: accounts.map(a => ({ id: a.id, name: a.name, unread: a.unread, state: a.state })),
        });
      refreshTray();

      target.once('ready-to-show', () => target.show());
      // Every load (the first and any reload) gets a fresh port to the core.
      target.webContents.on('did-finish-load', () => {
        if (!core) return;
        const connected = connectRendererToCore(
          target.webContents,
          { postMessage: toCore },
          () => new MessageChannelMain(),
        );
        if (!connected) return;
        rendererConnected = true;
        toCore({ t: 'notifications-paused', paused: notificationsPaused });
        if (pendingChat) openChat(pendingChat);
        pendingChat = null;
      });
      await target.loadURL(APP_ENTRY_URL);
      log.info('desktop started', { version: APP_VERSION, dataDir });
    })
    .catch(startupFailed);

  app.on('window-all-closed', () => {
    if (quitWhenAllWindowsClosed({ platform: process.platform, hasTray })) app.quit();
  });
  // macOS: a click on the dock icon brings the hidden window back.
  app.on('activate', show);
}
