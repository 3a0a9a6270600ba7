/**
 * The host side of relayed reactions (message:react from a teammate's device, for a number
 * hosted here): applied through the number's provider, then reported. Each is performed at
 * most once per run; one not reported is offered again by the server on reconnect, and a
 * reaction applied twice leaves WhatsApp as once (it sets the sender's reaction, it adds none).
 */
import { recentIds } from './recent-ids';
import { wireReactionRequestSchema } from '../../common/protocol-reactions';
import type { Logger } from '../platform/log';
import { parseLive } from './facts';
import type { RelayPort } from './relay';

export type ReactionRelayDeps = {
  readonly isHosted: (accountId: string) => boolean;
  /** Applies the reaction through the provider (relay.reactForTeammate); throws what the provider refused. */
  readonly relay: Pick<RelayPort, 'reactForTeammate'>;
  readonly call: (cmd: 'reaction:report', args: ReactionReport) => Promise<unknown>;
  readonly log: Logger;
};
type ReactionReport = { clientReactionId: string; status: 'sent' | 'failed'; error: string | null };

const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z_]{1,60}$/.test(code) ? code : 'unavailable';
};

/** The `reaction:requested` listener: the payload is parsed first, like every live event. */
export function createReactionRelay(deps: ReactionRelayDeps): (raw: unknown) => Promise<void> {
  const handled = recentIds();
  return async raw => {
    const r = parseLive(wireReactionRequestSchema, 'reaction:requested', raw, deps.log);
    if (!r || r.state !== 'queued' || handled.has(r.clientReactionId) || !deps.isHosted(r.accountId)) return;
    handled.add(r.clientReactionId);
    let outcome: { status: 'sent' | 'failed'; error: string | null };
    try {
      if (!deps.relay.reactForTeammate) throw new Error('no provider here');
      await deps.relay.reactForTeammate(r);
      outcome = { status: 'sent', error: null };
    } catch (err) {
      outcome = { status: 'failed', error: codeOf(err) };
    }
    try {
      await deps.call('reaction:report', { clientReactionId: r.clientReactionId, ...outcome });
    } catch (err) {
      // Not reported: the server offers it again when we reconnect.
      handled.delete(r.clientReactionId);
      deps.log.warn('relayed reaction not reported', { clientReactionId: r.clientReactionId, err: String(err) });
    }
  };
}
