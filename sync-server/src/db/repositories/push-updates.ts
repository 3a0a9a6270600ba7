/**
 * What a push changes in rows already stored: acks, edits and revokes (a few statements per
 * batch), the reactions, the chats read again for the facts, and the messages a desktop's own
 * automation sent. The inserts are in push.ts.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { asAccountId, chatIdOf } from '../../../../common/domain';
import type { AckUpdate, EditUpdate, MessageInput, ReactionInput, RevokeUpdate } from '../../../../common/ingest';
import type { RawTx } from '../index';
import type { ChatRow } from './chats';
import type { Key, TouchedMessage } from './push';
import { byAccount, chunks } from './push';
import { ACK_ORDER } from './message-insert';
import { applyReactions } from './reactions';

/** The stored messages among these keys, with their chats: updates of unknown messages are skipped. */
async function existing(tx: RawTx, keys: readonly Key[]): Promise<TouchedMessage[]> {
  const out: TouchedMessage[] = [];
  for (const [accountId, list] of byAccount(keys)) {
    for (const part of chunks([...new Set(list.map(k => k.providerMessageId))])) {
      const [rows] = await tx.query<RowDataPacket[]>(
        'select provider_message_id, chat_id from messages where account_id = ? and provider_message_id in (?)',
        [accountId, part],
      );
      for (const r of rows)
        out.push({ accountId, chatId: String(r['chat_id']), providerMessageId: String(r['provider_message_id']) });
    }
  }
  return out;
}

/**
 * Acks, edits and revokes of messages already stored, a few statements per batch rather
 * than one per item: acks grouped by their value (acks only move forward, so order within
 * a batch does not matter), edits in one CASE (the last edit of a message wins), revokes
 * in one IN list (sticky: applied after the edits, as a revoke after an edit would be).
 * Reactions are kept whether or not their message is here yet (reactions.ts); the touched
 * messages returned are those that are.
 */
export async function applyUpdates(
  tx: RawTx,
  acks: readonly AckUpdate[],
  edits: readonly EditUpdate[],
  revokes: readonly RevokeUpdate[],
  reactions: readonly ReactionInput[],
): Promise<TouchedMessage[]> {
  const all = [...acks, ...edits, ...revokes, ...reactions];
  if (all.length === 0) return [];
  await applyReactions(tx, reactions);
  for (const [accountId, list] of byAccount(acks)) {
    const byAck = new Map<string, string[]>();
    for (const a of list) byAck.set(a.ack, [...(byAck.get(a.ack) ?? []), a.providerMessageId]);
    for (const [ack, ids] of byAck) {
      for (const part of chunks(ids)) {
        await tx.query(
          `update messages set ack = ? where account_id = ? and provider_message_id in (?)
             and field(?, ${ACK_ORDER}) > field(ack, ${ACK_ORDER})`,
          [ack, accountId, part, ack],
        );
      }
    }
  }
  for (const [accountId, list] of byAccount(edits)) {
    const last = new Map(list.map(e => [e.providerMessageId, e.body]));
    for (const part of chunks([...last.entries()])) {
      await tx.query(
        `update messages set body = case provider_message_id ${part.map(() => 'when ? then ?').join(' ')} end, edited = true
         where account_id = ? and provider_message_id in (?) and not revoked`,
        [...part.flat(), accountId, part.map(([id]) => id)],
      );
    }
  }
  for (const [accountId, list] of byAccount(revokes)) {
    for (const part of chunks([...new Set(list.map(r => r.providerMessageId))])) {
      await tx.query(
        'update messages set revoked = true, body = null, caption = null where account_id = ? and provider_message_id in (?)',
        [accountId, part],
      );
    }
  }
  return existing(tx, all);
}

export async function reloadChats(tx: RawTx, ids: readonly string[]): Promise<ChatRow[]> {
  const unique = [...new Set(ids)];
  const out: ChatRow[] = [];
  for (const part of chunks(unique)) {
    const [rows] = await tx.query<RowDataPacket[]>(
      'select id, account_id, jid, is_group, name, last_message_at, unread_count, status, assignee_id, tags, version, sla_due_at, pinned, archived, read_at, tagged from chats where id in (?)',
      [part],
    );
    out.push(
      ...rows.map(r => ({
        id: String(r['id']),
        accountId: String(r['account_id']),
        jid: String(r['jid']),
        isGroup: Boolean(r['is_group']),
        name: String(r['name']),
        lastMessageAt: r['last_message_at'] === null ? null : Number(r['last_message_at']),
        unreadCount: Number(r['unread_count']),
        status: r['status'] as ChatRow['status'],
        assigneeId: (r['assignee_id'] as string | null) ?? null,
        tags: String(r['tags']),
        version: Number(r['version']),
        slaDueAt: r['sla_due_at'] === null ? null : Number(r['sla_due_at']),
        pinned: Boolean(r['pinned']),
        archived: Boolean(r['archived']),
        readAt: r['read_at'] === null ? null : Number(r['read_at']),
        tagged: r['tagged'] === null ? null : Boolean(r['tagged']),
      })),
    );
  }
  return out;
}

/**
 * Messages a desktop's own automation sent while it was not signed in (`automated` in the
 * push, #17): recorded as automated sends, as the server's own are (sends.origin), so the
 * reports and the unanswered timer do not take them for a person's reply. Insert-ignore by
 * client id: a push delivered twice adds nothing, and a member's relayed send with that id
 * keeps its origin.
 */
export async function recordPushedAutomated(
  tx: RawTx,
  list: readonly MessageInput[],
  senderDeviceId: string,
  senderId: string,
): Promise<void> {
  const rows = list.flatMap(m =>
    m.automated === true && m.fromMe && m.clientMessageId
      ? [
          [
            m.clientMessageId,
            m.accountId,
            chatIdOf(asAccountId(m.accountId), m.chatJid),
            m.chatJid,
            senderId,
            senderDeviceId,
            m.body ?? m.caption ?? '',
            'sent',
            m.providerMessageId,
            m.timestamp,
            m.timestamp,
            'automation',
          ],
        ]
      : [],
  );
  for (const part of chunks(rows)) {
    await tx.query(
      `insert ignore into sends (client_message_id, account_id, chat_id, chat_jid, sender_id, sender_device_id, body,
         state, provider_message_id, created_at, updated_at, origin) values ?`,
      [part],
    );
  }
}
