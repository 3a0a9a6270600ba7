/**
 * Contacts and chats: upserts, and the lid ↔ phone merge that keeps one person as one
 * contact and one chat even though WhatsApp addresses them by two different ids.
 */
import type { AccountId, ChatId } from '../../../common/domain';
import { chatIdOf } from '../../../common/domain';
import type { ChatInput, ContactInput } from '../../../common/ingest';
import type { StoreDb } from '../db';
import type { ChatRef, IngestContext } from './context';
import { touch } from './context';

const isLid = (jid: string): boolean => jid.endsWith('@lid');
const phoneOfJid = (jid: string | null): string | null => {
  const m = jid ? /^(\d{5,20})@(c\.us|s\.whatsapp\.net)$/.exec(jid) : null;
  return m?.[1] ?? null;
};

/** The phone jid a lid is known to stand for, or the jid itself. */
export function canonicalJid(db: StoreDb, accountId: string, jid: string): string {
  if (!isLid(jid)) return jid;
  const mapped = db.prepare('SELECT jid FROM lid_map WHERE account_id = ? AND lid = ?').pluck().get(accountId, jid);
  return typeof mapped === 'string' ? mapped : jid;
}

type ContactRow = {
  id: string;
  jid: string | null;
  lid: string | null;
  phone: string | null;
  name: string | null;
  push_name: string | null;
};

const CONTACT_BY_JID = 'SELECT id, jid, lid, phone, name, push_name FROM contacts WHERE account_id = ? AND jid = ?';
const CONTACT_BY_LID = 'SELECT id, jid, lid, phone, name, push_name FROM contacts WHERE account_id = ? AND lid = ?';

