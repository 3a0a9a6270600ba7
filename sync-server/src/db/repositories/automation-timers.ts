/**
 * What automation's timers read and claim (sync-server/src/automation/timers/): overdue
 * first replies, chats whose customer waits for a human reply, and the once-only record of
 * what a timer did (automation_fires, 0025).
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { RawExec, RawTx } from '../index';

export type TimerChat = {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly assigneeId: string | null;
};

const chatOf = (r: RowDataPacket): TimerChat => ({
  id: String(r['id']),
  accountId: String(r['account_id']),
  name: String(r['name']),
  assigneeId: (r['assignee_id'] as string | null) ?? null,
});

/** Chats not resolved whose first reply fell due in [since, now] and was not yet announced. */
export async function overdueChats(
  raw: RawExec,
  since: number,
  now: number,
  limit: number,
): Promise<Array<TimerChat & { dueAt: number }>> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select c.id, c.account_id, c.name, c.assignee_id, c.sla_due_at from chats c
      where c.sla_due_at between ? and ? and c.status <> 'resolved'
        and not exists (select 1 from automation_fires f
                         where f.kind = 'sla_breach' and f.chat_id = c.id and f.fire_key = c.sla_due_at)
      order by c.sla_due_at limit ?`,
    [since, now, limit],
  );
  return rows.map(r => ({ ...chatOf(r), dueAt: Number(r['sla_due_at']) }));
}

/**
 * 1:1 chats not resolved, with a message since `activeSince`, whose customer has waited
 * since at most `waitingUntil`: `waitingSince` is their first message after the team's
 * last human one (automated sends are no reply).
 */
export async function waitingChats(
  raw: RawExec,
  opts: { activeSince: number; waitingUntil: number; accountIds: readonly string[] | null; limit: number },
): Promise<Array<TimerChat & { waitingSince: number }>> {
  if (opts.accountIds !== null && opts.accountIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>(
    `select * from (
       select c.id, c.account_id, c.name, c.assignee_id,
         (select min(m.ts) from messages m
           where m.chat_id = c.id and m.from_me = 0
             and m.ts > coalesce((select max(t.ts) from messages t
                                   where t.chat_id = c.id and t.from_me = 1
                                     and not exists (select 1 from sends s
                                                      where s.client_message_id = t.client_message_id
                                                        and s.origin = 'automation')), -1)) as waiting_since
         from chats c
        where c.last_message_at >= ? and not c.is_group and c.status <> 'resolved'
          ${opts.accountIds === null ? '' : 'and c.account_id in (?)'}
     ) w
     where w.waiting_since is not null and w.waiting_since <= ?
     order by w.waiting_since limit ?`,
    [opts.activeSince, ...(opts.accountIds === null ? [] : [opts.accountIds]), opts.waitingUntil, opts.limit],
  );
  return rows.map(r => ({ ...chatOf(r), waitingSince: Number(r['waiting_since']) }));
}

/** Claims what a timer does: false when this (kind, chat, key) already fired (another node, a restart). */
export async function claimFire(tx: RawTx, kind: string, chatId: string, key: number, now: number): Promise<boolean> {
  const [res] = await tx.query<ResultSetHeader>(
    'insert ignore into automation_fires (kind, chat_id, fire_key, created_at) values (?, ?, ?, ?)',
    [kind, chatId, key, now],
  );
  return res.affectedRows === 1;
}

/** The chat's current due time, locked: the breach is announced only if it still stands. */
export async function lockDue(
  tx: RawTx,
  chatId: string,
): Promise<{ dueAt: number | null; assigneeId: string | null } | null> {
  const [rows] = await tx.query<RowDataPacket[]>(
    `select sla_due_at, assignee_id, status from chats where id = ? for update`,
    [chatId],
  );
  const r = rows[0];
  if (!r || r['status'] === 'resolved') return null;
  return {
    dueAt: r['sla_due_at'] === null ? null : Number(r['sla_due_at']),
    assigneeId: (r['assignee_id'] as string | null) ?? null,
  };
}

/** Numbers that reassign after N minutes, with N. */
export async function reassigningNumbers(raw: RawExec): Promise<Map<string, number>> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select account_id, reassign_after_minutes from assignment_settings
      where mode <> 'off' and reassign_after_minutes is not null`,
  );
  return new Map(rows.map(r => [String(r['account_id']), Number(r['reassign_after_minutes'])]));
}

/** Is any signed-in device of the member online? */
export async function memberOnline(raw: RawExec, memberId: string): Promise<boolean> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select 1 from sessions where member_id = ? and revoked_at is null and presence = 'online' limit 1`,
    [memberId],
  );
  return rows.length > 0;
}
