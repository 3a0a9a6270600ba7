/**
 * Auto-assignment storage (0021): a number's mode, cursor, reassignment and SLA minutes
 * (assignment_settings), members' capacities (member_capacity) and the conversations
 * waiting for someone (assignment_waiting). The push path runs on a raw transaction;
 * `drizzleOn` lets it share the chat writes (conditional update, audit) with the handlers.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { drizzle } from 'drizzle-orm/mysql2';
import { and, eq, inArray } from 'drizzle-orm';
import type { AssignmentCandidate, AssignmentMode } from '../../../../common/automation/assignment/decide';
import { ASSIGNMENT_MODES, DEFAULT_CAPACITY } from '../../../../common/automation/assignment/decide';
import type { AssignmentUpdate, WireAssignment } from '../../../../common/protocol-assignment';
import type { Db, Exec, RawExec, RawTx } from '../index';
import { accountMembers, assignmentSettings, memberCapacity } from '../schema';

/** Drizzle over a raw transaction's connection: the same transaction, the builder's helpers. */
export const drizzleOn = (tx: RawTx): Db => drizzle({ client: tx });

const asMode = (v: unknown): AssignmentMode => ASSIGNMENT_MODES.find(m => m === v) ?? 'off';

export async function getAssignment(db: Exec, accountId: string): Promise<WireAssignment> {
  const [row] = await db.select().from(assignmentSettings).where(eq(assignmentSettings.accountId, accountId));
  const members = await db
    .select({ memberId: accountMembers.memberId, capacity: memberCapacity.maxOpen })
    .from(accountMembers)
    .leftJoin(memberCapacity, eq(memberCapacity.memberId, accountMembers.memberId))
    .where(eq(accountMembers.accountId, accountId))
    .orderBy(accountMembers.memberId);
  return {
    accountId,
    mode: asMode(row?.mode),
    reassignAfterMinutes: row?.reassignAfterMinutes ?? null,
    slaMinutes: row?.slaMinutes ?? null,
    capacities: members.map(m => ({ memberId: m.memberId, capacity: m.capacity ?? DEFAULT_CAPACITY })),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** Members among these ids who are members of the number. */
export async function membersOfNumber(db: Exec, accountId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: accountMembers.memberId })
    .from(accountMembers)
    .where(and(eq(accountMembers.accountId, accountId), inArray(accountMembers.memberId, [...ids])));
  return new Set(rows.map(r => r.id));
}

export async function saveAssignment(db: Exec, s: AssignmentUpdate, by: string, now: number): Promise<void> {
  const values = {
    mode: s.mode,
    reassignAfterMinutes: s.reassignAfterMinutes,
    slaMinutes: s.slaMinutes,
    updatedAt: now,
    updatedBy: by,
  };
  await db
    .insert(assignmentSettings)
    .values({ accountId: s.accountId, ...values })
    .onDuplicateKeyUpdate({ set: values });
  for (const c of s.capacities)
    await db
      .insert(memberCapacity)
      .values({ memberId: c.memberId, maxOpen: c.capacity, updatedAt: now })
      .onDuplicateKeyUpdate({ set: { maxOpen: c.capacity, updatedAt: now } });
}

export type NumberAssignment = {
  readonly accountId: string;
  readonly mode: AssignmentMode;
  readonly cursor: string | null;
};

/**
 * Numbers among these with auto-assignment on. Not locked: a push and a drain of the same
 * number may read the same cursor (one turn repeats); the chat writes themselves are
 * conditional, so a chat is still assigned once.
 */
