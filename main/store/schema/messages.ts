import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { chats } from './chats';

/**
 * `seq` is the rowid and is derived from the message time (ts * 1024 + n), so rowid order is
 * time order even when history arrives late: the FTS table shares the rowid and can page
 * "newest matches first" by rowid alone.
 */
export const messages = sqliteTable(
  'messages',
  {
    seq: integer('seq').primaryKey(),
    accountId: text('account_id').notNull(),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade' }),
    providerMessageId: text('provider_message_id').notNull(),
    fromMe: integer('from_me', { mode: 'boolean' }).notNull(),
    author: text('author'),
    authorName: text('author_name'),
    type: text('type').notNull(),
    body: text('body'),
    caption: text('caption'),
    /** MediaInfo as JSON (mime type, size, sha256, local path…). */
    media: text('media'),
    location: text('location'),
    vcard: text('vcard'),
    quotedProviderMessageId: text('quoted_provider_message_id'),
    ts: integer('ts').notNull(),
    /** 0 failed, 1 pending, 2 sent, 3 delivered, 4 read, 5 played: ordered so acks never go back. */
    ack: integer('ack').notNull(),
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    revoked: integer('revoked', { mode: 'boolean' }).notNull().default(false),
    clientMessageId: text('client_message_id'),
    /** A poll's question, options and votes per voter as JSON (type 'poll'). */
    poll: text('poll'),
    /** 1: sent by this desktop's own automation (0016; set by triggers from automation_sends). */
    automated: integer('automated', { mode: 'boolean' }).notNull().default(false),
    /** The jids @mentioned in the body, as a JSON array (0017); names come from contacts when read. */
    mentions: text('mentions'),
  },
  t => [
    uniqueIndex('messages_account_provider_id').on(t.accountId, t.providerMessageId),
    index('messages_chat_seq').on(t.chatId, t.seq),
    uniqueIndex('messages_client_id').on(t.clientMessageId),
  ],
);

/** Keyed by the provider id, not the row, so a reaction that arrives before its message is kept. */
export const reactions = sqliteTable(
  'reactions',
  {
    accountId: text('account_id').notNull(),
    providerMessageId: text('provider_message_id').notNull(),
    senderJid: text('sender_jid').notNull(),
    emoji: text('emoji').notNull(),
    ts: integer('ts').notNull(),
  },
  t => [primaryKey({ columns: [t.accountId, t.providerMessageId, t.senderJid] })],
);
