/**
 * Where the window may go. Pure functions, so the rules are unit-tested without Electron.
 * The renderer is served from app://bundle/ (a privileged custom scheme, not file://).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Compares parsed origins: `startsWith` would let app://bundle.evil through. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** Only web links leave the app, to the system browser; file:, smb:, javascript: never do. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
}
