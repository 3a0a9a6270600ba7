/**
 * Automation of a number (hours, away and greeting messages, rules and their runs, timers, the AI
 * endpoint) and auto-assignment (settings, capacity, the waiting queue). Part of the workspace database's schema (../schema.ts).
 */
import {
  bigint,
  boolean,
  char,
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { ms } from './columns';

/** Automation of a number (0019): business hours (JSON text), away message, greeting. */
export const automationSettings = mysqlTable('automation_settings', {
  accountId: varchar('account_id', { length: 200 }).primaryKey(),
  hours: text('hours'),
  awayEnabled: boolean('away_enabled').notNull().default(false),
  awayText: text('away_text').notNull(),
  greetingEnabled: boolean('greeting_enabled').notNull().default(false),
  greetingText: text('greeting_text').notNull(),
  greetingIdleHours: int('greeting_idle_hours').notNull().default(24),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});

/** One row per automated message (0019); the key makes it once per conversation window. */
export const automationSends = mysqlTable(
  'automation_sends',
  {
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    windowKey: bigint('window_key', { mode: 'number' }).notNull(),
    clientMessageId: char('client_message_id', { length: 36 }).notNull(),
    sentAt: ms('sent_at').notNull(),
  },
  t => [
    primaryKey({ name: 'automation_sends_key', columns: [t.chatId, t.kind, t.windowKey] }),
    index('automation_sends_chat_time').on(t.chatId, t.sentAt),
  ],
);

/** Automation rules (0020): ordered by position; body is the rule's JSON, validated when read. */
export const automationRules = mysqlTable(
  'automation_rules',
  {
    id: char('id', { length: 36 }).primaryKey(),
    position: int('position').notNull(),
    body: text('body').notNull(),
    updatedAt: ms('updated_at').notNull(),
    updatedBy: char('updated_by', { length: 36 }),
  },
  t => [index('automation_rules_position').on(t.position)],
);

/** One row per rule and trigger (0020); the unique key makes a rule act once per trigger. */
export const automationRuleRuns = mysqlTable(
  'automation_rule_runs',
  {
    rowId: bigint('row_id', { mode: 'number' }).autoincrement().primaryKey(),
    ruleId: char('rule_id', { length: 36 }).notNull(),
    triggerKey: varchar('trigger_key', { length: 300 }).notNull(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    status: mysqlEnum('status', ['ok', 'failed']).notNull(),
    errorCode: varchar('error_code', { length: 50 }),
    createdAt: ms('created_at').notNull(),
  },
  t => [
    uniqueIndex('automation_rule_runs_once').on(t.ruleId, t.triggerKey),
    index('automation_rule_runs_account_time').on(t.accountId, t.createdAt),
  ],
);

/** Auto-assignment and the first-response SLA of a number (0021); no row: off. */
export const assignmentSettings = mysqlTable('assignment_settings', {
  accountId: varchar('account_id', { length: 200 }).primaryKey(),
  mode: mysqlEnum('mode', ['off', 'round_robin', 'least_busy']).notNull().default('off'),
  rrCursor: char('rr_cursor', { length: 36 }),
  reassignAfterMinutes: int('reassign_after_minutes'),
  slaMinutes: int('sla_minutes'),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});

/** Most open chats auto-assignment gives a member (0021); no row: the default. */
export const memberCapacity = mysqlTable('member_capacity', {
  memberId: char('member_id', { length: 36 }).primaryKey(),
  maxOpen: int('max_open').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Conversations waiting for someone to be assigned (0021), oldest first. */
export const assignmentWaiting = mysqlTable(
  'assignment_waiting',
  {
    chatId: varchar('chat_id', { length: 420 }).primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    since: ms('since').notNull(),
  },
  t => [index('assignment_waiting_account_since').on(t.accountId, t.since)],
);

/** What automation's timers already did (0025): once per (kind, chat, key) across nodes and restarts. */
export const automationFires = mysqlTable(
  'automation_fires',
  {
    kind: varchar('kind', { length: 20 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    fireKey: bigint('fire_key', { mode: 'number' }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.kind, t.chatId, t.fireKey] })],
);

/**
 * Automation's jobs (0033): work a commit leaves for after it ('status' rules of a status
 * change, 'sentiment' rules of a message), written in that commit; once per (kind, key).
 */
export const automationJobs = mysqlTable(
  'automation_jobs',
  {
    id: bigint('id', { mode: 'number' }).autoincrement().primaryKey(),
    kind: varchar('kind', { length: 20 }).notNull(),
    jobKey: varchar('job_key', { length: 300 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    payload: text('payload').notNull(),
    attempts: int('attempts').notNull().default(0),
    leaseUntil: ms('lease_until').notNull().default(0),
    doneAt: ms('done_at'),
    createdAt: ms('created_at').notNull(),
  },
  t => [
    uniqueIndex('automation_jobs_once').on(t.kind, t.jobKey),
    index('automation_jobs_queue').on(t.doneAt, t.leaseUntil),
  ],
);

/** The workspace's AI endpoint for automation (0033): one row, id 1; the key never leaves the server. */
export const automationAi = mysqlTable('automation_ai', {
  id: int('id').primaryKey(),
  baseUrl: varchar('base_url', { length: 500 }).notNull(),
  model: varchar('model', { length: 200 }).notNull(),
  apiKey: text('api_key'),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});
