/** Settings → Cloud API numbers: relayed to the workspace server, which decides who may (admins). */
import type { cloudCommands } from '../../../common/api/cloud';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type CloudHandlers = Pick<HandlerTable, keyof typeof cloudCommands>;

export function cloudHandlers(sync: Pick<WorkspaceSync, 'call'>): CloudHandlers {
  return {
    'cloudNumbers:list': () => sync.call('cloud:list', {}),
    'cloudNumbers:add': args => sync.call('cloud:add', args),
    'cloudNumbers:remove': args => sync.call('cloud:remove', args),
  };
}
