/**
 * The rows a report is computed from (sync-server/src/reports/): the chats of the numbers
 * in scope, their messages in a time window (with the member who sent each one through
 * message:send), and the chat changes members made (audit_log). Plain SQL that MySQL 8 and
 * MariaDB both run, served by the indexes of migration 0016.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { z } from 'zod';
import { businessHoursSchema } from '../../../../common/automation/hours';
import type { BusinessHours } from '../../../../common/automation/hours';
import type { RawExec } from '../index';

export type ReportChat = {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly assigneeId: string | null;
  readonly tags: readonly string[];
  /** Group chats run no first-response clock: they have no SLA target. */
  readonly isGroup: boolean;
};
export type ReportMessage = {
  readonly chatId: string;
  readonly at: number;
  readonly fromMe: boolean;
  readonly senderId: string | null;
  /** Sent by the server's automation (away, greeting): never a first response. */
  readonly automated: boolean;
};
export type ReportChange =
  | {
      readonly kind: 'status';
      readonly chatId: string;
      readonly at: number;
      readonly status: 'open' | 'pending' | 'resolved';
      readonly by: string | null;
    }
  | {
      readonly kind: 'assign';
      readonly chatId: string;
      readonly at: number;
      readonly before: string | null;
      readonly after: string | null;
    };

/** The chat actions whose before/after snapshots (handlers/chats.ts) carry status and assignee. */
export const CHAT_CHANGE_ACTIONS = ['chat.status', 'chat.assign', 'chat.unassign', 'chat.claim'] as const;

const tagsSchema = z.array(z.string());
const snapshotSchema = z.object({
  assigneeId: z.string().nullable().optional(),
  status: z.enum(['open', 'pending', 'resolved']).optional(),
});

/** A stored value that is not what the writer writes is skipped: a report never fails on one bad row. */
function parse<T>(schema: z.ZodType<T>, text: unknown): T | null {
  if (typeof text !== 'string') return null;
  try {
    const got = schema.safeParse(JSON.parse(text));
    return got.success ? got.data : null;
  } catch {
    return null;
  }
}

/** Every account id (an admin's scope). */
export async function reportAccountNames(
  raw: RawExec,
  accountIds: readonly string[] | null,
): Promise<Map<string, string>> {
  if (accountIds !== null && accountIds.length === 0) return new Map();
  const [rows] = await raw.query<RowDataPacket[]>(
    accountIds === null ? 'select id, name from accounts' : 'select id, name from accounts where id in (?)',
    accountIds === null ? [] : [accountIds],
  );
  return new Map(rows.map(r => [String(r['id']), String(r['name'])]));
}

/** taggedOnly: only the chats with a tag (the per-tag table's); chatIds: only these chats (a page's). */
export async function reportChats(
  raw: RawExec,
  accountIds: readonly string[],
  taggedOnly = false,
  chatIds?: readonly string[],
): Promise<Map<string, ReportChat>> {
  const out = new Map<string, ReportChat>();
  if (accountIds.length === 0 || chatIds?.length === 0) return out;
  // Rows as arrays and no JSON parse of an empty tag list: a workspace has 100k chats.
  const [rows] = await raw.query({
    sql:
      'select id, account_id, name, jid, assignee_id, tags, is_group from chats where account_id in (?)' +
      // The generated column `tagged` (0037) and its index: the tagged chats alone are read.
      (taggedOnly ? ' and tagged = true' : '') +
      (chatIds === undefined ? '' : ' and id in (?)'),
    values: chatIds === undefined ? [accountIds] : [accountIds, chatIds],
    rowsAsArray: true,
  });
  type Row = [string, string, string, string, string | null, string | null, number];
  for (const [id, accountId, name, jid, assigneeId, tags, isGroup] of rows as unknown as Row[])
    out.set(id, {
      id,
      accountId,
      name: name === '' ? jid : name,
      assigneeId: assigneeId ?? null,
      tags: tags === '[]' ? [] : (parse(tagsSchema, tags) ?? []),
      isGroup: Boolean(isGroup),
    });
  return out;
}

