import { describe, expect, it } from 'vitest';
import { readDesktopSettings, visibleBounds } from '../../../main/app/desktop-settings-schema';

describe('desktop settings', () => {
  it('fills defaults: updates and login launch are off until chosen', () => {
    expect(readDesktopSettings(undefined)).toEqual({
      schemaVersion: 1,
      windowBounds: null,
      launchAtLogin: false,
      notificationsPaused: false,
      autoUpdate: { enabled: false, url: null },
    });
  });

  it('keeps the fields that parse from a damaged file', () => {
    const s = readDesktopSettings({
      launchAtLogin: true,
      windowBounds: 'garbage',
      autoUpdate: { enabled: true, url: 'not a url' },
    });
    expect(s.launchAtLogin).toBe(true);
    expect(s.windowBounds).toBeNull();
    expect(s.autoUpdate).toEqual({ enabled: false, url: null });
  });

  it('forgets window bounds that would open off every screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(visibleBounds({ x: 100, y: 100, width: 1200, height: 800 }, screens)).toEqual({
      x: 100,
      y: 100,
      width: 1200,
      height: 800,
    });
    expect(visibleBounds({ x: 3000, y: 100, width: 1200, height: 800 }, screens)).toBeNull();
  });
});
