/** Automation settings and hours: relayed to the workspace server, which checks who asks. */
import type { automationCommands } from '../../../common/api/automation';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type AutomationHandlers = Pick<HandlerTable, keyof typeof automationCommands>;

export function automationHandlers(sync: Pick<WorkspaceSync, 'call'>): AutomationHandlers {
  return {
    'automation:get': args => sync.call('automation:get', args),
    'automation:save': args => sync.call('automation:update', args),
    'automation:hours': () => sync.call('automation:hours', {}),
  };
}
