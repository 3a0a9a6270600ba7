/**
 * What a host device pushes: idempotent upserts keyed by (account, provider message id),
 * so a batch delivered twice changes nothing the second time. Returns the rows touched so
 * the caller can log one event per chat.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { chatIdOf, asAccountId } from '../../../../common/domain';
import type { AckUpdate, ChatInput, ContactInput, EditUpdate, MessageInput, RevokeUpdate } from '../../../../common/ingest';
import type { Tx } from '../index';
import { chats, contacts, messages } from '../schema';
import type { ChatRow, MessageRow } from './chats';
import { chatsByIds } from './chats';

const ACK_ORDER = sql.raw(`'failed','pending','sent','delivered','read','played'`);
const CHUNK = 500;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function upsertContacts(tx: Tx, list: readonly ContactInput[]): Promise<void> {
  for (const part of chunks(list)) {
    await tx
      .insert(contacts)
      .values(
        part.map(c => ({
          accountId: c.accountId,
          key: (c.jid ?? c.lid) as string,
          jid: c.jid,
          lid: c.lid,
          phone: c.phone,
          name: c.name,
          pushName: c.pushName,
        })),
      )
      .onDuplicateKeyUpdate({
        set: {
          jid: sql`coalesce(values(jid), jid)`,
          lid: sql`coalesce(values(lid), lid)`,
          phone: sql`coalesce(values(phone), phone)`,
          name: sql`coalesce(values(name), name)`,
          pushName: sql`coalesce(values(push_name), push_name)`,
        },
      });
  }
}

/** Pushed chat metadata; workspace fields (status, assignee, tags, version) are never touched. */
export async function upsertChats(tx: Tx, list: readonly ChatInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunks(list)) {
    await tx
      .insert(chats)
      .values(
        part.map(c => {
          const id = chatIdOf(asAccountId(c.accountId), c.jid);
          ids.push(id);
          return {
            id,
            accountId: c.accountId,
            jid: c.jid,
            isGroup: c.isGroup,
            name: c.name,
            lastMessageAt: c.timestamp ?? null,
            // -1 marks "not given": the stored count is kept (fixed below for new rows).
            unreadCount: c.unreadCount ?? -1,
            tags: '[]',
          };
        }),
      )
      .onDuplicateKeyUpdate({
        set: {
          name: sql`values(name)`,
          isGroup: sql`values(is_group)`,
          unreadCount: sql`if(values(unread_count) < 0, unread_count, values(unread_count))`,
          lastMessageAt: sql`greatest(coalesce(last_message_at, 0), coalesce(values(last_message_at), 0))`,
        },
      });
  }
  if (ids.length) await tx.update(chats).set({ unreadCount: 0 }).where(and(inArray(chats.id, ids), sql`unread_count < 0`));
  return ids;
}

/**
 * Chats that messages refer to but that were never pushed get a minimal row; existing
 * chats move to the top by their newest message. One statement per chunk.
 */
async function touchChats(tx: Tx, list: readonly MessageInput[]): Promise<string[]> {
  const newest = new Map<string, { m: MessageInput; ts: number }>();
  for (const m of list) {
    const id = chatIdOf(asAccountId(m.accountId), m.chatJid);
    const prev = newest.get(id);
    if (!prev || prev.ts < m.timestamp) newest.set(id, { m, ts: m.timestamp });
  }
  for (const part of chunks([...newest.entries()])) {
    await tx
      .insert(chats)
      .values(
        part.map(([id, { m, ts }]) => ({
          id,
          accountId: m.accountId,
          jid: m.chatJid,
          isGroup: m.chatJid.endsWith('@g.us'),
          name: m.chatJid,
          lastMessageAt: ts,
          tags: '[]',
        })),
      )
      .onDuplicateKeyUpdate({ set: { lastMessageAt: sql`greatest(coalesce(last_message_at, 0), values(last_message_at))` } });
  }
  return [...newest.keys()];
}

