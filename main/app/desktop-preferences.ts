import type { DesktopPreferencesStore } from '../core/handlers/app';
import type { DesktopSettings } from './desktop-settings-schema';

type SettingsFile = {
  read(): DesktopSettings;
  update(patch: Partial<DesktopSettings>): DesktopSettings;
};

/** What a change must do besides being stored: Electron's login item and the update check. */
export type DesktopEffects = {
  setLaunchAtLogin(open: boolean): void;
  checkForUpdates(settings: DesktopSettings['autoUpdate']): void;
};

/**
 * The Settings page's "Start at login" and "Automatic updates" on top of the settings file.
 * Effects run only for what changed, so toggling one never re-runs the other.
 */
export function desktopPreferences(settings: SettingsFile, effects: DesktopEffects): DesktopPreferencesStore {
  const values = (s: DesktopSettings) => ({ launchAtLogin: s.launchAtLogin, autoUpdate: s.autoUpdate });
  return {
    read: () => values(settings.read()),
    update(patch) {
      const before = settings.read();
      const next = settings.update({
        ...(patch.launchAtLogin === undefined ? {} : { launchAtLogin: patch.launchAtLogin }),
        ...(patch.autoUpdate === undefined ? {} : { autoUpdate: patch.autoUpdate }),
      });
      if (next.launchAtLogin !== before.launchAtLogin) effects.setLaunchAtLogin(next.launchAtLogin);
      const updatesTurnedOn =
        next.autoUpdate.enabled && (!before.autoUpdate.enabled || next.autoUpdate.url !== before.autoUpdate.url);
      if (updatesTurnedOn) effects.checkForUpdates(next.autoUpdate);
      return values(next);
    },
  };
}
