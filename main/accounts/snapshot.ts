/** What a supervisor reports about its account, and the kinds of data and alerts it relays. */
import type { AccountState } from '../../common/domain';
import type { ProviderEvent } from './provider';

export type RuntimeSnapshot = {
  readonly state: AccountState;
  readonly reason: string | null;
  readonly qr: string | null;
  readonly pairingCode: string | null;
  readonly phone: string | null;
  readonly rssBytes: number | null;
  readonly pid: number | null;
};

export type AlertKind = 'dropped' | 'recovered' | 'gave_up';

export type DataEvent = Extract<
  ProviderEvent,
  { kind: 'message' | 'ack' | 'revoke' | 'edit' | 'reaction' | 'chat' | 'contact' }
>;