export async function upsertMessages(tx: Tx, list: readonly MessageInput[]): Promise<{ chatIds: string[]; rows: MessageRow[] }> {
  if (list.length === 0) return { chatIds: [], rows: [] };
  const chatIds = await touchChats(tx, list);
  for (const part of chunks(list)) {
    await tx
      .insert(messages)
      .values(
        part.map(m => ({
          accountId: m.accountId,
          providerMessageId: m.providerMessageId,
          chatId: chatIdOf(asAccountId(m.accountId), m.chatJid),
          fromMe: m.fromMe,
          author: m.author,
          authorName: m.authorName,
          type: m.type,
          body: m.body,
          caption: m.caption,
          media: m.media ? JSON.stringify(m.media) : null,
          mediaSha256: m.media?.sha256 ?? null,
          location: m.location ? JSON.stringify(m.location) : null,
          quotedProviderMessageId: m.quotedProviderMessageId,
          timestamp: m.timestamp,
          ack: m.ack,
          edited: m.edited,
          revoked: m.revoked,
          clientMessageId: m.clientMessageId,
        })),
      )
      .onDuplicateKeyUpdate({
        set: {
          // A revoked message keeps its tombstone; acks only move forward.
          body: sql`if(revoked, body, values(body))`,
          caption: sql`if(revoked, caption, values(caption))`,
          media: sql`coalesce(values(media), media)`,
          mediaSha256: sql`coalesce(values(media_sha256), media_sha256)`,
          ack: sql`if(field(values(ack), ${ACK_ORDER}) > field(ack, ${ACK_ORDER}), values(ack), ack)`,
          edited: sql`edited or values(edited)`,
          revoked: sql`revoked or values(revoked)`,
          clientMessageId: sql`coalesce(client_message_id, values(client_message_id))`,
        },
      });
  }
  const rows = await messagesByKeys(tx, list.map(m => ({ accountId: m.accountId, providerMessageId: m.providerMessageId })));
  return { chatIds, rows };
}

async function messagesByKeys(tx: Tx, keys: readonly { accountId: string; providerMessageId: string }[]): Promise<MessageRow[]> {
  const byAccount = new Map<string, string[]>();
  for (const k of keys) byAccount.set(k.accountId, [...(byAccount.get(k.accountId) ?? []), k.providerMessageId]);
  const out: MessageRow[] = [];
  for (const [accountId, ids] of byAccount) {
    for (const part of chunks([...new Set(ids)])) {
      out.push(
        ...(await tx
          .select()
          .from(messages)
          .where(and(eq(messages.accountId, accountId), inArray(messages.providerMessageId, part)))),
      );
    }
  }
  return out;
}

/** Acks, edits and revokes of messages already stored; unknown messages are skipped. */
export async function applyUpdates(
  tx: Tx,
  acks: readonly AckUpdate[],
  edits: readonly EditUpdate[],
  revokes: readonly RevokeUpdate[],
): Promise<MessageRow[]> {
  const byKey = (accountId: string, pid: string) => and(eq(messages.accountId, accountId), eq(messages.providerMessageId, pid));
  for (const a of acks) {
    await tx
      .update(messages)
      .set({ ack: a.ack })
      .where(and(byKey(a.accountId, a.providerMessageId), sql`field(${a.ack}, ${ACK_ORDER}) > field(ack, ${ACK_ORDER})`));
  }
  for (const e of edits) {
    await tx.update(messages).set({ body: e.body, edited: true }).where(and(byKey(e.accountId, e.providerMessageId), eq(messages.revoked, false)));
  }
  for (const r of revokes) {
    await tx.update(messages).set({ revoked: true, body: null, caption: null }).where(byKey(r.accountId, r.providerMessageId));
  }
  return messagesByKeys(tx, [...acks, ...edits, ...revokes]);
}

export async function reloadChats(tx: Tx, ids: readonly string[]): Promise<ChatRow[]> {
  return chatsByIds(tx, [...new Set(ids)]);
}
