import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Automation of a desktop that is not signed in to a workspace (migration 0015): per number
 * its hours, away and greeting (JSON, as checked by automationUpdateSchema), the rules (JSON,
 * ruleBodySchema) in their order, and what already ran, keyed so nothing runs twice.
 */
export const automationSettings = sqliteTable('automation_settings', {
  accountId: text('account_id').primaryKey(),
  config: text('config').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const automationRules = sqliteTable('automation_rules', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  body: text('body').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const automationSends = sqliteTable(
  'automation_sends',
  {
    chatId: text('chat_id').notNull(),
    kind: text('kind').notNull(),
    windowKey: integer('window_key').notNull(),
    clientMessageId: text('client_message_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  t => [
    primaryKey({ columns: [t.chatId, t.kind, t.windowKey] }),
    index('automation_sends_chat').on(t.chatId, t.createdAt),
    uniqueIndex('automation_sends_client').on(t.clientMessageId),
  ],
);

export const automationRuleRuns = sqliteTable(
  'automation_rule_runs',
  {
    ruleId: text('rule_id').notNull(),
    triggerKey: text('trigger_key').notNull(),
    accountId: text('account_id').notNull(),
    chatId: text('chat_id').notNull(),
    status: text('status').notNull(),
    errorCode: text('error_code'),
    createdAt: integer('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.ruleId, t.triggerKey] }), index('automation_rule_runs_created').on(t.createdAt)],
);

/** A status changed while not signed in, until its 'status.changed' rules ran (0016). */
export const automationStatusTriggers = sqliteTable('automation_status_triggers', {
  triggerKey: text('trigger_key').primaryKey(),
  chatId: text('chat_id').notNull(),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  createdAt: integer('created_at').notNull(),
});
