/**
 * Numbers, chats, contacts and messages, the event log, the audit log, notes, relayed sends,
 * templates and files. Part of the workspace database's schema (../schema.ts).
 */
import {
  bigint,
  boolean,
  char,
  index,
  int,
  longtext,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import { ms } from './columns';

export const accounts = mysqlTable('accounts', {
  id: varchar('id', { length: 200 }).primaryKey(),
  name: varchar('name', { length: 200 }).notNull(),
  phone: varchar('phone', { length: 20 }),
  provider: varchar('provider', { length: 20 }).notNull(),
  hostDeviceId: char('host_device_id', { length: 36 }),
  hostMemberId: char('host_member_id', { length: 36 }),
  hostOnline: boolean('host_online').notNull().default(false),
  state: varchar('state', { length: 40 }).notNull().default('stopped'),
  createdAt: ms('created_at').notNull(),
  /** "Send read receipts" (0028): chat:read marks the customer's messages read on WhatsApp. */
  readReceipts: boolean('read_receipts').notNull().default(true),
});

export const accountMembers = mysqlTable(
  'account_members',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    memberId: char('member_id', { length: 36 }).notNull(),
  },
  t => [primaryKey({ columns: [t.accountId, t.memberId] }), index('account_members_member').on(t.memberId)],
);

export const chats = mysqlTable(
  'chats',
  {
    id: varchar('id', { length: 420 }).primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    jid: varchar('jid', { length: 200 }).notNull(),
    isGroup: boolean('is_group').notNull(),
    name: varchar('name', { length: 500 }).notNull(),
    lastMessageAt: ms('last_message_at'),
    unreadCount: int('unread_count').notNull().default(0),
    status: mysqlEnum('status', ['open', 'pending', 'resolved']).notNull().default('open'),
    assigneeId: char('assignee_id', { length: 36 }),
    /** JSON array of strings. */
    tags: text('tags').notNull(),
    version: int('version').notNull().default(0),
    /** When the first reply is due (0021); null: no reply pending or no target. */
    slaDueAt: ms('sla_due_at'),
    /** Pinned / archived for the whole team (0030, chat:set-flags). */
    pinned: boolean('pinned').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    /** The team read the chat up to this inbound message's time (chat:read, 0028); null: never. */
    readAt: ms('read_at'),
    /** The chat has a tag (0037): kept by the database from `tags`, for the reports' per-tag table. */
    tagged: boolean('tagged').generatedAlwaysAs(sql`tags <> '[]'`, { mode: 'stored' }),
  },
  t => [
    index('chats_account').on(t.accountId),
    index('chats_tagged').on(t.accountId, t.tagged),
    index('chats_assignee').on(t.assigneeId),
    // Automation's timers (0025): overdue first replies, chats with recent messages.
    index('chats_sla_due').on(t.slaDueAt),
    index('chats_last_message').on(t.lastMessageAt),
  ],
);

export const contacts = mysqlTable(
  'contacts',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    /** The jid when known, else the lid: the contact's key within its account. */
    key: varchar('contact_key', { length: 200 }).notNull(),
    jid: varchar('jid', { length: 200 }),
    lid: varchar('lid', { length: 200 }),
    phone: varchar('phone', { length: 20 }),
    name: varchar('name', { length: 500 }),
    pushName: varchar('push_name', { length: 500 }),
    /** The team's name for the person (contact:update); a host's push never writes it. */
    customName: varchar('custom_name', { length: 100 }),
    /** The team's labels, a JSON array of strings; null when never set. */
    labels: varchar('labels', { length: 2000 }),
    /** The team's note about the person (0029); null when never written. */
    note: text('note'),
  },
  t => [primaryKey({ columns: [t.accountId, t.key] }), index('contacts_phone').on(t.phone)],
);

export const messages = mysqlTable(
  'messages',
  {
    rowId: bigint('row_id', { mode: 'number' }).autoincrement().primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    fromMe: boolean('from_me').notNull(),
    author: varchar('author', { length: 200 }),
    authorName: varchar('author_name', { length: 500 }),
    type: varchar('type', { length: 20 }).notNull(),
    body: mediumtext('body'),
    caption: mediumtext('caption'),
    /** JSON (MediaInfo); its thumbnail alone may be 200,000 characters, hence MEDIUMTEXT. */
    media: mediumtext('media'),
    mediaSha256: char('media_sha256', { length: 64 }),
    /** JSON (Location) */
    location: text('location'),
    quotedProviderMessageId: varchar('quoted_provider_message_id', { length: 200 }),
    timestamp: ms('ts').notNull(),
    ack: varchar('ack', { length: 10 }).notNull(),
    edited: boolean('edited').notNull().default(false),
    revoked: boolean('revoked').notNull().default(false),
    clientMessageId: char('client_message_id', { length: 36 }),
  },
  t => [
    uniqueIndex('messages_provider_id').on(t.accountId, t.providerMessageId),
    index('messages_chat_ts').on(t.chatId, t.timestamp, t.rowId),
    index('messages_media').on(t.mediaSha256),
    // Reports (0016): a range of one number's messages, read from the index alone.
    index('messages_reports').on(t.accountId, t.timestamp, t.fromMe, t.chatId, t.clientMessageId),
  ],
);

