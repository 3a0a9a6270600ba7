/**
 * The host side of relayed edits and deletes-for-everyone (message:change from a
 * teammate's device, for a number hosted here): applied through the number's provider, by
 * the same path as the hosted messages:edit / messages:delete, then reported. Each is
 * performed at most once per run; one not reported is offered again by the server on
 * reconnect. The edited or revoked message reaches the team through the provider's event,
 * pushed like any other.
 */
import { recentIds } from './recent-ids';
import { wireMessageChangeSchema } from '../../common/protocol-message-changes';
import type { WireMessageChange } from '../../common/protocol-message-changes';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import { parseLive } from './facts';
import type { RelayPort } from './relay';

export type MessageChangeRelayDeps = {
  readonly isHosted: (accountId: string) => boolean;
  /** Applies the change through the provider (relay.changeForTeammate); throws what was refused, with its code. */
  readonly relay: Pick<RelayPort, 'changeForTeammate'>;
  readonly call: (cmd: 'message-change:report', args: MessageChangeReport) => Promise<unknown>;
  readonly log: Logger;
};
type MessageChangeReport = { clientChangeId: string; status: 'sent' | 'failed'; error: string | null };

const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z_]{1,60}$/.test(code) ? code : 'unavailable';
};

/** The `message-change:requested` listener: the payload is parsed first, like every live event. */
export function createMessageChangeRelay(deps: MessageChangeRelayDeps): (raw: unknown) => Promise<void> {
  const handled = recentIds();
  return async raw => {
    const r = parseLive(wireMessageChangeSchema, 'message-change:requested', raw, deps.log);
    if (!r || r.state !== 'queued' || handled.has(r.clientChangeId) || !deps.isHosted(r.accountId)) return;
    handled.add(r.clientChangeId);
    let outcome: { status: 'sent' | 'failed'; error: string | null };
    try {
      if (!deps.relay.changeForTeammate) throw new Error('no provider here');
      await deps.relay.changeForTeammate(r);
      outcome = { status: 'sent', error: null };
      deps.log.info('relayed message change applied', { clientChangeId: r.clientChangeId, kind: r.kind });
    } catch (err) {
      outcome = { status: 'failed', error: codeOf(err) };
    }
    try {
      await deps.call('message-change:report', { clientChangeId: r.clientChangeId, ...outcome });
    } catch (err) {
      // Not reported: the server offers it again when we reconnect.
      handled.delete(r.clientChangeId);
      deps.log.warn('relayed message change not reported', { clientChangeId: r.clientChangeId, err: String(err) });
    }
  };
}

/**
 * `message-change:settled`, to the member who asked: their renderer learns the outcome
 * (a refusal is shown on the bubble; a success needs nothing, the message arrives changed).
 */
export function changeSettled(events: Pick<EventBus, 'emit'>, c: WireMessageChange | null): void {
  if (!c || c.state === 'queued') return;
  events.emit('messages:change-settled', {
    messageId: `${c.accountId}:${c.providerMessageId}`,
    kind: c.kind,
    state: c.state,
    error: c.error,
  });
}
