/** Cloud API numbers and their templates: relayed to the workspace server, which decides who may. */
import type { cloudCommands } from '../../../common/api/cloud';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type CloudHandlers = Pick<HandlerTable, keyof typeof cloudCommands>;

export function cloudHandlers(sync: Pick<WorkspaceSync, 'call'>): CloudHandlers {
  return {
    'cloudNumbers:list': () => sync.call('cloud:list', {}),
    'cloudNumbers:add': args => sync.call('cloud:add', args),
    'cloudNumbers:remove': args => sync.call('cloud:remove', args),
    'cloudTemplates:list': args => sync.call('cloud:templates', args),
    'cloudTemplates:send': args => sync.call('cloud:send-template', args),
  };
}