/** Messages of these accounts with from <= ts < to (index messages_reports: account, ts, then the columns read). */
export async function reportMessages(
  raw: RawExec,
  accountIds: readonly string[],
  from: number,
  to: number,
): Promise<ReportMessage[]> {
  if (accountIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>({
    sql:
      'select m.chat_id, m.ts, m.from_me, s.sender_id, s.origin from messages m ' +
      'left join sends s on s.client_message_id = m.client_message_id ' +
      'where m.account_id in (?) and m.ts >= ? and m.ts < ?',
    values: [accountIds, from, to],
    rowsAsArray: true,
  });
  return (rows as unknown as [string, number, number, string | null, string | null][]).map(
    ([chatId, ts, fromMe, senderId, origin]) => {
      const automated = origin === 'automation';
      // An automated send names no member ('automation'): it is nobody's message in the tables.
      return {
        chatId,
        at: Number(ts),
        fromMe: Boolean(fromMe),
        senderId: automated ? null : (senderId ?? null),
        automated,
      };
    },
  );
}

/**
 * Status and assignment changes of these accounts' chats at or after `from`, oldest first
 * (index audit_reports: action, at; each row's chat by its primary key).
 */
export async function reportChanges(
  raw: RawExec,
  accountIds: readonly string[],
  from: number,
): Promise<ReportChange[]> {
  if (accountIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>(
    'select a.chat_id, a.action, a.member_id, a.`before`, a.`after`, a.at from audit_log a ' +
      'join chats c on c.id = a.chat_id ' +
      'where a.action in (?) and a.at >= ? and c.account_id in (?) order by a.at, a.id',
    [CHAT_CHANGE_ACTIONS, from, accountIds],
  );
  const out: ReportChange[] = [];
  for (const r of rows) {
    const change = changeOf(r);
    if (change) out.push(change);
  }
  return out;
}

/** One audit_log row (chat_id, action, member_id, before, after, at) as a change; null: not one a report reads. */
export function changeOf(r: RowDataPacket): ReportChange | null {
  const chatId = String(r['chat_id']);
  const at = Number(r['at']);
  const before = parse(snapshotSchema, r['before']);
  const after = parse(snapshotSchema, r['after']);
  if (!before || !after) return null;
  if (r['action'] === 'chat.status') {
    // Kept even when the status did not change: a chat stays 'resolved' while a new
    // conversation runs on it, and setting it resolved again resolves that conversation.
    return after.status === undefined
      ? null
      : { kind: 'status', chatId, at, status: after.status, by: (r['member_id'] as string | null) ?? null };
  }
  if (after.assigneeId !== undefined && before.assigneeId !== undefined)
    return { kind: 'assign', chatId, at, before: before.assigneeId, after: after.assigneeId };
  return null;
}

export async function reportMemberNames(raw: RawExec): Promise<Map<string, string>> {
  const [rows] = await raw.query<RowDataPacket[]>('select id, name from members');
  return new Map(rows.map(r => [String(r['id']), String(r['name'])]));
}

/** The first-response target (minutes) of each of these numbers that has one (assignment_settings, #17). */
export async function reportSlaTargets(raw: RawExec, accountIds: readonly string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const [rows] = await raw.query<RowDataPacket[]>(
    'select account_id, sla_minutes from assignment_settings where account_id in (?) and sla_minutes is not null',
    [accountIds],
  );
  return new Map(rows.map(r => [String(r['account_id']), Number(r['sla_minutes'])]));
}

/** Each of these numbers' business hours (automation_settings.hours); one unreadable is left out. */
export async function reportBusinessHours(
  raw: RawExec,
  accountIds: readonly string[],
): Promise<Map<string, BusinessHours>> {
  const out = new Map<string, BusinessHours>();
  if (accountIds.length === 0) return out;
  const [rows] = await raw.query<RowDataPacket[]>(
    'select account_id, hours from automation_settings where account_id in (?) and hours is not null',
    [accountIds],
  );
  for (const r of rows) {
    const hours = parse(businessHoursSchema, r['hours']);
    if (hours) out.set(String(r['account_id']), hours);
  }
  return out;
}
