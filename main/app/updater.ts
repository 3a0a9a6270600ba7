import electronUpdater from 'electron-updater';
import type { Logger } from '../platform/log';
import type { DesktopSettings } from './desktop-settings-schema';

/**
 * Auto-update through a generic provider URL, only when a team turned it on. Failures are
 * logged, never shown as crashes: an update server being down is not the agent's problem.
 */
export function startAutoUpdate(settings: DesktopSettings['autoUpdate'], log: Logger): void {
  if (!settings.enabled || !settings.url) return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url: settings.url });
  autoUpdater.autoDownload = true;
  autoUpdater.on('error', err => log.warn('update check failed', { err: String(err) }));
  void autoUpdater
    .checkForUpdatesAndNotify()
    .catch((err: unknown) => log.warn('update check failed', { err: String(err) }));
}
