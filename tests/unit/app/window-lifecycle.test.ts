import { describe, expect, it } from 'vitest';
import { hideInsteadOfClosing, quitWhenAllWindowsClosed } from '../../../main/app/window-lifecycle';

describe('closing the last window', () => {
  it('keeps the app running in the tray on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const)
      expect(quitWhenAllWindowsClosed({ platform, hasTray: true }), platform).toBe(false);
  });

  it('quits without a tray on Windows and Linux, and stays in the dock on macOS', () => {
    expect(quitWhenAllWindowsClosed({ platform: 'win32', hasTray: false })).toBe(true);
    expect(quitWhenAllWindowsClosed({ platform: 'linux', hasTray: false })).toBe(true);
    expect(quitWhenAllWindowsClosed({ platform: 'darwin', hasTray: false })).toBe(false);
  });

  it('hides the window while a tray can bring it back, and closes it once quitting', () => {
    expect(hideInsteadOfClosing({ hasTray: true, quitting: false })).toBe(true);
    expect(hideInsteadOfClosing({ hasTray: true, quitting: true })).toBe(false);
    expect(hideInsteadOfClosing({ hasTray: false, quitting: false })).toBe(false);
  });
});
