import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { chats } from './chats';

/** Composed messages waiting for the account (or the relay) to confirm them. */
export const outbox = sqliteTable(
  'outbox',
  {
    clientMessageId: text('client_message_id').primaryKey(),
    accountId: text('account_id').notNull(),
    chatId: text('chat_id').notNull(),
    /** OutboxPayload as JSON. */
    payload: text('payload').notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  t => [index('outbox_state').on(t.state, t.createdAt)],
);

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade' }),
    authorId: text('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    /** 'note', or 'handover' when written by a transfer (it then carries the draft and summary). */
    kind: text('kind').notNull().default('note'),
    draft: text('draft'),
    summary: text('summary'),
  },
  t => [index('notes_chat').on(t.chatId, t.createdAt)],
);

/**
 * Notes written on this device that the server has not confirmed yet (offline, or the
 * answer was lost). `state`: 'queued' (never reached the server), 'sending' (in flight:
 * the outcome is unknown until answered or checked), 'failed' (refused for good).
 */
export const noteQueue = sqliteTable(
  'note_queue',
  {
    clientNoteId: text('client_note_id').primaryKey(),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** When the first attempt left this device: a retry looks for a matching note from then on. */
    firstSentAt: integer('first_sent_at'),
    createdAt: integer('created_at').notNull(),
  },
  t => [index('note_queue_order').on(t.createdAt)],
);

export const templates = sqliteTable('templates', {
  id: text('id').primaryKey(),
  shortcut: text('shortcut').notNull().unique(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Where each pull stream (workspace event log, provider history) stopped. */
export const syncCursors = sqliteTable('sync_cursors', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** key → JSON value. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const chatInsights = sqliteTable('chat_insights', {
  chatId: text('chat_id')
    .primaryKey()
    .references(() => chats.id, { onDelete: 'cascade' }),
  sentiment: text('sentiment'),
  urgency: integer('urgency'),
  summary: text('summary'),
  summaryAt: integer('summary_at'),
  updatedAt: integer('updated_at').notNull(),
});

export const aiCache = sqliteTable('ai_cache', {
  key: text('key').primaryKey(),
  kind: text('kind').notNull(),
  value: text('value').notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Status and tag changes made on this device and not yet accepted by the workspace server,
 * one per (chat, field). `value`/`server_value` are JSON (a status or a list of tags);
 * `state`: 'queued', 'sending' (in flight), 'conflict' (changed meanwhile by someone else).
 */
export const chatChangeQueue = sqliteTable(
  'chat_change_queue',
  {
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    value: text('value').notNull(),
    baseVersion: integer('base_version').notNull(),
    state: text('state').notNull(),
    serverValue: text('server_value'),
    serverVersion: integer('server_version'),
    serverBy: text('server_by'),
    createdAt: integer('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.chatId, t.field] }), index('chat_change_queue_order').on(t.createdAt)],
);
