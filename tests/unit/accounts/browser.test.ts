import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../../main/accounts/providers/webjs/browser';

const only =
  (...present: string[]) =>
  (p: string) =>
    present.includes(p);

describe('finding a system browser', () => {
  it('prefers a configured path, then the environment', () => {
    const exists = only('/opt/my/chrome', '/env/chrome', '/usr/bin/chromium');
    expect(findBrowser({ configured: '/opt/my/chrome', platform: 'linux', env: {}, exists })).toBe('/opt/my/chrome');
    expect(findBrowser({ platform: 'linux', env: { BLAZZ_BROWSER_PATH: '/env/chrome' }, exists })).toBe('/env/chrome');
  });

  it('prefers Chrome over Chromium on Linux (Chromium cannot send video)', () => {
    expect(
      findBrowser({ platform: 'linux', env: {}, exists: only('/usr/bin/chromium', '/usr/bin/google-chrome') }),
    ).toBe('/usr/bin/google-chrome');
    expect(findBrowser({ platform: 'linux', env: {}, exists: only('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
  });

  it('finds Chrome or Edge on Windows and macOS', () => {
    const win = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const found = findBrowser({
      platform: 'win32',
      env: win,
      exists: p => p.includes('msedge.exe') && p.startsWith('C:\\Program Files (x86)'),
    });
    expect(found).toMatch(/Microsoft.Edge.Application.msedge\.exe$/);
    expect(
      findBrowser({ platform: 'darwin', env: { HOME: '/Users/me' }, exists: p => p.includes('Google Chrome.app') }),
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('returns null when nothing is installed', () => {
    expect(findBrowser({ platform: 'linux', env: {}, exists: () => false })).toBeNull();
  });
});
