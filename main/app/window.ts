import type { BrowserWindowConstructorOptions, Event, WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './navigation';

/** The security settings of every window; asserted by tests/unit/app. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Blazz Desk',
    backgroundColor: '#101418',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/** The parts of WebContents the hardening uses, so tests can pass a fake. */
export type HardenableContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * New windows are always denied; web links open in the system browser. Navigation away
 * from the app bundle is blocked (a link in a customer's message must never replace the
 * inbox with a foreign page that would then see the preload's API).
 */
export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: Event, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', event => event.preventDefault());
}
