/** Two-step sign-in commands: relayed as they are to the workspace server, which decides. */
import type { mfaCommands } from '../../../common/api/mfa';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

export function mfaHandlers(sync: Pick<WorkspaceSync, 'call'>): Pick<HandlerTable, keyof typeof mfaCommands> {
  return {
    'mfa:status': () => sync.call('mfa:status', {}),
    'mfa:enrol': () => sync.call('mfa:enrol', {}),
    'mfa:confirm': args => sync.call('mfa:confirm', args),
    'mfa:disable': args => sync.call('mfa:disable', args),
    'mfa:recovery-regenerate': args => sync.call('mfa:recovery-regenerate', args),
    'mfa:reset': args => sync.call('mfa:reset', args),
    // The policy is a workspace setting; the section that shows it wants the caller's status back.
    'mfa:policy:set': async args => {
      await sync.call('settings:update', { adminsRequireMfa: args.adminsRequireMfa });
      return sync.call('mfa:status', {});
    },
  };
}
