/**
 * Which automation a push's numbers have switched on, read in one statement on the pool
 * while the push's messages are inserted ahead of its turn (handlers/sync.ts). It only
 * rules work out: a push whose numbers have none of auto-assignment, the first-response
 * clock or automated replies on, with no rule defined, skips those four reads inside its
 * turn (each a round trip there). Anything found on is read again inside the push's
 * transaction exactly as before (the round-robin cursor, the host's online flag, the rules
 * themselves), so a setting switched off meanwhile is honoured; one switched on after this
 * read applies from the device's next push, as if it had been switched on just after this one.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';

export type AutomationOn = {
  /** Numbers whose assignment mode is not 'off' (assignment/on-push.ts). */
  readonly assigns: ReadonlySet<string>;
  /** Numbers with a first-response target (sla/on-push.ts). */
  readonly sla: ReadonlySet<string>;
  /** Numbers with the away message or the greeting on (automation/on-push.ts). */
  readonly replies: ReadonlySet<string>;
  /** Whether any automation rule is stored, enabled or not (rules/execute.ts reads which are on). */
  readonly rules: boolean;
};

export async function automationOn(raw: RawExec, accountIds: readonly string[]): Promise<AutomationOn> {
  const ids = accountIds.length ? accountIds : [''];
  const [rows] = await raw.query<RowDataPacket[]>(
    `select 'assigns' as what, account_id from assignment_settings where account_id in (?) and mode <> 'off'
     union all
     select 'sla', account_id from assignment_settings where account_id in (?) and sla_minutes is not null
     union all
     select 'replies', account_id from automation_settings
      where account_id in (?) and (away_enabled or greeting_enabled)
     union all
     (select 'rules', null from automation_rules limit 1)`,
    [ids, ids, ids],
  );
  const of = (what: string) =>
    new Set(rows.filter(r => r['what'] === what && r['account_id'] !== null).map(r => String(r['account_id'])));
  return {
    assigns: of('assigns'),
    sla: of('sla'),
    replies: of('replies'),
    rules: rows.some(r => r['what'] === 'rules'),
  };
}

/** Whether any of these numbers is in the set (no pre-read: assume it is, and read in the transaction). */
export function anyOn(on: ReadonlySet<string> | undefined, accountIds: Iterable<string>): boolean {
  if (!on) return true;
  for (const id of accountIds) if (on.has(id)) return true;
  return false;
}
