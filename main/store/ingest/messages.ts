/**
 * Message upserts. Idempotent on (account, provider message id): a repeat, a decrypted
 * version of an encrypted placeholder, or the provider's echo of a message composed here
 * all end in one row holding the latest content.
 */
import type { AccountId, ChatId, MessageId } from '../../../common/domain';
import { messageIdOf } from '../../../common/domain';
import type { MessageInput } from '../../../common/ingest';
import type { MessageRow } from '../rows';
import { ackCode, seqBaseOf, SEQ_PER_MS } from '../rows';
import type { IngestContext } from './context';
import { rewritten, touch } from './context';
import type { ChatRef } from './context';
import { ensureChat } from './people';
import { beforeRewrite, indexLater } from './search-index';

type ExistingRow = {
  seq: number;
  chat_id: string;
  type: string;
  body: string | null;
  caption: string | null;
  ack: number;
  edited: number;
  revoked: number;
};

const EXISTING_COLUMNS = 'seq, chat_id, type, body, caption, ack, edited, revoked';
const BY_PROVIDER_ID = `SELECT ${EXISTING_COLUMNS} FROM messages WHERE account_id = ? AND provider_message_id = ?`;
const BY_CLIENT_ID = `SELECT ${EXISTING_COLUMNS} FROM messages WHERE client_message_id = ? AND account_id = ?`;

/** The next free time-ordered rowid in this millisecond, computed inside the INSERT itself. */
const INSERT_SQL = `INSERT INTO messages (seq, account_id, chat_id, provider_message_id, from_me, author, author_name,
    type, body, caption, media, location, vcard, quoted_provider_message_id, ts, ack, edited, revoked, client_message_id, poll, mentions)
  VALUES (coalesce((SELECT max(seq) + 1 FROM messages WHERE seq BETWEEN @base AND @base + ${SEQ_PER_MS - 1}), @base),
    @accountId, @chatId, @providerMessageId, @fromMe, @author, @authorName, @type, @body, @caption, @media,
    @location, @vcard, @quoted, @ts, @ack, @edited, @revoked, @clientMessageId, @poll, @mentions)
  ON CONFLICT (account_id, provider_message_id) DO NOTHING`;

/**
 * A re-delivered message (history again after a reconnect) usually changes nothing: the
 * WHERE leaves such a row unwritten (a rewrite of all its columns also rewrote two of its
 * index entries). It writes whenever any column would change, and whenever the automation
 * trigger on client_message_id could still mark the row (migration 0016), as before.
 */
const UPDATE_SQL = `UPDATE messages SET provider_message_id = @providerMessageId, author = @author,
    author_name = @authorName, type = @type, body = @body, caption = @caption, media = @media, location = @location,
    vcard = @vcard, quoted_provider_message_id = @quoted, ack = @ack, edited = @edited, revoked = @revoked,
    client_message_id = coalesce(client_message_id, @clientMessageId), poll = coalesce(poll, @poll),
    mentions = coalesce(@mentions, mentions)
  WHERE seq = @seq AND (provider_message_id IS NOT @providerMessageId OR author IS NOT @author
    OR author_name IS NOT @authorName OR type IS NOT @type OR body IS NOT @body OR caption IS NOT @caption
    OR media IS NOT @media OR location IS NOT @location OR vcard IS NOT @vcard OR quoted_provider_message_id IS NOT @quoted
    OR ack IS NOT @ack OR edited IS NOT @edited OR revoked IS NOT @revoked
    OR (client_message_id IS NULL AND @clientMessageId IS NOT NULL) OR (poll IS NULL AND @poll IS NOT NULL)
    OR (@mentions IS NOT NULL AND mentions IS NOT @mentions)
    OR (automated = 0 AND coalesce(client_message_id, @clientMessageId) IS NOT NULL))`;

const LATER_SQL = 'SELECT 1 FROM messages WHERE chat_id = ? AND seq > ? LIMIT 1';

/** A poll as stored: its definition and, from the start, no votes. */
const pollJson = (m: MessageInput): string | null =>
  m.type === 'poll' && m.poll ? JSON.stringify({ ...m.poll, votes: {} }) : null;

