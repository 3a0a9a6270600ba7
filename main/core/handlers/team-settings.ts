/**
 * The workspace's settings: read from the server when online (and remembered), from this
 * device's copy offline; changed by admins through the server, which decides who may.
 */
import type { TeamSettings, teamSettingsCommands } from '../../../common/api/team-settings';
import { saveTeamSettings, storedTeamSettings } from '../../sync/team-settings';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { Store } from '../../store';
import type { EventBus } from '../../platform/event-bus';
import type { HandlerTable } from '../router';

export function teamSettingsHandlers(
  sync: Pick<WorkspaceSync, 'call' | 'isOnline'>,
  store: Pick<Store, 'getSetting' | 'setSetting'>,
  events: Pick<EventBus, 'emit'>,
): Pick<HandlerTable, keyof typeof teamSettingsCommands> {
  const remember = (settings: TeamSettings): TeamSettings => {
    saveTeamSettings(store, settings);
    return settings;
  };
  return {
    'teamSettings:get': async () =>
      sync.isOnline() ? remember(await sync.call('settings:get', {})) : storedTeamSettings(store),
    'teamSettings:update': async args => {
      const settings = remember(await sync.call('settings:update', args));
      // The settings:updated fact follows; this device's other views need not wait for it.
      events.emit('teamSettings:changed', { settings });
      return settings;
    },
  };
}
