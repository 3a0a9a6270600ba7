/** What a supervisor reports about its account, and the kinds of data and alerts it relays. */
import type { AccountStatusCode } from '../../common/account-status';
import type { AccountState } from '../../common/domain';
import type { ProviderEvent } from './provider';

export type RuntimeSnapshot = {
  readonly state: AccountState;
  /** Why, as a code the renderer words; null when there is nothing to explain. */
  readonly code: AccountStatusCode | null;
  /** The raw detail behind the code (a library's or browser's text), for diagnostics. */
  readonly reason: string | null;
  /** When the next automatic try starts (epoch ms), while one is scheduled. */
  readonly retryAt: number | null;
  /** Set when the supervisor stopped retrying: how many tries failed in a row. */
  readonly stoppedAfterTries: number | null;
  readonly qr: string | null;
  readonly pairingCode: string | null;
  readonly phone: string | null;
  readonly rssBytes: number | null;
  readonly pid: number | null;
};

export type AlertKind = 'dropped' | 'recovered' | 'gave_up';

export type DataEvent = Extract<
  ProviderEvent,
  { kind: 'message' | 'ack' | 'revoke' | 'edit' | 'reaction' | 'vote' | 'chat' | 'contact' }
>;
