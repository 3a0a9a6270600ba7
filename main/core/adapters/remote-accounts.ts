import type { Account } from '../../../common/domain';
import { capabilitiesOf } from '../../../common/providers';
import type { Store } from '../../store';

/**
 * Numbers hosted on a teammate's desktop, as the workspace mirrors them here (main/sync writes
 * them with `config.remote`), and the workspace server's Cloud API numbers. The agent sees them in the rail and the composer like their own,
 * with the host's state; they never run on this desktop.
 */
export function remoteAccounts(store: Store): Account[] {
  return store
    .listAccounts()
    .filter(a => a.config.remote === true)
    .map(a => {
      const hostOnline = a.config.hostOnline === true;
      // A Cloud API number runs on the workspace server, never on a teammate's desktop.
      const hostedBy = capabilitiesOf(a.provider).hostedBy === 'server' ? 'server' : 'teammate';
      return {
        id: a.id,
        provider: a.provider,
        name: a.name,
        phone: a.phone,
        color: a.color,
        state: hostOnline ? 'ready' : 'disconnected',
        stateCode: hostOnline ? null : hostedBy === 'server' ? 'cloud_number_removed' : 'host_offline',
        retryAt: null,
        stoppedAfterTries: null,
        stateReason: hostOnline
          ? null
          : hostedBy === 'server'
            ? 'An admin removed this Cloud API number from the workspace; its chats stay readable.'
            : 'The desktop that runs this number is offline; replies wait until it is back.',
        qr: null,
        pairingCode: null,
        muted: a.muted,
        unreadCount: 0,
        rssBytes: null,
        createdAt: a.createdAt,
        remote: { hostOnline, hostedBy },
      };
    });
}

export const REMOTE_ACCOUNT_ACTION =
  'This number runs on a teammate’s desktop: it can be started, stopped or changed only there.';