/**
 * The workspace event log. `seq` is the sequence devices pull by. `audience` says who
 * may read a row: 'chat' = whoever may see chat_id now; 'account' = members of
 * account_id; 'member' = member_id only; 'workspace' = everyone.
 */
export const events = mysqlTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).autoincrement().primaryKey(),
    type: varchar('type', { length: 40 }).notNull(),
    audience: mysqlEnum('audience', ['chat', 'account', 'member', 'workspace']).notNull(),
    accountId: varchar('account_id', { length: 200 }),
    chatId: varchar('chat_id', { length: 420 }),
    memberId: char('member_id', { length: 36 }),
    /** The device (session) that wrote this fact and already has it: a host's pushed messages
     * and contacts. Left out of that device's pulls as it is of its live delivery. */
    originDevice: char('origin_device', { length: 36 }),
    payload: longtext('payload').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [index('events_chat').on(t.chatId, t.seq)],
);

/** One row that every event-writing transaction locks, so sequence order is commit order. */
export const eventSequencer = mysqlTable('event_sequencer', {
  id: int('id').primaryKey(),
  writes: bigint('writes', { mode: 'number' }).notNull().default(0),
});

export const auditLog = mysqlTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).autoincrement().primaryKey(),
    memberId: char('member_id', { length: 36 }),
    deviceId: char('device_id', { length: 36 }),
    action: varchar('action', { length: 60 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }),
    before: text('before'),
    after: text('after'),
    at: ms('at').notNull(),
  },
  t => [
    index('audit_chat').on(t.chatId, t.id),
    index('audit_at').on(t.at, t.id),
    index('audit_member').on(t.memberId, t.id),
    index('audit_action').on(t.action, t.id),
    // Reports (0016): the chat changes of a time window.
    index('audit_reports').on(t.action, t.at),
  ],
);

export const notes = mysqlTable(
  'notes',
  {
    id: char('id', { length: 36 }).primaryKey(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    authorId: char('author_id', { length: 36 }).notNull(),
    body: text('body').notNull(),
    createdAt: ms('created_at').notNull(),
    /** 'handover' notes are written by chat:assign with a handover and carry the draft and summary. */
    kind: mysqlEnum('kind', ['note', 'handover']).notNull().default('note'),
    /** Up to 65,536 characters: utf8mb4 needs MEDIUMTEXT for that. */
    draft: mediumtext('draft'),
    summary: text('summary'),
    /** note:add's idempotency key (a uuid from the author's device); NULL for handover notes. */
    clientNoteId: char('client_note_id', { length: 36 }),
  },
  t => [index('notes_chat').on(t.chatId, t.createdAt), uniqueIndex('notes_client_id').on(t.clientNoteId)],
);

/** Relayed sends: one row per client message id, whatever the number of retries. */
export const sends = mysqlTable(
  'sends',
  {
    rowId: bigint('row_id', { mode: 'number' }).autoincrement().primaryKey(),
    clientMessageId: char('client_message_id', { length: 36 }).notNull().unique('sends_client_id'),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    chatJid: varchar('chat_jid', { length: 200 }).notNull(),
    senderId: char('sender_id', { length: 36 }).notNull(),
    senderDeviceId: char('sender_device_id', { length: 36 }).notNull(),
    body: mediumtext('body').notNull(),
    quotedProviderMessageId: varchar('quoted_provider_message_id', { length: 200 }),
    state: mysqlEnum('state', ['queued', 'forwarded', 'sent', 'failed']).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }),
    error: varchar('error', { length: 500 }),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    /** 'automation': an away or greeting message the server sent for the number (0019). */
    origin: mysqlEnum('origin', ['member', 'automation']).notNull().default('member'),
    /** A Cloud API template send (0022): JSON { name, language, parameters, header?, buttons? }; null for text. */
    template: text('template'),
    /** The file sent with the body as caption (0023): JSON { sha256, mimeType, fileName, size }; null for text. */
    attachment: varchar('attachment', { length: 1000 }),
  },
  t => [index('sends_account_state').on(t.accountId, t.state, t.rowId)],
);

export const templates = mysqlTable('templates', {
  id: char('id', { length: 36 }).primaryKey(),
  shortcut: varchar('shortcut', { length: 40 }).notNull().unique('templates_shortcut'),
  title: varchar('title', { length: 200 }).notNull(),
  body: text('body').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const blobs = mysqlTable('blobs', {
  sha256: char('sha256', { length: 64 }).primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mimeType: varchar('mime_type', { length: 200 }).notNull(),
  createdAt: ms('created_at').notNull(),
});

/** The accounts a blob was uploaded for: only their chats' viewers may download it. */
export const blobAccounts = mysqlTable(
  'blob_accounts',
  {
    sha256: char('sha256', { length: 64 }).notNull(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
  },
  t => [primaryKey({ columns: [t.sha256, t.accountId] })],
);

/** Who uploaded a file to send (0023): a member may attach only what they uploaded. */
export const blobUploads = mysqlTable(
  'blob_uploads',
  {
    sha256: char('sha256', { length: 64 }).notNull(),
    memberId: char('member_id', { length: 36 }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.sha256, t.memberId] })],
);
