/**
 * The report worker's tables (docs/reports.md): one row per conversation, scratch rows cut again
 * as at a range's end, versions for each process's index, message counters and the dirty queue.
 * Part of the workspace database's schema (../schema.ts).
 */
import { bigint, boolean, char, index, int, mysqlTable, primaryKey, text, varchar } from 'drizzle-orm/mysql-core';
import { ms } from './columns';

/** A conversation's columns (fresh builders each call: a column belongs to one table). */
const conversationColumns = () => ({
  accountId: varchar('account_id', { length: 200 }).notNull(),
  chatId: varchar('chat_id', { length: 420 }).notNull(),
  openedAt: ms('opened_at').notNull(),
  firstResponseAt: ms('first_response_at'),
  firstResponderId: char('first_responder_id', { length: 36 }),
  resolvedAt: ms('resolved_at'),
  resolvedBy: char('resolved_by', { length: 36 }),
  assigneeId: char('assignee_id', { length: 36 }),
  assigneeSince: ms('assignee_since').notNull(),
  /** Comma-separated member ids of everyone who held it. */
  holders: varchar('holders', { length: 2000 }).notNull().default(''),
  reopenCount: int('reopen_count').notNull().default(0),
  /** Comma-separated instants it was reopened at; null when never. */
  reopenedAt: text('reopened_at'),
  lastMessageAt: ms('last_message_at').notNull(),
  /** Its latest instant (message, resolution or reopening): finds old conversations reopened in a range. */
  touchedAt: ms('touched_at').notNull(),
  messagesIn: int('messages_in').notNull().default(0),
  messagesOut: int('messages_out').notNull().default(0),
});

/** One row per conversation, kept current by the report worker (0034, docs/reports.md). */
export const reportConversations = mysqlTable('report_conversations', conversationColumns(), t => [
  primaryKey({ name: 'report_conversations_pk', columns: [t.accountId, t.openedAt, t.chatId] }),
  index('report_conversations_chat').on(t.chatId),
  index('report_conversations_touched').on(t.accountId, t.touchedAt),
  // 0036: the SQL aggregates' covering indexes and the conversation list's keyset.
  index('report_conversations_resolved_cover').on(
    t.accountId,
    t.resolvedAt,
    t.resolvedBy,
    t.assigneeId,
    t.assigneeSince,
    t.touchedAt,
  ),
  index('report_conversations_reopened').on(t.accountId, t.reopenCount, t.touchedAt),
  index('report_conversations_page').on(t.openedAt, t.chatId),
]);

/**
 * Conversations of a range that changed after its end, cut again as at that end, under one
 * random token while that range is served (0036, docs/reports.md); deleted after.
 */
export const reportRecut = mysqlTable(
  'report_recut',
  {
    token: char('token', { length: 36 }).notNull(),
    createdAt: ms('created_at').notNull(),
    ...conversationColumns(),
  },
  t => [
    primaryKey({ name: 'report_recut_pk', columns: [t.token, t.accountId, t.openedAt, t.chatId] }),
    index('report_recut_created').on(t.createdAt),
  ],
);

/**
 * One row per chat whose conversations the report worker replaced (0039), in commit-ish order:
 * each server process's in-memory conversation index (reports/conversation-index.ts) reads the
 * rows past the last seq it saw and reloads those chats. Rows older than an hour are deleted.
 */
export const reportVersions = mysqlTable(
  'report_versions',
  {
    seq: bigint('seq', { mode: 'number' }).autoincrement().primaryKey(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    at: ms('at').notNull(),
  },
  t => [index('report_versions_at').on(t.at)],
);

/** Messages in/out per number (member '') and sent per member, per 15-minute UTC bucket (0034). */
export const reportMessageCounts = mysqlTable(
  'report_message_counts',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    memberId: varchar('member_id', { length: 36 }).notNull(),
    bucket: ms('bucket').notNull(),
    messagesIn: int('messages_in').notNull().default(0),
    messagesOut: int('messages_out').notNull().default(0),
  },
  t => [primaryKey({ name: 'report_message_counts_pk', columns: [t.accountId, t.memberId, t.bucket] })],
);

/** Messages each member sent, per number and UTC day (0037): a range's whole days in a few rows. */
export const reportMemberDays = mysqlTable(
  'report_member_days',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    memberId: varchar('member_id', { length: 36 }).notNull(),
    day: ms('day').notNull(),
    messagesOut: int('messages_out').notNull().default(0),
  },
  t => [primaryKey({ name: 'report_member_days_pk', columns: [t.accountId, t.memberId, t.day] })],
);

/** Chats whose conversations the report worker must cut again (0034); `backfill`: queued by the migration. */
export const reportDirtyChats = mysqlTable(
  'report_dirty_chats',
  {
    chatId: varchar('chat_id', { length: 420 }).primaryKey(),
    backfill: boolean('backfill').notNull().default(false),
  },
  t => [index('report_dirty_chats_backfill').on(t.backfill)],
);
