/**
 * Automation rules (automation_rules) and their runs (automation_rule_runs). A stored body
 * is parsed again on every read: a row an older server wrote, or one edited by hand, that
 * no longer fits the schema is left out instead of breaking a push.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { asc, eq } from 'drizzle-orm';
import type { Rule, RuleBody } from '../../../../common/automation/rules/schema';
import { ruleBodySchema } from '../../../../common/automation/rules/schema';
import type { WireRule, WireRuleRun } from '../../../../common/protocol-automation-rules';
import type { Exec, RawExec, RawTx } from '../index';
import { automationRules } from '../schema';

function parseBody(text: string): RuleBody | null {
  try {
    const parsed = ruleBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Row = { id: string; position: number; body: string; updatedAt: number; updatedBy: string | null };

const toWire = (r: Row): WireRule | null => {
  const body = parseBody(r.body);
  return body && { ...body, id: r.id, order: r.position, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
};

export async function listRules(db: Exec, forUpdate = false): Promise<WireRule[]> {
  const query = db.select().from(automationRules).orderBy(asc(automationRules.position), asc(automationRules.id));
  const rows = forUpdate ? await query.for('update') : await query;
  return rows.map(toWire).filter((r): r is WireRule => r !== null);
}

export async function ruleById(db: Exec, id: string, forUpdate = false): Promise<WireRule | null> {
  const query = db.select().from(automationRules).where(eq(automationRules.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? toWire(row) : null;
}

export async function countRules(db: Exec): Promise<number> {
  return (await db.select({ id: automationRules.id }).from(automationRules)).length;
}

export async function insertRule(db: Exec, id: string, body: RuleBody, by: string, now: number): Promise<WireRule> {
  const all = await db.select({ position: automationRules.position }).from(automationRules);
  const position = all.reduce((max, r) => Math.max(max, r.position + 1), 0);
  await db.insert(automationRules).values({ id, position, body: JSON.stringify(body), updatedAt: now, updatedBy: by });
  return { ...body, id, order: position, updatedAt: now, updatedBy: by };
}

export async function updateRule(db: Exec, rule: WireRule, body: RuleBody, by: string, now: number): Promise<WireRule> {
  await db
    .update(automationRules)
    .set({ body: JSON.stringify(body), updatedAt: now, updatedBy: by })
    .where(eq(automationRules.id, rule.id));
  return { ...body, id: rule.id, order: rule.order, updatedAt: now, updatedBy: by };
}

export async function deleteRule(db: Exec, id: string): Promise<void> {
  await db.delete(automationRules).where(eq(automationRules.id, id));
}

export async function setPosition(db: Exec, id: string, position: number): Promise<void> {
  await db.update(automationRules).set({ position }).where(eq(automationRules.id, id));
}

/** The rules the push path runs: enabled, valid, in order. */
export async function enabledRules(tx: RawTx): Promise<Rule[]> {
  const [rows] = await tx.query<RowDataPacket[]>(
    'select id, position, body from automation_rules order by position, id',
  );
  const out: Rule[] = [];
  for (const r of rows) {
    const body = parseBody(String(r['body']));
    if (body?.enabled) out.push({ ...body, id: String(r['id']), order: Number(r['position']) });
  }
  return out;
}

/**
 * Claims a rule's run for a trigger: false when it already ran (a redelivered push, another
 * node, a restart), and then the rule does nothing.
 */
export async function claimRun(
  tx: RawTx,
  run: { ruleId: string; triggerKey: string; accountId: string; chatId: string; at: number },
): Promise<boolean> {
  const [res] = await tx.query<ResultSetHeader>(
    `insert ignore into automation_rule_runs (rule_id, trigger_key, account_id, chat_id, status, created_at)
     values (?, ?, ?, ?, 'ok', ?)`,
    [run.ruleId, run.triggerKey, run.accountId, run.chatId, run.at],
  );
  return res.affectedRows === 1;
}

export async function failRun(tx: RawTx, ruleId: string, triggerKey: string, code: string): Promise<void> {
  await tx.query(
    `update automation_rule_runs set status = 'failed', error_code = ? where rule_id = ? and trigger_key = ?`,
    [code, ruleId, triggerKey],
  );
}

/** Recent runs on these numbers (null: every number), newest first. */
export async function recentRuns(
  raw: RawExec,
  accountIds: readonly string[] | null,
  limit: number,
  failedOnly: boolean,
): Promise<WireRuleRun[]> {
  if (accountIds !== null && accountIds.length === 0) return [];
  const where: string[] = [];
  const params: unknown[] = [];
  if (accountIds !== null) {
    where.push('account_id in (?)');
    params.push(accountIds);
  }
  if (failedOnly) where.push(`status = 'failed'`);
  const [rows] = await raw.query<RowDataPacket[]>(
    `select rule_id, trigger_key, account_id, chat_id, status, error_code, created_at from automation_rule_runs
     ${where.length ? `where ${where.join(' and ')}` : ''} order by created_at desc, row_id desc limit ?`,
    [...params, limit],
  );
  return rows.map(r => ({
    ruleId: String(r['rule_id']),
    triggerKey: String(r['trigger_key']),
    accountId: String(r['account_id']),
    chatId: String(r['chat_id']),
    status: r['status'] === 'failed' ? 'failed' : 'ok',
    errorCode: (r['error_code'] as string | null) ?? null,
    createdAt: Number(r['created_at']),
  }));
}
