import { describe, expect, it, vi } from 'vitest';
import type { Updater } from '../../../main/app/updater';
import { createAutoUpdate } from '../../../main/app/updater';

function fakeUpdater() {
  const errorListeners: Array<(err: Error) => void> = [];
  const updater: Updater = {
    autoDownload: false,
    setFeedURL: vi.fn(),
    on: (_event, listener) => errorListeners.push(listener),
    checkForUpdatesAndNotify: vi.fn(() => Promise.resolve(null)),
  };
  return { updater, errorListeners };
}
const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('auto-update', () => {
  it('checks the team’s feed each time it is started, with one error listener for all of them', () => {
    const { updater, errorListeners } = fakeUpdater();
    const logger = log();
    const start = createAutoUpdate(() => updater, logger);
    start({ enabled: true, url: 'https://updates.example/a' });
    start({ enabled: true, url: 'https://updates.example/b' });
    start({ enabled: true, url: 'https://updates.example/b' });
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://updates.example/b' });
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(3);
    expect(updater.autoDownload).toBe(true);
    expect(errorListeners).toHaveLength(1);
    errorListeners[0]?.(new Error('feed down'));
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it('does nothing, not even create the updater, while updates are off or have no address', () => {
    const make = vi.fn(() => fakeUpdater().updater);
    const start = createAutoUpdate(make, log());
    start({ enabled: false, url: 'https://updates.example/a' });
    start({ enabled: true, url: null });
    expect(make).not.toHaveBeenCalled();
  });

  it('logs a failed check instead of rejecting', async () => {
    const { updater } = fakeUpdater();
    updater.checkForUpdatesAndNotify = () => Promise.reject(new Error('offline'));
    const logger = log();
    createAutoUpdate(() => updater, logger)({ enabled: true, url: 'https://updates.example/a' });
    await vi.waitFor(() => expect(logger.warn).toHaveBeenCalledWith('update check failed', { err: 'Error: offline' }));
  });
});
