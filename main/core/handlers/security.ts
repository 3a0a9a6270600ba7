/** The workspace's security commands (devices, password change, admin resets), relayed to the server. */
import { CommandError } from '../../../common/result';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type SecurityHandlers = Pick<
  HandlerTable,
  'security:sessions' | 'security:revokeSession' | 'security:changePassword' | 'security:startReset'
>;

export function securityHandlers(sync: WorkspaceSync): SecurityHandlers {
  return {
    'security:sessions': async ({ memberId }) => {
      if (sync.status().connection === 'signed_out') throw new CommandError('unauthenticated', 'Not signed in.');
      return sync.call('session:list', memberId ? { memberId } : {});
    },
    // The renderer offers this for other devices only: this one signs out with workspace:signOut,
    // which also says what it deletes. Revoking it here anyway ends like a removal (session_revoked).
    'security:revokeSession': ({ sessionId }) => sync.call('session:revoke', { sessionId }),
    'security:changePassword': args => sync.call('password:change', args),
    'security:startReset': ({ memberId }) => sync.call('password:reset-start', { memberId }),
  };
}
