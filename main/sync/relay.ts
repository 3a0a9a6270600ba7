/**
 * The host side of relayed sends (a teammate's reply for an account hosted here goes out
 * through the local outbox, then is reported).
 */
import { recentIds } from './recent-ids';
import type { WireSend } from '../../common/protocol';
import type { WireReadRequest } from '../../common/protocol-read-receipts';
import type { WireReactionRequest } from '../../common/protocol-reactions';
import type { WireMessageChange } from '../../common/protocol-message-changes';
import type { Logger } from '../platform/log';

export type HostedAccounts = {
  /** Accounts running on this desktop (their provider lives here). */
  list(): readonly { id: string; name: string; phone: string | null; provider: 'webjs' | 'simulator'; state: string }[];
};

/**
 * "Is this account hosted here?", asked once per event while a page is applied. The hosted
 * list cannot change within one synchronous page, so it is read once per turn instead of
 * once per event (~1 ms each).
 */
export function hostedLookup(hosted: HostedAccounts): (accountId: string) => boolean {
  let ids: Set<string> | null = null;
  return accountId => {
    if (!ids) {
      ids = new Set(hosted.list().map(a => a.id));
      queueMicrotask(() => (ids = null));
    }
    return ids.has(accountId);
  };
}

export type RelayPort = {
  /** A teammate's reply for an account hosted here: send it through the local outbox. */
  sendForTeammate(
    send: WireSend,
  ): Promise<{ state: 'sent' | 'failed'; providerMessageId: string | null; error: string | null }>;
  /** A teammate's reaction on a number hosted here: apply it through the number's provider. */
  reactForTeammate?(r: WireReactionRequest): Promise<void>;
  /** A teammate edits or deletes our message on a number hosted here: the hosted path; throws a CommandError's code. */
  changeForTeammate?(c: WireMessageChange): Promise<void>;
  /** A teammate read a chat of a number hosted here: send WhatsApp's read receipt. */
  markReadForTeammate?(r: WireReadRequest): Promise<void>;
};

export type RelayDeps = {
  readonly isHosted: (accountId: string) => boolean;
  readonly relay: RelayPort;
  readonly report: (args: {
    clientMessageId: string;
    status: 'sent' | 'failed';
    providerMessageId: string | null;
    error: string | null;
  }) => Promise<unknown>;
  readonly log: Logger;
};

/** Performs each relayed send at most once per run; an unreported one is offered again on reconnect. */
export function createRelayExecutor(deps: RelayDeps): (send: WireSend) => Promise<void> {
  const handled = recentIds();
  return async send => {
    if (handled.has(send.clientMessageId) || !deps.isHosted(send.accountId)) return;
    handled.add(send.clientMessageId);
    try {
      const result = await deps.relay.sendForTeammate(send);
      await deps.report({
        clientMessageId: send.clientMessageId,
        status: result.state,
        providerMessageId: result.providerMessageId,
        error: result.error,
      });
    } catch (err) {
      // Not reported: the server offers it again when we reconnect.
      handled.delete(send.clientMessageId);
      deps.log.warn('relayed send not reported', { clientMessageId: send.clientMessageId, err: String(err) });
    }
  };
}
