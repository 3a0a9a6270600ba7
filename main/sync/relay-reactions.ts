/**
 * The host side of relayed reactions (message:react from a teammate's device, for a number
 * hosted here): applied through the number's provider, then reported, by the executor every
 * relayed request shares (relayed-executor.ts: at most once per run; one not reported is
 * offered again by the server on reconnect). A reaction applied twice leaves WhatsApp as
 * once (it sets the sender's reaction, it adds none).
 */
import { wireReactionRequestSchema } from '../../common/protocol-reactions';
import type { Logger } from '../platform/log';
import type { RelayPort } from './relay';
import { createRelayedExecutor } from './relayed-executor';

export type ReactionRelayDeps = {
  readonly isHosted: (accountId: string) => boolean;
  /** Applies the reaction through the provider (relay.reactForTeammate); throws what the provider refused. */
  readonly relay: Pick<RelayPort, 'reactForTeammate'>;
  readonly call: (cmd: 'reaction:report', args: ReactionReport) => Promise<unknown>;
  readonly log: Logger;
};
type ReactionReport = { clientReactionId: string; status: 'sent' | 'failed'; error: string | null };

/** The `reaction:requested` listener. */
export function createReactionRelay(deps: ReactionRelayDeps): (raw: unknown) => Promise<void> {
  return createRelayedExecutor(
    {
      event: 'reaction:requested',
      schema: wireReactionRequestSchema,
      idField: 'clientReactionId',
      perform: r => deps.relay.reactForTeammate?.(r) ?? null,
      report: (clientReactionId, outcome) => deps.call('reaction:report', { clientReactionId, ...outcome }),
      notReported: 'relayed reaction not reported',
    },
    deps,
  );
}
