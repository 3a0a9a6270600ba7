/** Auto-assignment settings: relayed to the workspace server, which checks who asks. */
import type { assignmentCommands } from '../../../common/api/assignment';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type AssignmentHandlers = Pick<HandlerTable, keyof typeof assignmentCommands>;

export function assignmentHandlers(sync: Pick<WorkspaceSync, 'call'>): AssignmentHandlers {
  return {
    'assignment:get': args => sync.call('assignment:get', args),
    'assignment:save': args => sync.call('assignment:update', args),
  };
}
