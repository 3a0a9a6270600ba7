/**
 * The workspace's settings as this device last learned them (from `settings:get` or a
 * `settings:updated` fact), kept in the store so the rules still show offline.
 */
import type { TeamSettings } from '../../common/api/team-settings';
import { wireSettingsSchema } from '../../common/wire-schemas';
import type { Store } from '../store';

export const TEAM_SETTINGS_KEY = 'workspace.settings';

/** The server's defaults (docs/server.md) until this device has heard otherwise. */
const DEFAULTS: TeamSettings = { agentsSeeUnassigned: true, agentsMayHandOver: false };

export function storedTeamSettings(store: Pick<Store, 'getSetting'>): TeamSettings {
  const parsed = wireSettingsSchema.safeParse(store.getSetting(TEAM_SETTINGS_KEY));
  return parsed.success ? parsed.data : DEFAULTS;
}

export function saveTeamSettings(store: Pick<Store, 'setSetting'>, settings: TeamSettings): void {
  store.setSetting(TEAM_SETTINGS_KEY, { ...settings });
}
