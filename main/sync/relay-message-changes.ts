/**
 * The host side of relayed edits and deletes-for-everyone (message:change from a
 * teammate's device, for a number hosted here): applied through the number's provider, by
 * the same path as the hosted messages:edit / messages:delete, then reported, by the
 * executor every relayed request shares (relayed-executor.ts: at most once per run; one not
 * reported is offered again by the server on reconnect). The edited or revoked message
 * reaches the team through the provider's event, pushed like any other.
 */
import { wireMessageChangeSchema } from '../../common/protocol-message-changes';
import type { WireMessageChange } from '../../common/protocol-message-changes';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { RelayPort } from './relay';
import { createRelayedExecutor } from './relayed-executor';

export type MessageChangeRelayDeps = {
  readonly isHosted: (accountId: string) => boolean;
  /** Applies the change through the provider (relay.changeForTeammate); throws what was refused, with its code. */
  readonly relay: Pick<RelayPort, 'changeForTeammate'>;
  readonly call: (cmd: 'message-change:report', args: MessageChangeReport) => Promise<unknown>;
  readonly log: Logger;
};
type MessageChangeReport = { clientChangeId: string; status: 'sent' | 'failed'; error: string | null };

/** The `message-change:requested` listener. */
export function createMessageChangeRelay(deps: MessageChangeRelayDeps): (raw: unknown) => Promise<void> {
  return createRelayedExecutor(
    {
      event: 'message-change:requested',
      schema: wireMessageChangeSchema,
      idField: 'clientChangeId',
      perform: r => deps.relay.changeForTeammate?.(r) ?? null,
      report: (clientChangeId, outcome) => deps.call('message-change:report', { clientChangeId, ...outcome }),
      performed: r =>
        deps.log.info('relayed message change applied', { clientChangeId: r.clientChangeId, kind: r.kind }),
      notReported: 'relayed message change not reported',
    },
    deps,
  );
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
