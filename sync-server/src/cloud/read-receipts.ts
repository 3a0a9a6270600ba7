/**
 * Read receipts from any device (chat:read, docs/protocol.md "Read receipts"). Opening a
 * chat marks its last inbound message read on WhatsApp, once per message: a row keyed by
 * (account, message) is inserted before anything is sent, so a repeated chat:read (another
 * member, another device, a retry) finds it and stops. A Cloud number's receipt is queued
 * for the read worker (read-worker.ts), which retries through a Graph outage; a desktop
 * number's is relayed to its host (`read:requested`), which tells its WhatsApp session.
 * While that host is offline the row waits as `pending` and is handed over once, when the
 * host connects again (offerPendingReads), like a relayed send.
 */
import type { ChatRead, WireChatRead, WireReadRequest } from '../../../common/protocol-read-receipts';
import { CommandError } from '../../../common/result';
import { CLOUD_PROVIDER } from '../../../common/cloud/ids';
import { chatById } from '../db/repositories/chats';
import {
  advanceChatReadAt,
  insertReadReceipt,
  lastInboundMessage,
  pendingRelayReads,
  readReceiptOf,
  setReadReceipts,
  takePendingRead,
} from '../db/repositories/read-receipts';
import { accountById, accountsHostedBy } from '../db/repositories/workspace';
import { chatEvent, requireAccount, requireCapability, visibleChat } from '../handlers/access';
import type { Caller, Services } from '../handlers/context';
import { commit } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';
import { rooms } from '../handlers/rooms';

/** Unread is team state: every device of everyone who sees the chat shows it read up to `readAt`. */
async function markTeamRead(services: Services, chatId: string, readAt: number): Promise<void> {
  await commit(services, async (tx, emit) => {
    if (!(await advanceChatReadAt(tx, chatId, readAt))) return;
    const next = await chatById(tx, chatId);
    if (next) emit(chatEvent('chat:updated', next));
  });
}

async function markRead(services: Services, caller: Caller, args: ChatRead): Promise<WireChatRead> {
  const { db } = services;
  const chat = await visibleChat(db, caller, args.chatId);
  const answer = (providerMessageId: string | null, receipt: WireChatRead['receipt']): WireChatRead => ({
    chatId: chat.id,
    providerMessageId,
    receipt,
  });
  const last = await lastInboundMessage(services.database.raw, chat.id, args.upToMessageId);
  if (!last) return answer(null, 'none');
  await markTeamRead(services, chat.id, last.timestamp);
  const account = await accountById(db, chat.accountId);
  if (!account) throw new CommandError('not_found', 'no such account');
  if (!account.readReceipts) return answer(last.providerMessageId, 'off');
  const cloud = account.provider === CLOUD_PROVIDER;
  // Nobody to tell: no row, so opening the chat again once a host is back still marks it.
  if (!cloud && !account.hostDeviceId) return answer(last.providerMessageId, 'no_host');
  const key = { accountId: chat.accountId, providerMessageId: last.providerMessageId };
  // A desktop number's receipt waits as pending until a host is handed it (now, or when it connects).
  const inserted = await insertReadReceipt(
    db,
    { ...key, chatId: chat.id, state: cloud ? 'queued' : 'pending' },
    services.clock(),
  );
  if (!inserted) {
    const stored = await readReceiptOf(db, key.accountId, key.providerMessageId);
    if (stored?.state === 'queued') return answer(last.providerMessageId, 'queued');
    return answer(last.providerMessageId, stored?.state === 'pending' ? 'relayed' : 'done');
  }
  if (cloud) {
    services.cloud.kickReads();
    return answer(last.providerMessageId, 'queued');
  }
  // Read again after the insert: a host that connected in between found no row to offer.
  const host = await accountById(db, chat.accountId);
  if (host?.hostDeviceId && host.hostOnline)
    await relayRead(services, host.hostDeviceId, { ...key, chatId: chat.id, chatJid: chat.jid });
  return answer(last.providerMessageId, 'relayed');
}

/** Hands a pending receipt to the host device, once: only the caller that moved it to `relayed` emits. */
async function relayRead(services: Services, deviceId: string, request: WireReadRequest): Promise<void> {
  if (await takePendingRead(services.db, request, services.clock()))
    services.io.to(rooms.device(deviceId)).emit('read:requested', request);
}

/** A host device connected: the receipts asked for while it was away are handed to it now. */
export async function offerPendingReads(services: Services, sessionId: string): Promise<void> {
  const pending = await pendingRelayReads(services.database.raw, await accountsHostedBy(services.db, sessionId));
  for (const r of pending) await relayRead(services, sessionId, r);
}

export function readReceiptHandlers(services: Services): Pick<HandlerTable, 'chat:read' | 'account:set-read-receipts'> {
  return {
    'chat:read': (caller, args) => markRead(services, caller, args),

    'account:set-read-receipts': async (caller, { accountId, enabled }) => {
      requireCapability(caller, 'accounts.manage');
      requireAccount(caller, accountId);
      if (!(await accountById(services.db, accountId))) throw new CommandError('not_found', 'no such account');
      await setReadReceipts(services.db, accountId, enabled);
      return { accountId, enabled };
    },
  };
}
