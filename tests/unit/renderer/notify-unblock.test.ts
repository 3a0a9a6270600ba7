import { describe, expect, it } from 'vitest';
import { unblockPlace } from '../../../renderer/src/features/notifications/unblock';
import { en } from '../../../renderer/src/i18n/en';
import { id } from '../../../renderer/src/i18n/id';

describe('where blocked notifications are turned back on', () => {
  it('is the site settings in a browser, the OS settings in the desktop app', () => {
    expect(unblockPlace(false, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('browser');
    expect(unblockPlace(true, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Electron/41')).toBe('windows');
    expect(unblockPlace(true, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Electron/41')).toBe('macos');
    expect(unblockPlace(true, 'Mozilla/5.0 (X11; Linux x86_64) Electron/41')).toBe('linux');
  });

  it('has the steps for every place in both languages', () => {
    for (const place of ['browser', 'windows', 'macos', 'linux'] as const) {
      expect(en[`settings.notify.unblock.${place}`]).toBeTruthy();
      expect(id[`settings.notify.unblock.${place}`]).toBeTruthy();
    }
  });
});