export function upsertContact(ctx: IngestContext, c: ContactInput): void {
  const { db } = ctx;
  const lid = c.lid;
  const jid = c.jid ?? (lid ? canonicalFromMap(db, c.accountId, lid) : null);
  if (jid && lid) {
    db.prepare(
      `INSERT INTO lid_map (account_id, lid, jid, learned_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, lid) DO UPDATE SET jid = excluded.jid, learned_at = excluded.learned_at`,
    ).run(c.accountId, lid, jid, ctx.now);
  }
  const byJid = jid ? (db.prepare(CONTACT_BY_JID).get(c.accountId, jid) as ContactRow | undefined) : undefined;
  const byLid = lid ? (db.prepare(CONTACT_BY_LID).get(c.accountId, lid) as ContactRow | undefined) : undefined;
  let keep = byJid ?? byLid;
  if (byJid && byLid && byJid.id !== byLid.id) {
    // Two rows for one person: keep the phone one, fold the lid one into it.
    db.prepare('DELETE FROM contacts WHERE id = ?').run(byLid.id);
    keep = {
      ...byJid,
      name: byJid.name ?? byLid.name,
      push_name: byJid.push_name ?? byLid.push_name,
      phone: byJid.phone ?? byLid.phone,
    };
  }
  const merged = {
    jid: jid ?? keep?.jid ?? null,
    lid: lid ?? keep?.lid ?? null,
    phone: c.phone ?? keep?.phone ?? phoneOfJid(jid),
    name: c.name ?? keep?.name ?? null,
    pushName: c.pushName ?? keep?.push_name ?? null,
  };
  if (keep) {
    db.prepare(
      'UPDATE contacts SET jid = ?, lid = ?, phone = ?, name = ?, push_name = ?, updated_at = ? WHERE id = ?',
    ).run(merged.jid, merged.lid, merged.phone, merged.name, merged.pushName, ctx.now, keep.id);
  } else {
    db.prepare(
      `INSERT INTO contacts (id, account_id, jid, lid, phone, name, push_name, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      `${c.accountId}:${merged.jid ?? merged.lid}`,
      c.accountId,
      merged.jid,
      merged.lid,
      merged.phone,
      merged.name,
      merged.pushName,
      ctx.now,
    );
  }
  if (jid && lid) mergeLidChat(ctx, c.accountId, lid, jid);
  nameUnnamedChat(ctx, c.accountId, merged.jid ?? merged.lid, merged.name ?? merged.pushName);
  if (merged.jid) refreshSearchName(db, chatIdOf(c.accountId as AccountId, merged.jid));
  ctx.report.contacts += 1;
}

/**
 * A chat created before its person's name was known (a lid chat, say) has an empty name:
 * it takes the contact's. A name WhatsApp or an agent gave the chat is never replaced.
 */
function nameUnnamedChat(ctx: IngestContext, accountId: string, jid: string | null, name: string | null): void {
  if (!jid || !name) return;
  const id = chatIdOf(accountId as AccountId, jid);
  const changed = ctx.db.prepare("UPDATE chats SET name = ? WHERE id = ? AND name = ''").run(name, id).changes;
  if (changed > 0) touch(ctx, id);
}

function canonicalFromMap(db: StoreDb, accountId: string, lid: string): string | null {
  const jid = canonicalJid(db, accountId, lid);
  return jid === lid ? null : jid;
}

/** Messages that arrived under the lid chat move into the phone chat; the lid chat goes. */
function mergeLidChat(ctx: IngestContext, accountId: string, lid: string, jid: string): void {
  const { db } = ctx;
  const lidChatId = chatIdOf(accountId as AccountId, lid);
  const phoneChatId = chatIdOf(accountId as AccountId, jid);
  const lidChat = db.prepare('SELECT seq, unread_count FROM chats WHERE id = ?').get(lidChatId) as
    { seq: number; unread_count: number } | undefined;
  if (!lidChat) return;
  db.prepare(
    `INSERT INTO chats (id, account_id, jid, is_group, name, search_name, sort_ts, read_at, pinned, archived, muted,
       status, assignee_id, tags, version)
     SELECT ?, account_id, ?, is_group, name, search_name, sort_ts, read_at, pinned, archived, muted,
       status, assignee_id, tags, version FROM chats WHERE id = ?
     ON CONFLICT (id) DO NOTHING`,
  ).run(phoneChatId, jid, lidChatId);
  db.prepare('UPDATE messages SET chat_id = ? WHERE chat_id = ?').run(phoneChatId, lidChatId);
  db.prepare('UPDATE notes SET chat_id = ? WHERE chat_id = ?').run(phoneChatId, lidChatId);
  db.prepare('UPDATE outbox SET chat_id = ? WHERE chat_id = ?').run(phoneChatId, lidChatId);
  db.prepare(
    'UPDATE chats SET unread_count = unread_count + ?, sort_ts = max(sort_ts, (SELECT sort_ts FROM chats WHERE id = ?)) WHERE id = ?',
  ).run(lidChat.unread_count, lidChatId, phoneChatId);
  db.prepare('DELETE FROM chats WHERE id = ?').run(lidChatId);
  ctx.chatRefs.clear();
  // Rows of this batch may have moved chats: the facts read them all back (a rare merge).
  ctx.built?.clear();
  ctx.touched.delete(lidChatId);
  touch(ctx, phoneChatId).recompute = true;
}

/** Chat name + contact names + phone: what "search chats" matches. */
export function refreshSearchName(db: StoreDb, chatId: ChatId): void {
  db.prepare(
    `UPDATE chats SET search_name = trim(coalesce(custom_name, '') || ' ' || name || ' ' || coalesce(
        (SELECT coalesce(k.name, '') || ' ' || coalesce(k.push_name, '') || ' ' || coalesce(k.phone, '')
         FROM contacts k WHERE k.account_id = chats.account_id AND k.jid = chats.jid), ''))
     WHERE id = ?`,
  ).run(chatId);
}

const CHAT_REF_SQL = 'SELECT seq, id, read_at FROM chats WHERE id = ?';

/** The chat a message belongs to, created on first sight (named after the contact or the number). */
export function ensureChat(ctx: IngestContext, accountId: string, rawJid: string, ts: number): ChatRef {
  const key = `${accountId}\u0000${rawJid}`;
  const cached = ctx.chatRefs.get(key);
  if (cached) return cached;
  const { db } = ctx;
  const jid = canonicalJid(db, accountId, rawJid);
  const id = chatIdOf(accountId as AccountId, jid);
  let row = db.prepare(CHAT_REF_SQL).get(id) as { seq: number; id: string; read_at: number } | undefined;
  if (!row) {
    const contactName = db
      .prepare('SELECT coalesce(name, push_name) FROM contacts WHERE account_id = ? AND (jid = ? OR lid = ?)')
      .pluck()
      .get(accountId, jid, rawJid);
    const name = typeof contactName === 'string' ? contactName : '';
    db.prepare(
      `INSERT INTO chats (id, account_id, jid, is_group, name, search_name, sort_ts) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, accountId, jid, jid.endsWith('@g.us') ? 1 : 0, name, `${name} ${phoneOfJid(jid) ?? ''}`.trim(), ts);
    row = db.prepare(CHAT_REF_SQL).get(id) as { seq: number; id: string; read_at: number };
    touch(ctx, id);
  }
  const ref: ChatRef = { seq: row.seq, id: row.id as ChatId, readAt: row.read_at };
  ctx.chatRefs.set(key, ref);
  return ref;
}

export function upsertChat(ctx: IngestContext, c: ChatInput): void {
  const ref = ensureChat(ctx, c.accountId, c.jid, c.timestamp ?? 0);
  const { db } = ctx;
  db.prepare(
    // An empty name (WhatsApp does not know one yet) keeps the contact-derived name.
    `UPDATE chats SET name = coalesce(nullif(?, ''), name), is_group = ?, pinned = coalesce(?, pinned),
       archived = coalesce(?, archived), muted = coalesce(?, muted), sort_ts = max(sort_ts, coalesce(?, 0)) WHERE id = ?`,
  ).run(
    c.name,
    c.isGroup ? 1 : 0,
    boolOrNull(c.pinned),
    boolOrNull(c.archived),
    boolOrNull(c.muted),
    c.timestamp ?? null,
    ref.id,
  );
  refreshSearchName(db, ref.id);
  const t = touch(ctx, ref.id);
  if (c.unreadCount !== undefined) t.unreadOverride = c.unreadCount;
  ctx.report.chats += 1;
}

const boolOrNull = (b: boolean | undefined): number | null => (b === undefined ? null : b ? 1 : 0);
