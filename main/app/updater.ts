import type { Logger } from '../platform/log';
import type { DesktopSettings } from './desktop-settings-schema';

/** The part of electron-updater's autoUpdater this uses, so tests can pass a fake. */
export type Updater = {
  autoDownload: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
  checkForUpdatesAndNotify(): Promise<unknown>;
};

/**
 * Auto-update through a generic provider URL, only when a team turned it on. Failures are
 * logged, never shown as crashes: an update server being down is not the agent's problem.
 * The returned function runs at start-up and again whenever Settings change the feed; the
 * error listener is added once (one per call would log every failure n times and, past ten,
 * trip Node's listener-leak warning). `updater` is read lazily: electron-updater builds its
 * platform updater on first access, which a team without updates never needs.
 */
export function createAutoUpdate(
  updater: () => Updater,
  log: Logger,
): (settings: DesktopSettings['autoUpdate']) => void {
  let listening = false;
  const failed = (err: unknown) => log.warn('update check failed', { err: String(err) });
  return settings => {
    if (!settings.enabled || !settings.url) return;
    const u = updater();
    u.setFeedURL({ provider: 'generic', url: settings.url });
    u.autoDownload = true;
    if (!listening) u.on('error', failed);
    listening = true;
    void u.checkForUpdatesAndNotify().catch(failed);
  };
}
