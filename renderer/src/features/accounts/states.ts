import type { Account, AccountState } from '../../../../common/domain';
import type { MessageKey } from '../../i18n';

export const stateKey: Record<AccountState, MessageKey> = {
  stopped: 'account.state.stopped',
  starting: 'account.state.starting',
  qr: 'account.state.qr',
  pairing_code: 'account.state.pairing_code',
  connecting: 'account.state.connecting',
  ready: 'account.state.ready',
  degraded: 'account.state.degraded',
  disconnected: 'account.state.disconnected',
  logged_out: 'account.state.logged_out',
  failed: 'account.state.failed',
};

/** States a never-linked number can be in after a failed try: it was never connected. */
const NOT_LINKED_STATES: ReadonlySet<AccountState> = new Set<AccountState>(['disconnected', 'degraded', 'failed']);

/**
 * The words for an account's state. A simulated number in `qr` is not waiting for anyone:
 * its simulated phone scans the code by itself a moment later, so "QR code needed" would
 * send an agent looking for a code nobody has to scan. A WhatsApp number that never got as
 * far as linking (no phone learnt yet) was never connected, so it cannot be "Disconnected".
 */
export function stateLabelKey(
  account: Pick<Account, 'provider' | 'state'> & { readonly phone?: string | null },
): MessageKey {
  if (account.provider === 'simulator' && account.state === 'qr') return 'account.state.simulatorLinking';
  if (account.provider === 'webjs' && account.phone === null && NOT_LINKED_STATES.has(account.state))
    return 'account.state.notLinked';
  return stateKey[account.state];
}

/** Traffic-light class for the state dot. */
export function stateTone(state: AccountState): 'ok' | 'wait' | 'warn' | 'bad' | 'off' {
  switch (state) {
    case 'ready':
      return 'ok';
    case 'starting':
    case 'connecting':
    case 'qr':
    case 'pairing_code':
      return 'wait';
    case 'degraded':
    case 'disconnected':
      return 'warn';
    case 'failed':
    case 'logged_out':
      return 'bad';
    default:
      return 'off';
  }
}

export const ACCOUNT_COLORS = ['#25d366', '#1e88e5', '#8e24aa', '#f4511e', '#fdd835', '#00897b', '#e91e63', '#6d4c41'];
