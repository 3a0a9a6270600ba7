import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts';

/**
 * People as WhatsApp reports them. One person may show up under a phone jid and under a
 * privacy id (@lid); once both are seen together the rows are merged so one person is one
 * contact.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    jid: text('jid'),
    lid: text('lid'),
    phone: text('phone'),
    name: text('name'),
    pushName: text('push_name'),
    /** The team's name for the person (0009); WhatsApp's own names above stay as reported. */
    customName: text('custom_name'),
    /** The team's labels, a JSON array of strings (0009); null when never set. */
    labels: text('labels'),
    /** The team's note about the person (0012); null when never written. */
    note: text('note'),
    updatedAt: integer('updated_at').notNull(),
  },
  t => [
    uniqueIndex('contacts_account_jid').on(t.accountId, t.jid),
    uniqueIndex('contacts_account_lid').on(t.accountId, t.lid),
  ],
);

/** lid → phone jid pairs learned from WhatsApp, so later @lid traffic lands in the phone chat. */
export const lidMap = sqliteTable(
  'lid_map',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    lid: text('lid').notNull(),
    jid: text('jid').notNull(),
    learnedAt: integer('learned_at').notNull(),
  },
  t => [primaryKey({ columns: [t.accountId, t.lid] })],
);

export const chats = sqliteTable(
  'chats',
  {
    /** Integer key so the chat-name FTS table can share a rowid that VACUUM never renumbers. */
    seq: integer('seq').primaryKey(),
    /** `${accountId}:${jid}` (ChatId). */
    id: text('id').notNull().unique(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    jid: text('jid').notNull(),
    isGroup: integer('is_group', { mode: 'boolean' }).notNull().default(false),
    name: text('name').notNull().default(''),
    /** Chat name plus the contact's names and phone: what the chat search matches. */
    searchName: text('search_name').notNull().default(''),
    lastMessageSeq: integer('last_message_seq'),
    /** The last message's own text, no label: the renderer words `lastMessageKind` in the user's language. */
    lastMessagePreview: text('last_message_preview'),
    /** A PreviewKind (common/preview.ts) when the last message is more than text; null for text. */
    lastMessageKind: text('last_message_kind'),
    lastMessageAt: integer('last_message_at'),
    lastMessageFromMe: integer('last_message_from_me', { mode: 'boolean' }).notNull().default(false),
    /** Last activity: the inbox orders by this (a chat with no stored message still has a time). */
    sortTs: integer('sort_ts').notNull().default(0),
    unreadCount: integer('unread_count').notNull().default(0),
    /** Messages at or before this time were seen; only newer incoming ones raise the unread count. */
    readAt: integer('read_at').notNull().default(0),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    muted: integer('muted', { mode: 'boolean' }).notNull().default(false),
    /** The person is blocked on WhatsApp (0010, chats:setBlocked). */
    blocked: integer('blocked', { mode: 'boolean' }).notNull().default(false),
    status: text('status').notNull().default('open'),
    assigneeId: text('assignee_id'),
    /** When the first reply is due, as the workspace says (0008); null: nothing due. */
    slaDueAt: integer('sla_due_at'),
    /** The customer's contact's custom_name, copied so the inbox list needs no join (0009). */
    customName: text('custom_name'),
    /** JSON array of strings. */
    tags: text('tags')
      .notNull()
      .default(sql`'[]'`),
    version: integer('version').notNull().default(0),
  },
  t => [
    uniqueIndex('chats_account_jid').on(t.accountId, t.jid),
    // The unified inbox walks this index newest-first. It also carries the filter columns,
    // so non-matching chats are skipped without reading their rows.
    index('chats_inbox').on(t.archived, t.pinned, t.sortTs, t.id, t.accountId, t.status, t.assigneeId, t.unreadCount),
    // The rail's unread badges read only the unread chats of each number: without this, every
    // badge refresh walked all chats once per number (250 ms at 100k chats and 20 numbers).
    index('chats_unread')
      .on(t.accountId, t.unreadCount)
      .where(sql`${t.unreadCount} > 0 AND ${t.archived} = 0`),
  ],
);
