/** Automation rules: relayed to the workspace server, which checks who asks. */
import type { ruleCommands } from '../../../common/api/rules';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type RuleHandlers = Pick<HandlerTable, keyof typeof ruleCommands>;

export function ruleHandlers(sync: Pick<WorkspaceSync, 'call'>): RuleHandlers {
  return {
    'rules:list': () => sync.call('rules:list', {}),
    'rules:save': args => sync.call('rules:save', args),
    'rules:delete': args => sync.call('rules:delete', args),
    'rules:reorder': args => sync.call('rules:reorder', args),
    'rules:test': args => sync.call('rules:test', args),
    'rules:runs': args => sync.call('rules:runs', args),
  };
}
