/**
 * Reactions from any device (message:react, docs/protocol.md "Reactions"). The request is
 * stored first under the client's id, so a retried or redelivered command finds it and
 * reaches WhatsApp once. A Cloud API number's reaction is sent through Graph here, at once;
 * a desktop number's is relayed to its host (`reaction:requested`), which reports it with
 * `reaction:report` and is offered what is still queued when it reconnects.
 */
import type { MessageReact, WireReactionRequest } from '../../../common/protocol-reactions';
import { CommandError } from '../../../common/result';
import { CLOUD_PROVIDER, jidOfWaId, waIdOfJid, wamidOfProviderId } from '../../../common/cloud/ids';
import { ingestBatchSchema } from '../../../common/ingest';
import { cloudNumberOf, storedMessageIds } from '../db/repositories/cloud';
import type { ReactionRequestRow } from '../db/repositories/reactions-requests';
import {
  insertReactionRequest,
  reactionRequestById,
  relayedReactions,
  settleReactionRequest,
  wireReactionRequest,
} from '../db/repositories/reactions-requests';
import { accountById, hitRateLimit } from '../db/repositories/workspace';
import type { AccountRow } from '../db/repositories/workspace';
import { requireCapability, visibleChat } from '../handlers/access';
import type { Services } from '../handlers/context';
import { commitRaw } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';
import { relayedSteps } from '../handlers/relayed-requests';
import { rooms } from '../handlers/rooms';
import { storeBatch } from '../handlers/push-store';
import { CLOUD_ORIGIN } from './inbox-worker';
import { openNumber } from './secrets';

/** Sends a desktop number's reaction to its host device. */
const offer = (services: Services, hostSessionId: string, r: WireReactionRequest): void =>
  void services.io.to(rooms.device(hostSessionId)).emit('reaction:requested', r);
const steps = relayedSteps({ requests: relayedReactions, wire: wireReactionRequest, noun: 'reaction', offer });

/**
 * Meta does not echo the business's own reactions in the webhook: the reaction is stored
 * here, as the number's, so every member's bubble shows it.
 */
async function storeOwnReaction(services: Services, r: ReactionRequestRow, account: AccountRow): Promise<void> {
  const senderJid = account.phone ? jidOfWaId(account.phone) : null;
  if (!senderJid) return;
  const batch = ingestBatchSchema.parse({
    reactions: [
      {
        accountId: r.accountId,
        providerMessageId: r.providerMessageId,
        senderJid,
        emoji: r.emoji,
        timestamp: r.updatedAt,
      },
    ],
  });
  await commitRaw(services, (tx, emit) => storeBatch(services, tx, emit, batch, CLOUD_ORIGIN));
}

async function sendThroughGraph(
  services: Services,
  r: ReactionRequestRow,
): Promise<{ state: 'sent' | 'failed'; error: string | null }> {
  const row = await cloudNumberOf(services.db, r.accountId);
  const number = row ? openNumber(services.mfaKey, row) : null;
  if (!number) return { state: 'failed', error: 'number_unavailable' };
  const to = waIdOfJid(r.chatJid);
  if (!to) return { state: 'failed', error: 'invalid_number' };
  const sent = await services.cloud.graph(number).sendReaction(to, wamidOfProviderId(r.providerMessageId), r.emoji);
  return sent.ok ? { state: 'sent', error: null } : { state: 'failed', error: sent.error.code };
}

/** The host's reactions still waiting, sent to it again (it reconnected). */
export const offerPendingReactions = steps.offerPending;

export function reactionHandlers(
  services: Services,
): Pick<HandlerTable, 'message:react' | 'reaction:report' | 'reaction:pending'> {
  const { db } = services;
  return {
    'message:react': async (caller, args: MessageReact) => {
      requireCapability(caller, 'messages.send');
      const stored = await reactionRequestById(db, args.clientReactionId);
      if (stored) return steps.retried(stored, caller);
      const chat = await visibleChat(db, caller, args.chatId);
      const known = await storedMessageIds(services.database.raw, chat.accountId, [args.providerMessageId]);
      if (!known.has(args.providerMessageId)) throw new CommandError('not_found', 'no such message in this chat');
      const account = await accountById(db, chat.accountId);
      if (!account) throw new CommandError('not_found', 'no such account');
      const cloud = account.provider === CLOUD_PROVIDER;
      if (!cloud && !account.hostDeviceId)
        throw new CommandError('unavailable', 'no device hosts this number', { reason: 'no_host' });
      if ((await hitRateLimit(db, `react:${caller.memberId}`, 60_000, Date.now())) > services.limits.sendsPerMinute)
        throw new CommandError('rate_limited', 'too many reactions; wait a minute');
      const now = Date.now();
      const row: ReactionRequestRow = {
        clientReactionId: args.clientReactionId,
        accountId: chat.accountId,
        chatId: chat.id,
        chatJid: chat.jid,
        providerMessageId: args.providerMessageId,
        emoji: args.emoji,
        senderId: caller.memberId,
        state: 'queued',
        error: null,
        createdAt: now,
        updatedAt: now,
      };
      // Lost a race with a concurrent retry of the same id: that one sends.
      if (!(await insertReactionRequest(db, row))) {
        const raced = await reactionRequestById(db, args.clientReactionId);
        if (!raced) throw new CommandError('internal', 'reaction vanished');
        return steps.retried(raced, caller);
      }
      if (!cloud) {
        offer(services, account.hostDeviceId!, wireReactionRequest(row));
        return wireReactionRequest(row);
      }
      let outcome: { state: 'sent' | 'failed'; error: string | null };
      try {
        outcome = await sendThroughGraph(services, row);
      } catch (err) {
        services.log.warn({ err }, 'cloud reaction failed unexpectedly');
        outcome = { state: 'failed', error: 'unavailable' };
      }
      const settled = { ...row, ...outcome, updatedAt: Date.now() };
      await settleReactionRequest(db, row.clientReactionId, outcome, settled.updatedAt);
      if (outcome.state === 'sent') await storeOwnReaction(services, settled, account);
      return wireReactionRequest(settled);
    },

    'reaction:report': async (caller, args) => {
      const outcome = { state: args.status, error: args.error };
      return wireReactionRequest((await steps.report(services, caller, args.clientReactionId, outcome)).after);
    },

    'reaction:pending': async caller => steps.pending(services, caller.sessionId),
  };
}
