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
  queuedReactionRequests,
  reactionRequestById,
  settleReactionRequest,
  wireReactionRequest,
} from '../db/repositories/reactions-requests';
import { accountById, accountsHostedBy, hitRateLimit } from '../db/repositories/workspace';
import type { AccountRow } from '../db/repositories/workspace';
import { requireCapability, visibleChat } from '../handlers/access';
import type { Caller, Services } from '../handlers/context';
import { commitRaw } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';
import { rooms } from '../handlers/rooms';
import { storeBatch } from '../handlers/push-store';
import { CLOUD_ORIGIN } from './inbox-worker';
import { openNumber } from './secrets';

/** The stored request, answered again to a retry; someone else's id is not revealed. */
function retried(stored: ReactionRequestRow, caller: Caller): WireReactionRequest {
  if (stored.senderId !== caller.memberId)
    throw new CommandError('conflict', 'this client reaction id is already used');
  return wireReactionRequest(stored);
}

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
export async function offerPendingReactions(services: Services, sessionId: string): Promise<void> {
  const pending = await queuedReactionRequests(services.db, await accountsHostedBy(services.db, sessionId));
  for (const r of pending) services.io.to(rooms.device(sessionId)).emit('reaction:requested', wireReactionRequest(r));
}

export function reactionHandlers(
  services: Services,
): Pick<HandlerTable, 'message:react' | 'reaction:report' | 'reaction:pending'> {
  const { db } = services;
  return {
    'message:react': async (caller, args: MessageReact) => {
      requireCapability(caller, 'messages.send');
      const stored = await reactionRequestById(db, args.clientReactionId);
      if (stored) return retried(stored, caller);
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
        return retried(raced, caller);
      }
      if (!cloud) {
        services.io.to(rooms.device(account.hostDeviceId!)).emit('reaction:requested', wireReactionRequest(row));
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
      const current = await reactionRequestById(db, args.clientReactionId);
      if (!current) throw new CommandError('not_found', 'no such reaction');
      const account = await accountById(db, current.accountId);
      if (!account || account.hostDeviceId !== caller.sessionId)
        throw new CommandError('forbidden', 'only the host device reports reactions');
      await settleReactionRequest(db, args.clientReactionId, { state: args.status, error: args.error }, Date.now());
      const after = await reactionRequestById(db, args.clientReactionId);
      if (!after) throw new CommandError('internal', 'reaction vanished');
      return wireReactionRequest(after);
    },

    'reaction:pending': async caller =>
      (await queuedReactionRequests(db, await accountsHostedBy(db, caller.sessionId))).map(wireReactionRequest),
  };
}
