/**
 * Relayed sends. A send is stored once per client message id (a retry gets the stored
 * row back), offered to the account's host device now or whenever it connects, and
 * settled by the host's first report.
 */
import type { WireAttachment, WireSend } from '../../../common/protocol';
import { maxAttachmentBytes } from '../../../common/providers';
import { CommandError } from '../../../common/result';
import { CLOUD_PROVIDER } from '../../../common/cloud/ids';
import { addBlobOwners, blobBySha } from '../db/repositories/blobs';
import { chatById } from '../db/repositories/chats';
import { uploadedBy } from '../db/repositories/uploads';
import {
  accountById,
  accountsHostedBy,
  hitRateLimit,
  insertAudit,
  insertSend,
  markForwarded,
  pendingSends,
  reportSend,
  sendByClientId,
} from '../db/repositories/workspace';
import { requireCapability, visibleChat } from './access';
import type { Services } from './context';
import { commit } from './context';
import type { HandlerTable } from './dispatch';
import { rooms } from './rooms';

type AttachmentArg = { sha256: string; mimeType: string; fileName: string | null; size: number; voice?: boolean };

/**
 * The attachment as stored: the sender uploaded it (a hash alone proves nothing), its size
 * is what was stored, and the number's provider takes a file of that kind and size. The
 * stored type wins over the claimed one: it is what the upload was checked against.
 */
async function checkedAttachment(
  services: Services,
  memberId: string,
  provider: string,
  a: AttachmentArg | null,
): Promise<WireAttachment | null> {
  if (!a) return null;
  const blob = await blobBySha(services.db, a.sha256);
  if (!blob || !(await uploadedBy(services.db, a.sha256, memberId)) || (await services.blobs.size(a.sha256)) === null)
    throw new CommandError('not_found', 'no such upload');
  if (blob.size !== a.size) throw new CommandError('invalid_args', 'the size does not match the upload');
  const max = maxAttachmentBytes(provider, blob.mimeType);
  if (blob.size > max)
    throw new CommandError('payload_too_large', 'media_too_large', { reason: 'media_too_large', maxBytes: max });
  const voice = a.voice === true && blob.mimeType.startsWith('audio/') ? { voice: true } : {};
  return { sha256: a.sha256, mimeType: blob.mimeType, fileName: a.fileName, size: blob.size, ...voice };
}

/** Offers every unsettled send of the device's accounts, oldest first. */
export async function offerPendingSends(services: Services, sessionId: string): Promise<WireSend[]> {
  const accountIds = await accountsHostedBy(services.db, sessionId);
  const pending = await pendingSends(services.db, accountIds);
  for (const s of pending) services.io.to(rooms.device(sessionId)).emit('send:requested', s);
  await markForwarded(
    services.db,
    pending.map(s => s.clientMessageId),
    Date.now(),
  );
  return pending;
}

export function sendHandlers(services: Services): Pick<HandlerTable, 'message:send' | 'send:report' | 'send:pending'> {
  const { db } = services;
  return {
    'message:send': async (caller, args) => {
      requireCapability(caller, 'messages.send');
      const stored = await sendByClientId(db, args.clientMessageId);
      if (stored) {
        // A retry: same answer as the first time. Someone else's id is not revealed.
        if (stored.senderId !== caller.memberId)
          throw new CommandError('conflict', 'this client message id is already used');
        return stored;
      }
      const chat = await visibleChat(db, caller, args.chatId);
      const hits = await hitRateLimit(db, `send:${caller.memberId}`, 60_000, Date.now());
      if (hits > services.limits.sendsPerMinute)
        throw new CommandError('rate_limited', 'too many messages; wait a minute');
      const account = await accountById(db, chat.accountId);
      if (!account) throw new CommandError('not_found', 'no such account');
      const attachment = await checkedAttachment(services, caller.memberId, account.provider, args.attachment);
      const send = await commit(services, async (tx, emit) => {
        const row = {
          clientMessageId: args.clientMessageId,
          accountId: chat.accountId,
          chatId: chat.id,
          chatJid: chat.jid,
          senderId: caller.memberId,
          senderDeviceId: caller.sessionId,
          body: args.body,
          quotedProviderMessageId: args.quotedProviderMessageId,
          createdAt: Date.now(),
          attachment,
        };
        const inserted = await insertSend(tx, row);
        // The number's account owns the file now: whoever sees the chat may download it.
        if (inserted && attachment) await addBlobOwners(tx, attachment.sha256, [chat.accountId]);
        const now = await sendByClientId(tx, args.clientMessageId);
        if (!now) throw new CommandError('internal', 'send vanished');
        // Lost a race with a concurrent retry of the same id: that one logs the event and the audit row.
        if (inserted) {
          emit({
            body: { type: 'send:updated', send: now },
            audience: 'chat',
            accountId: chat.accountId,
            chatId: chat.id,
            assigneeId: chat.assigneeId,
          });
          await insertAudit(tx, {
            memberId: caller.memberId,
            deviceId: caller.sessionId,
            action: 'message.send',
            chatId: chat.id,
            before: null,
            // Not the body: the log says who sent what where, the chat itself holds the words.
            after: { clientMessageId: args.clientMessageId, viaDevice: account.hostDeviceId },
            at: row.createdAt,
          });
        }
        return { send: now, inserted };
      });
      // A Cloud API number's host is this server: its sender performs the send.
      if (send.inserted && account.provider === CLOUD_PROVIDER) services.cloud.kickSends();
      if (send.inserted && account.hostDeviceId) {
        services.io.to(rooms.device(account.hostDeviceId)).emit('send:requested', send.send);
        if (account.hostOnline) await markForwarded(db, [send.send.clientMessageId], Date.now());
      }
      if (send.send.senderId !== caller.memberId)
        throw new CommandError('conflict', 'this client message id is already used');
      return send.send;
    },

    'send:report': async (caller, args) => {
      const current = await sendByClientId(db, args.clientMessageId);
      if (!current) throw new CommandError('not_found', 'no such send');
      const account = await accountById(db, current.accountId);
      if (!account || account.hostDeviceId !== caller.sessionId)
        throw new CommandError('forbidden', 'only the host device reports sends');
      if (args.status === 'sent' && !args.providerMessageId)
        throw new CommandError('invalid_args', 'a sent message needs its providerMessageId');
      return commit(services, async (tx, emit) => {
        const changed = await reportSend(tx, {
          clientMessageId: args.clientMessageId,
          state: args.status,
          providerMessageId: args.providerMessageId,
          error: args.error,
          now: Date.now(),
        });
        const after = await sendByClientId(tx, args.clientMessageId);
        if (!after) throw new CommandError('internal', 'send vanished');
        if (changed) {
          const chat = await chatById(tx, after.chatId);
          emit({
            body: { type: 'send:updated', send: after },
            audience: 'chat',
            accountId: after.accountId,
            chatId: after.chatId,
            assigneeId: chat?.assigneeId ?? null,
          });
        }
        return after;
      });
    },

    'send:pending': async caller => pendingSends(db, await accountsHostedBy(db, caller.sessionId)),
  };
}
