/**
 * Automation of a desktop that is not signed in to a workspace (#17): per number its hours,
 * away and greeting, the rules in their order, and what already ran. Everything read back
 * is checked with the same schemas the server uses; a row that no longer passes is treated
 * as absent (settings) or skipped (rules) rather than trusted.
 */
import { randomUUID } from 'node:crypto';
import type { RuleBody } from '../../../common/automation/rules/schema';
import { ruleBodySchema } from '../../../common/automation/rules/schema';
import type { ChatId, ChatStatus, MessageId } from '../../../common/domain';
import type { AutomationUpdate, WireAccountHours, WireAutomation } from '../../../common/protocol-automation';
import { automationUpdateSchema, defaultAutomation } from '../../../common/protocol-automation';
import type { WireRule, WireRuleRun } from '../../../common/protocol-automation-rules';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';

const configSchema = automationUpdateSchema.omit({ accountId: true });

type SettingsRow = { account_id: string; config: string; updated_at: number };

function automationOf(r: SettingsRow): WireAutomation | null {
  const parsed = configSchema.safeParse(JSON.parse(r.config));
  if (!parsed.success) return null;
  return { accountId: r.account_id, ...parsed.data, updatedAt: r.updated_at, updatedBy: null };
}

/** A number's settings; the defaults (nothing automated) when never saved. */
export function getLocalAutomation(db: StoreDb, accountId: string): WireAutomation {
  const row = db.prepare('SELECT * FROM automation_settings WHERE account_id = ?').get(accountId) as
    SettingsRow | undefined;
  return (row && automationOf(row)) ?? defaultAutomation(accountId);
}

export function saveLocalAutomation(db: StoreDb, update: AutomationUpdate, now = Date.now()): WireAutomation {
  const { accountId, ...rest } = update;
  // Checked here too: what is stored must read back (a row that does not is ignored).
  const config = configSchema.parse(rest);
  db.prepare(
    `INSERT INTO automation_settings (account_id, config, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(account_id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
  ).run(accountId, JSON.stringify(config), now);
  return getLocalAutomation(db, accountId);
}

/** The hours of every number that has them, for "open now" in the accounts rail. */
export function listLocalHours(db: StoreDb): WireAccountHours[] {
  const rows = db.prepare('SELECT * FROM automation_settings ORDER BY account_id').all() as SettingsRow[];
  return rows.flatMap(r => {
    const a = automationOf(r);
    return a?.hours ? [{ accountId: a.accountId, hours: a.hours }] : [];
  });
}

type RuleRow = { id: string; position: number; body: string; updated_at: number };

function ruleOf(r: RuleRow): WireRule | null {
  const body = ruleBodySchema.safeParse(JSON.parse(r.body));
  if (!body.success) return null;
  return { ...body.data, id: r.id, order: r.position, updatedAt: r.updated_at, updatedBy: null };
}

/** Every rule in the order it runs (position, then id, as orderRules does). */
export function listLocalRules(db: StoreDb): WireRule[] {
  const rows = db.prepare('SELECT * FROM automation_rules ORDER BY position, id').all() as RuleRow[];
  return rows.flatMap(r => ruleOf(r) ?? []);
}

export function countLocalRules(db: StoreDb): number {
  return db.prepare('SELECT count(*) AS n FROM automation_rules').pluck().get() as number;
}

/** Without an id: a new rule, placed last. With an unknown id: null. */
export function saveLocalRule(db: StoreDb, id: string | undefined, rule: RuleBody, now = Date.now()): WireRule | null {
  const body = JSON.stringify(ruleBodySchema.parse(rule));
  if (id === undefined) {
    const newId = randomUUID();
    const last = db.prepare('SELECT max(position) FROM automation_rules').pluck().get() as number | null;
    db.prepare('INSERT INTO automation_rules (id, position, body, updated_at) VALUES (?, ?, ?, ?)').run(
      newId,
      last === null ? 0 : last + 1,
      body,
      now,
    );
    return localRule(db, newId);
  }
  const r = db.prepare('UPDATE automation_rules SET body = ?, updated_at = ? WHERE id = ?').run(body, now, id);
  return r.changes > 0 ? localRule(db, id) : null;
}

function localRule(db: StoreDb, id: string): WireRule | null {
  const row = db.prepare('SELECT * FROM automation_rules WHERE id = ?').get(id) as RuleRow | undefined;
  return row ? ruleOf(row) : null;
}

export function deleteLocalRule(db: StoreDb, id: string): boolean {
  return db.prepare('DELETE FROM automation_rules WHERE id = ?').run(id).changes > 0;
}

/** The named rules take the places they had between them, in the new order; others stay put. */
export function reorderLocalRules(db: StoreDb, ids: readonly string[], now = Date.now()): WireRule[] {
  return inTransaction(db, () => {
    const placed = listLocalRules(db).filter(r => ids.includes(r.id));
    const slots = placed.map(r => r.order).sort((a, b) => a - b);
    const known = ids.filter(id => placed.some(r => r.id === id));
    const set = db.prepare('UPDATE automation_rules SET position = ?, updated_at = ? WHERE id = ?');
    known.forEach((id, i) => set.run(slots[i], now, id));
    return listLocalRules(db);
  });
}

export type AutomationSendClaim = {
  readonly chatId: ChatId;
  readonly kind: string;
  readonly windowKey: number;
  readonly clientMessageId: string;
  readonly now: number;
};

/** True when this (chat, kind, window) had no automated message yet: the caller sends one. */
export function claimAutomationSend(db: StoreDb, c: AutomationSendClaim): boolean {
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO automation_sends (chat_id, kind, window_key, client_message_id, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(c.chatId, c.kind, c.windowKey, c.clientMessageId, c.now);
  return r.changes > 0;
}

/** When this chat last got an automated message; null: never. */
export function lastAutomatedAt(db: StoreDb, chatId: ChatId): number | null {
  return db.prepare('SELECT max(created_at) FROM automation_sends WHERE chat_id = ?').pluck().get(chatId) as
    number | null;
}

export function countAutomatedSince(db: StoreDb, chatId: ChatId, since: number): number {
  return db
    .prepare('SELECT count(*) FROM automation_sends WHERE chat_id = ? AND created_at >= ?')
    .pluck()
    .get(chatId, since) as number;
}

/** Whether an outgoing message was sent by automation, not by a person. */
export function isAutomatedSend(db: StoreDb, clientMessageId: string): boolean {
  return db.prepare('SELECT 1 FROM automation_sends WHERE client_message_id = ?').get(clientMessageId) !== undefined;
}

export type RuleRunClaim = {
  readonly ruleId: string;
  readonly triggerKey: string;
  readonly accountId: string;
  readonly chatId: ChatId;
  readonly now: number;
};

/** True when this rule has not run for this trigger yet (the run is recorded as ok). */
export function claimRuleRun(db: StoreDb, c: RuleRunClaim): boolean {
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO automation_rule_runs (rule_id, trigger_key, account_id, chat_id, status, error_code, created_at)
       VALUES (?, ?, ?, ?, 'ok', NULL, ?)`,
    )
    .run(c.ruleId, c.triggerKey, c.accountId, c.chatId, c.now);
  return r.changes > 0;
}