export async function assigningNumbers(raw: RawExec, accountIds: readonly string[]): Promise<NumberAssignment[]> {
  if (accountIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>(
    `select account_id, mode, rr_cursor from assignment_settings where account_id in (?) and mode <> 'off'`,
    [accountIds],
  );
  return rows.map(r => ({
    accountId: String(r['account_id']),
    mode: asMode(r['mode']),
    cursor: (r['rr_cursor'] as string | null) ?? null,
  }));
}

export async function saveCursor(raw: RawTx, accountId: string, cursor: string | null): Promise<void> {
  await raw.query('update assignment_settings set rr_cursor = ? where account_id = ?', [cursor, accountId]);
}

/**
 * The members of a number as the decision sees them: online if any of their signed-in
 * devices is, and their open (not resolved) chats over every number.
 */
/**
 * Every member of the number with what the decision needs. Presence and open chats are
 * counted once per table and joined, not asked per member: with a thousand agents the
 * correlated form ran two thousand subqueries inside every push that opens a conversation.
 */
export async function candidatesOf(raw: RawExec, accountId: string): Promise<AssignmentCandidate[]> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select m.id, m.active, coalesce(c.max_open, ?) as capacity,
            (o.member_id is not null) as online, coalesce(n.open_chats, 0) as open_chats
       from account_members am
       join members m on m.id = am.member_id
       left join member_capacity c on c.member_id = m.id
       left join (select distinct s.member_id from sessions s
                   join account_members sm on sm.member_id = s.member_id and sm.account_id = ?
                  where s.revoked_at is null and s.presence = 'online') o on o.member_id = m.id
       left join (select ch.assignee_id, count(*) as open_chats from chats ch
                   join account_members cm on cm.member_id = ch.assignee_id and cm.account_id = ?
                  where ch.status <> 'resolved' group by ch.assignee_id) n on n.assignee_id = m.id
      where am.account_id = ?`,
    [DEFAULT_CAPACITY, accountId, accountId, accountId],
  );
  return rows.map(r => ({
    memberId: String(r['id']),
    active: Boolean(r['active']),
    online: Boolean(Number(r['online'])),
    openChats: Number(r['open_chats']),
    capacity: Number(r['capacity']),
  }));
}

/** A 1:1 chat a push opens a conversation in. */
export type OpenedChat = { readonly id: string; readonly accountId: string; readonly jid: string; readonly at: number };

/**
 * Creates the chats of these conversations that do not exist yet, before the push writes its
 * chats (which then fill them in), and says which are new: all of them when every row was
 * inserted, none when only some were (a chat another transaction created meanwhile is not
 * new to the agents who received it, and one statement cannot say which rows it inserted).
 */
export async function createOpenedChats(raw: RawTx, opened: readonly OpenedChat[]): Promise<ReadonlySet<string>> {
  if (opened.length === 0) return new Set();
  const [r] = await raw.query<ResultSetHeader>(
    `insert ignore into chats (id, account_id, jid, is_group, name, last_message_at, unread_count, tags) values ?`,
    [opened.map(c => [c.id, c.accountId, c.jid, false, c.jid, c.at, 0, '[]'])],
  );
  return r.affectedRows === opened.length ? new Set(opened.map(c => c.id)) : new Set();
}

export async function markWaiting(raw: RawTx, chatId: string, accountId: string, since: number): Promise<void> {
  await raw.query('insert ignore into assignment_waiting (chat_id, account_id, since) values (?, ?, ?)', [
    chatId,
    accountId,
    since,
  ]);
}

export async function clearWaiting(raw: RawTx, chatId: string): Promise<void> {
  await raw.query('delete from assignment_waiting where chat_id = ?', [chatId]);
}

/**
 * The oldest waiting conversations of a number, locked. SKIP LOCKED: a chat a push is
 * writing right now is left to that push (which assigns it itself), and the drain never
 * waits on a push's locks, so the two cannot deadlock.
 */
export async function lockWaiting(
  raw: RawTx,
  accountId: string,
  limit: number,
): Promise<Array<{ chatId: string; since: number }>> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select chat_id, since from assignment_waiting where account_id = ?
      order by since, chat_id limit ? for update skip locked`,
    [accountId, limit],
  );
  return rows.map(r => ({ chatId: String(r['chat_id']), since: Number(r['since']) }));
}

/** Numbers of this member (or all numbers, for null) that have auto-assignment on and chats waiting. */
export async function numbersWithWaiting(raw: RawExec, memberId: string | null): Promise<string[]> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select distinct w.account_id from assignment_waiting w
       join assignment_settings s on s.account_id = w.account_id and s.mode <> 'off'
      ${memberId === null ? '' : 'join account_members am on am.account_id = w.account_id and am.member_id = ?'}`,
    memberId === null ? [] : [memberId],
  );
  return rows.map(r => String(r['account_id']));
}

/** Those of these chats that are 1:1 and unassigned: the only ones a push may assign. */
export async function unassignedAmong(raw: RawTx, chatIds: readonly string[]): Promise<Set<string>> {
  if (chatIds.length === 0) return new Set();
  const [rows] = await raw.query<RowDataPacket[]>(
    'select id from chats where id in (?) and assignee_id is null and not is_group',
    [chatIds],
  );
  return new Set(rows.map(r => String(r['id'])));
}

/** First-response targets (minutes) of these numbers, those that have one, with their stored hours (JSON). */
export async function slaTargets(
  raw: RawTx,
  accountIds: readonly string[],
): Promise<Map<string, { minutes: number; hoursJson: string | null }>> {
  if (accountIds.length === 0) return new Map();
  const [rows] = await raw.query<RowDataPacket[]>(
    `select s.account_id, s.sla_minutes, h.hours from assignment_settings s
       left join automation_settings h on h.account_id = s.account_id
      where s.account_id in (?) and s.sla_minutes is not null`,
    [accountIds],
  );
  return new Map(
    rows.map(r => [
      String(r['account_id']),
      { minutes: Number(r['sla_minutes']), hoursJson: (r['hours'] as string | null) ?? null },
    ]),
  );
}

/** The 1:1 chats among these with their due time, locked: the push decides and writes them. */
export async function lockSlaChats(raw: RawTx, chatIds: readonly string[]): Promise<Map<string, number | null>> {
  if (chatIds.length === 0) return new Map();
  const [rows] = await raw.query<RowDataPacket[]>(
    'select id, sla_due_at from chats where id in (?) and not is_group for update',
    [chatIds],
  );
  return new Map(rows.map(r => [String(r['id']), r['sla_due_at'] === null ? null : Number(r['sla_due_at'])]));
}

export async function setSlaDue(raw: RawTx, chatId: string, dueAt: number | null): Promise<void> {
  await raw.query('update chats set sla_due_at = ?, version = version + 1 where id = ?', [dueAt, chatId]);
}

/** Client message ids among these that are automated sends (they are no reply of the team's). */
export async function automatedAmong(raw: RawTx, clientMessageIds: readonly string[]): Promise<Set<string>> {
  if (clientMessageIds.length === 0) return new Set();
  const [rows] = await raw.query<RowDataPacket[]>(
    "select client_message_id from sends where client_message_id in (?) and origin = 'automation'",
    [clientMessageIds],
  );
  return new Set(rows.map(r => String(r['client_message_id'])));
}
