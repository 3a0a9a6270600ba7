import type { Account } from '../../../common/domain';
import type { Store } from '../../store';

/**
 * Numbers hosted on a teammate's desktop, as the workspace mirrors them here (main/sync writes
 * them with `config.remote`). The agent sees them in the rail and the composer like their own,
 * with the host's state; they never run on this desktop.
 */
export function remoteAccounts(store: Store): Account[] {
  return store
    .listAccounts()
    .filter(a => a.config.remote === true)
    .map(a => {
      const hostOnline = a.config.hostOnline === true;
      return {
        id: a.id,
        provider: a.provider,
        name: a.name,
        phone: a.phone,
        color: a.color,
        state: hostOnline ? 'ready' : 'disconnected',
        stateReason: hostOnline ? null : 'The desktop that runs this number is offline; replies wait until it is back.',
        qr: null,
        pairingCode: null,
        muted: a.muted,
        unreadCount: 0,
        rssBytes: null,
        createdAt: a.createdAt,
        remote: { hostOnline },
      };
    });
}

export const REMOTE_ACCOUNT_ACTION =
  'This number runs on a teammate’s desktop: it can be started, stopped or changed only there.';