export function failRuleRun(db: StoreDb, ruleId: string, triggerKey: string, errorCode: string): void {
  db.prepare(
    `UPDATE automation_rule_runs SET status = 'failed', error_code = ? WHERE rule_id = ? AND trigger_key = ?`,
  ).run(errorCode.slice(0, 50), ruleId, triggerKey);
}

type RunRow = {
  rule_id: string;
  trigger_key: string;
  account_id: string;
  chat_id: string;
  status: string;
  error_code: string | null;
  created_at: number;
};

/** The newest runs first. */
export function listLocalRuleRuns(db: StoreDb, limit: number, failedOnly: boolean): WireRuleRun[] {
  const rows = db
    .prepare(
      `SELECT * FROM automation_rule_runs ${failedOnly ? "WHERE status = 'failed'" : ''}
       ORDER BY created_at DESC, rule_id LIMIT ?`,
    )
    .all(limit) as RunRow[];
  return rows.map(r => ({
    ruleId: r.rule_id,
    triggerKey: r.trigger_key,
    accountId: r.account_id,
    chatId: r.chat_id,
    status: r.status === 'failed' ? 'failed' : 'ok',
    errorCode: r.error_code,
    createdAt: r.created_at,
  }));
}

/**
 * A local rule's tag or status on the chat. The version is left alone: when this desktop
 * signs in later, the workspace's view of the chat (any version) still wins.
 */
export function setChatTagsAndStatus(
  db: StoreDb,
  chatId: ChatId,
  change: { readonly addTag?: string; readonly status?: ChatStatus },
): boolean {
  return inTransaction(db, () => {
    const row = db.prepare('SELECT tags, status FROM chats WHERE id = ?').get(chatId) as
      { tags: string; status: string } | undefined;
    if (!row) return false;
    const tags = JSON.parse(row.tags) as unknown;
    const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
    const add = change.addTag;
    const nextTags = add && !list.some(t => t.toLowerCase() === add.toLowerCase()) ? [...list, add] : list;
    const status = change.status ?? row.status;
    if (nextTags === list && status === row.status) return false;
    db.prepare('UPDATE chats SET tags = ?, status = ? WHERE id = ?').run(JSON.stringify(nextTags), status, chatId);
    return true;
  });
}

/** The newest message of the chat before `ts`, either direction; null: none. */
export function previousMessageAt(db: StoreDb, chatId: ChatId, ts: number): number | null {
  return db.prepare('SELECT max(ts) FROM messages WHERE chat_id = ? AND ts < ?').pluck().get(chatId, ts) as
    number | null;
}

/**
 * Customers' messages received since `since`, newest first, at most `limit`: what a core
 * that stopped between storing a batch and running its automation re-checks on start.
 * Read from the newest rows by sequence, so a large store is not scanned.
 */
export function recentInboundMessageIds(db: StoreDb, since: number, limit: number): MessageId[] {
  const rows = db
    .prepare(
      `SELECT account_id || ':' || provider_message_id AS id, ts, from_me FROM messages ORDER BY seq DESC LIMIT ?`,
    )
    .all(limit) as Array<{ id: string; ts: number; from_me: number }>;
  return rows.filter(r => r.from_me === 0 && r.ts >= since).map(r => r.id as MessageId);
}

export function hasRuleRun(db: StoreDb, ruleId: string, triggerKey: string): boolean {
  return (
    db.prepare('SELECT 1 FROM automation_rule_runs WHERE rule_id = ? AND trigger_key = ?').get(ruleId, triggerKey) !==
    undefined
  );
}