/** Mentioned jids as JSON; none: null (a copy without them keeps those stored). */
const mentionsJson = (m: MessageInput): string | null =>
  m.mentions && m.mentions.length > 0 ? JSON.stringify([...new Set(m.mentions)]) : null;

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** Incoming messages that make a chat unread; system notices and reactions do not. */
const countsAsUnread = (m: MessageInput): boolean => !m.fromMe && m.type !== 'system' && m.type !== 'reaction';

export function upsertMessage(ctx: IngestContext, m: MessageInput): void {
  const { db } = ctx;
  const chat = ensureChat(ctx, m.accountId, m.chatJid, m.timestamp);
  const revoked = m.revoked;
  const content = {
    type: m.type,
    body: revoked ? null : m.body,
    caption: revoked ? null : m.caption,
    media: revoked ? null : json(m.media),
    location: revoked ? null : json(m.location),
    vcard: revoked ? null : m.vcard,
  };
  // The echo of a message composed here adopts its optimistic row, so it is looked up first.
  // Everything else is inserted straight away: most messages are new, and the unique index
  // on (account, provider id) turns a repeat into "no row changed" without a lookup first.
  let existing = m.clientMessageId
    ? ((db.prepare(BY_PROVIDER_ID).get(m.accountId, m.providerMessageId) ??
        db.prepare(BY_CLIENT_ID).get(m.clientMessageId, m.accountId)) as ExistingRow | undefined)
    : undefined;
  if (!existing) {
    if (insertNew(ctx, m, chat, content)) return;
    existing = db.prepare(BY_PROVIDER_ID).get(m.accountId, m.providerMessageId) as ExistingRow | undefined;
    if (!existing) throw new Error('message row vanished during ingest');
  }
  updateExisting(ctx, m, existing, content);
}

type Content = {
  type: MessageInput['type'];
  body: string | null;
  caption: string | null;
  media: string | null;
  location: string | null;
  vcard: string | null;
};

/** Inserts a message not stored yet; false when (account, provider id) already exists. */
function insertNew(ctx: IngestContext, m: MessageInput, chat: ChatRef, content: Content): boolean {
  const values = {
    base: seqBaseOf(m.timestamp),
    accountId: m.accountId,
    chatId: chat.id,
    providerMessageId: m.providerMessageId,
    fromMe: m.fromMe ? 1 : 0,
    author: m.author,
    authorName: m.authorName,
    ...content,
    quoted: m.quotedProviderMessageId,
    ts: m.timestamp,
    ack: ackCode(m.ack),
    edited: m.edited ? 1 : 0,
    revoked: m.revoked ? 1 : 0,
    clientMessageId: m.clientMessageId,
    poll: pollJson(m),
    mentions: mentionsJson(m),
  };
  const info = ctx.db.prepare(INSERT_SQL).run(values);
  if (info.changes === 0) return false;
  const seq = Number(info.lastInsertRowid);
  if (content.body !== null || content.caption !== null) indexLater(ctx, seq);
  ctx.report.messagesInserted += 1;
  const id = messageIdOf(m.accountId as AccountId, m.providerMessageId);
  ctx.report.newMessageIds.push(id);
  // The row as stored, for the facts. Mentions are read back with their contacts' names, and
  // a row with a client id may be marked automated by a trigger: both are read back instead.
  if (ctx.built && values.mentions === null && values.clientMessageId === null) ctx.built.set(id, rowOf(seq, values));
  const t = touch(ctx, chat.id);
  // Older history (a page loaded from the phone) lands before messages already stored: it
  // was there before the agent last looked, so it never makes the chat unread.
  if (countsAsUnread(m) && m.timestamp > chat.readAt && !ctx.db.prepare(LATER_SQL).get(chat.id, seq))
    t.unreadDelta += 1;
  // Reactions are shown on their message, not as the chat's last line.
  if (m.type !== 'reaction' && (t.newest === null || seq > t.newest.seq)) {
    t.newest = {
      seq,
      ts: m.timestamp,
      fromMe: m.fromMe,
      type: m.type,
      body: content.body,
      caption: content.caption,
      revoked: m.revoked,
    };
  }
  return true;
}

