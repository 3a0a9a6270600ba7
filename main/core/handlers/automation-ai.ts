/** The workspace's AI endpoint for automation: relayed to the workspace server, which checks who asks. */
import type { automationAiCommands } from '../../../common/api/automation-ai';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type AutomationAiHandlers = Pick<HandlerTable, keyof typeof automationAiCommands>;

export function automationAiHandlers(sync: Pick<WorkspaceSync, 'call'>): AutomationAiHandlers {
  return {
    'automationAi:get': () => sync.call('automationAi:get', {}),
    'automationAi:set': args => sync.call('automationAi:set', args),
  };
}
