/**
 * Finds the Chrome, Chromium or Edge that whatsapp-web.js drives. We never download a
 * browser (puppeteer's download is skipped): a configured path wins, then the usual install
 * locations of each platform. Chrome is preferred because Chromium cannot send video.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type BrowserSearch = {
  readonly configured?: string | null;
  readonly platform?: NodeJS.Platform;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly exists?: (path: string) => boolean;
};

export function browserCandidates(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return [
      ...roots.map(r => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map(r => join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
      ...roots.map(r => join(r, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env['HOME'] ? [join(env['HOME'], 'Applications')] : [])];
    return apps.flatMap(a => [
      join(a, 'Google Chrome.app', 'Contents', 'MacOS', 'Google Chrome'),
      join(a, 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
      join(a, 'Microsoft Edge.app', 'Contents', 'MacOS', 'Microsoft Edge'),
    ]);
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
  ];
}

/** The browser to use, or null with nothing installed (the account then says so). */
export function findBrowser(search: BrowserSearch = {}): string | null {
  const env = search.env ?? process.env;
  const exists = search.exists ?? existsSync;
  const preferred = [search.configured, env['BLAZZ_BROWSER_PATH'], env['PUPPETEER_EXECUTABLE_PATH']];
  for (const p of preferred) if (p && exists(p)) return p;
  return browserCandidates(search.platform ?? process.platform, env).find(exists) ?? null;
}

export type BrowserPathCheck = 'ok' | 'missing' | 'not_a_file' | 'not_executable';

/** Whether a path a person typed can be a browser: it exists, is a file, and may run. */
export function checkBrowserPath(path: string, platform: NodeJS.Platform = process.platform): BrowserPathCheck {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return 'missing';
  }
  if (!isFile) return 'not_a_file';
  // Windows has no execute bit: a file that is there is as executable as we can tell.
  if (platform === 'win32') return 'ok';
  try {
    accessSync(path, constants.X_OK);
    return 'ok';
  } catch {
    return 'not_executable';
  }
}