type InsertValues = Content & {
  accountId: string;
  chatId: string;
  providerMessageId: string;
  fromMe: number;
  author: string | null;
  authorName: string | null;
  quoted: string | null;
  ts: number;
  ack: number;
  edited: number;
  revoked: number;
  clientMessageId: string | null;
  poll: string | null;
};

/** The row INSERT_SQL wrote, as MESSAGE_COLUMNS reads it (no mentions, not automated: see insertNew). */
function rowOf(seq: number, v: InsertValues): MessageRow {
  return {
    seq,
    account_id: v.accountId,
    chat_id: v.chatId,
    provider_message_id: v.providerMessageId,
    from_me: v.fromMe,
    author: v.author,
    author_name: v.authorName,
    type: v.type,
    body: v.body,
    caption: v.caption,
    media: v.media,
    location: v.location,
    vcard: v.vcard,
    quoted_provider_message_id: v.quoted,
    ts: v.ts,
    ack: v.ack,
    edited: v.edited,
    revoked: v.revoked,
    client_message_id: v.clientMessageId,
    poll: v.poll,
    automated: 0,
    mentions: null,
  };
}

function updateExisting(ctx: IngestContext, m: MessageInput, existing: ExistingRow, content: Content): void {
  const { db } = ctx;
  const id: MessageId = messageIdOf(m.accountId as AccountId, m.providerMessageId);
  const revoked = m.revoked;
  // Which content wins: a deleted message stays deleted; a placeholder always gives way; an
  // older copy never overwrites an edit; an encrypted copy never overwrites clear text.
  const keepOld =
    existing.revoked === 1 ||
    (existing.type !== 'ciphertext' && (m.type === 'ciphertext' || (existing.edited === 1 && !m.edited)));
  const next = keepOld
    ? null
    : {
        ...content,
        edited: m.edited ? 1 : 0,
        revoked: revoked ? 1 : 0,
      };
  const ack = Math.max(existing.ack, ackCode(m.ack));
  beforeRewrite(ctx, existing.seq);
  const written = db.prepare(UPDATE_SQL).run({
    seq: existing.seq,
    providerMessageId: m.providerMessageId,
    author: m.author,
    authorName: m.authorName,
    type: next ? next.type : existing.type,
    body: next ? next.body : existing.body,
    caption: next ? next.caption : existing.caption,
    media: next ? next.media : currentJson(ctx, existing.seq, 'media'),
    location: next ? next.location : currentJson(ctx, existing.seq, 'location'),
    vcard: next ? next.vcard : currentJson(ctx, existing.seq, 'vcard'),
    quoted: m.quotedProviderMessageId,
    ack,
    edited: next ? next.edited : existing.edited,
    revoked: next ? next.revoked : existing.revoked,
    clientMessageId: m.clientMessageId,
    // Votes live in the stored JSON: a poll arriving again keeps them (coalesce in the SQL).
    poll: pollJson(m),
    mentions: mentionsJson(m),
  });
  if (written.changes > 0) rewritten(ctx, id);
  const changed =
    ack !== existing.ack ||
    (next !== null &&
      (next.type !== existing.type ||
        next.body !== existing.body ||
        next.caption !== existing.caption ||
        next.revoked !== existing.revoked ||
        next.edited !== existing.edited));
  if (changed) {
    ctx.report.messagesUpdated += 1;
    ctx.updatedIds.add(id);
    touch(ctx, existing.chat_id as ChatId).recompute = true;
  }
}

/** The stored value of one column, for the branch that keeps old content. */
function currentJson(ctx: IngestContext, seq: number, column: 'media' | 'location' | 'vcard'): string | null {
  const v = ctx.db.prepare(`SELECT ${column} FROM messages WHERE seq = ?`).pluck().get(seq);
  return typeof v === 'string' ? v : null;
}
