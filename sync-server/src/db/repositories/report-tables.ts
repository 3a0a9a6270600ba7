/**
 * The report tables of migration 0034 (docs/reports.md, "How figures are stored"): chats queued
 * to be cut again, one chat's whole timeline, its conversations replaced, the per-bucket message
 * counters, and the reads a report makes of them. Plain SQL that MySQL 8 and MariaDB both run.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';
import type { ReportChange, ReportMessage } from './reports';
import { CHAT_CHANGE_ACTIONS, changeOf } from './reports';
import { SENT_DAYS_SQL, countSentDays } from './report-sent';

/** Message counters are kept per 15 minutes of UTC: every time zone's days and hours are whole buckets. */
export const REPORT_BUCKET_MS = 900_000;

/** The counters of every stored message, in one pass (migration 0034 runs the same statements). */
const COUNTS_SQL = [
  'insert into report_message_counts (account_id, member_id, bucket, messages_in, messages_out) ' +
    "select account_id, '', ts - mod(ts, 900000), sum(not from_me), sum(from_me) from messages " +
    'group by account_id, ts - mod(ts, 900000)',
  'insert into report_message_counts (account_id, member_id, bucket, messages_in, messages_out) ' +
    'select m.account_id, s.sender_id, m.ts - mod(m.ts, 900000), 0, count(*) from messages m ' +
    "join sends s on s.client_message_id = m.client_message_id where m.from_me and s.origin <> 'automation' " +
    'group by m.account_id, s.sender_id, m.ts - mod(m.ts, 900000)',
];

/** Queue these chats to be cut again (a chat already queued stays queued once). */
export async function markChatsDirty(tx: RawExec, chatIds: readonly string[]): Promise<void> {
  if (chatIds.length === 0) return;
  await tx.query('insert ignore into report_dirty_chats (chat_id) values ?', [[...new Set(chatIds)].map(id => [id])]);
}

export type NewMessage = {
  readonly accountId: string;
  readonly fromMe: boolean;
  readonly at: number;
  readonly clientMessageId: string | null;
};

/** Adds messages that were really inserted (never one merged into a stored row) to the counters. */
export async function countNewMessages(tx: RawExec, list: readonly NewMessage[]): Promise<void> {
  if (list.length === 0) return;
  const sent = new Map<string, string>();
  const ids = list.filter(m => m.fromMe && m.clientMessageId !== null).map(m => m.clientMessageId!);
  if (ids.length > 0) {
    const [rows] = await tx.query<RowDataPacket[]>(
      "select client_message_id, sender_id from sends where client_message_id in (?) and origin <> 'automation'",
      [ids],
    );
    for (const r of rows) sent.set(String(r['client_message_id']), String(r['sender_id']));
  }
  const counts = new Map<string, [string, string, number, number, number]>();
  const add = (accountId: string, memberId: string, bucket: number, inbound: number, outbound: number) => {
    const key = `${accountId}\n${memberId}\n${bucket}`;
    const row = counts.get(key) ?? [accountId, memberId, bucket, 0, 0];
    row[3] += inbound;
    row[4] += outbound;
    counts.set(key, row);
  };
  for (const m of list) {
    const bucket = m.at - (((m.at % REPORT_BUCKET_MS) + REPORT_BUCKET_MS) % REPORT_BUCKET_MS);
    add(m.accountId, '', bucket, m.fromMe ? 0 : 1, m.fromMe ? 1 : 0);
    const sender = m.clientMessageId === null ? undefined : sent.get(m.clientMessageId);
    if (m.fromMe && sender !== undefined) add(m.accountId, sender, bucket, 0, 1);
  }
  await tx.query(
    'insert into report_message_counts (account_id, member_id, bucket, messages_in, messages_out) values ? ' +
      'on duplicate key update messages_in = messages_in + values(messages_in), messages_out = messages_out + values(messages_out)',
    [[...counts.values()]],
  );
  // The members' day rows (0037) beside their 15-minute rows.
  await countSentDays(
    tx,
    [...counts.values()].filter(r => r[1] !== '').map(r => [r[0], r[1], r[2], r[4]] as const),
  );
}

/**
 * Rebuilds the report tables from what is stored, as migration 0034 does: the counters at once,
 * every chat queued for the report worker (`backfill`: reports use the old computation until
 * those are done). For data written around the server (a restore, a benchmark's raw seed).
 */
export async function rebuildReportTables(raw: RawExec): Promise<void> {
  await raw.query('delete from report_message_counts');
  await raw.query('delete from report_member_days');
  for (const sql of COUNTS_SQL) await raw.query(sql);
  await raw.query(SENT_DAYS_SQL);
  await raw.query(
    'insert into report_dirty_chats (chat_id, backfill) select id, true from chats on duplicate key update backfill = true',
  );
}

/** Up to `limit` queued chats, live changes first (a backfill must not delay them). */
export async function dirtyChats(raw: RawExec, limit: number): Promise<{ chatId: string; backfill: boolean }[]> {
  const [rows] = await raw.query<RowDataPacket[]>(
    'select chat_id, backfill from report_dirty_chats order by backfill limit ?',
    [limit],
  );
  return rows.map(r => ({ chatId: String(r['chat_id']), backfill: Boolean(r['backfill']) }));
}

export async function unmarkChats(raw: RawExec, chatIds: readonly string[]): Promise<void> {
  if (chatIds.length > 0) await raw.query('delete from report_dirty_chats where chat_id in (?)', [chatIds]);
}

/** Whether chats queued by a backfill remain (then reports fall back to reading the messages). */
export async function backfillPending(raw: RawExec): Promise<boolean> {
  const [rows] = await raw.query<RowDataPacket[]>('select 1 from report_dirty_chats where backfill limit 1');
  return rows.length > 0;
}

/** Whether any chat waits to be cut again. */
export async function anyDirtyChat(raw: RawExec): Promise<boolean> {
  const [rows] = await raw.query<RowDataPacket[]>('select 1 from report_dirty_chats limit 1');
  return rows.length > 0;
}

export type ChatTimeline = {
  readonly chatId: string;
  readonly accountId: string;
  readonly assigneeId: string | null;
  readonly messages: ReportMessage[];
  readonly changes: ReportChange[];
};

/**
 * These chats' timelines, oldest first, from `since` on, with their messages before `before`
 * (changes after it are still read: the first assignment's "before" says who had the chat at
 * its start). Three queries whatever the number of chats (indexes messages_chat_ts and
 * audit_chat). A chat that is gone has no entry.
 */
export async function chatTimelines(
  raw: RawExec,
  chatIds: readonly string[],
  before = Number.MAX_SAFE_INTEGER,
  since = 0,
): Promise<Map<string, ChatTimeline>> {
  const out = new Map<string, ChatTimeline>();
  if (chatIds.length === 0) return out;
  const [chats] = await raw.query<RowDataPacket[]>('select id, account_id, assignee_id from chats where id in (?)', [
    chatIds,
  ]);
  for (const c of chats) {
    const chatId = String(c['id']);
    const assigneeId = (c['assignee_id'] as string | null) ?? null;
    out.set(chatId, { chatId, accountId: String(c['account_id']), assigneeId, messages: [], changes: [] });
  }
  if (out.size === 0) return out;
  const ids = [...out.keys()];
  const [messages] = await raw.query<RowDataPacket[]>({
    sql:
      'select m.chat_id, m.ts, m.from_me, s.sender_id, s.origin from messages m ' +
      'left join sends s on s.client_message_id = m.client_message_id where m.chat_id in (?) and m.ts >= ? and m.ts < ? ' +
      'order by m.chat_id, m.ts, m.row_id',
    values: [ids, since, before],
    rowsAsArray: true,
  });
  for (const [chatId, ts, fromMe, senderId, origin] of messages as unknown as [
    string,
    number,
    number,
    string | null,
    string | null,
  ][]) {
    const automated = origin === 'automation';
    out.get(chatId)?.messages.push({
      chatId,
      at: Number(ts),
      fromMe: Boolean(fromMe),
      senderId: automated ? null : senderId,
      automated,
    });
  }
  const [audit] = await raw.query<RowDataPacket[]>(
    'select chat_id, action, member_id, `before`, `after`, at from audit_log ' +
      'where chat_id in (?) and action in (?) and at >= ? order by chat_id, at, id',
    [ids, CHAT_CHANGE_ACTIONS, since],
  );
  for (const r of audit) {
    const change = changeOf(r);
    if (change) out.get(change.chatId)?.changes.push(change);
  }
  return out;
}

/** A conversation as stored: the columns of report_conversations, in this order. */
export type StoredConversation = [
  accountId: string,
  chatId: string,
  openedAt: number,
  firstResponseAt: number | null,
  firstResponderId: string | null,
  resolvedAt: number | null,
  resolvedBy: string | null,
  assigneeId: string | null,
  assigneeSince: number,
  holders: string,
  reopenCount: number,
  reopenedAt: string | null,
  lastMessageAt: number,
  touchedAt: number,
  messagesIn: number,
  messagesOut: number,
];
/** The columns of StoredConversation, in its order. */
export const REPORT_COLUMN_NAMES = [
  'account_id',
  'chat_id',
  'opened_at',
  'first_response_at',
  'first_responder_id',
  'resolved_at',
  'resolved_by',
  'assignee_id',
  'assignee_since',
  'holders',
  'reopen_count',
  'reopened_at',
  'last_message_at',
  'touched_at',
  'messages_in',
  'messages_out',
] as const;
export const REPORT_COLUMNS = REPORT_COLUMN_NAMES.join(', ');

/** The positions of StoredConversation's BIGINT and INT columns. */
const NUMBER_COLUMNS = [2, 3, 5, 8, 10, 12, 13, 14, 15] as const;

/**
 * Rows read with `rowsAsArray` from REPORT_COLUMNS, or from `columns` of them (positions into
 * StoredConversation, in order): BIGINT columns may come back as strings, numbers from here on.
 */
export function numbersIn<R extends unknown[]>(rows: unknown, columns?: readonly number[]): R[] {
  const at = columns ? columns.flatMap((c, i) => (NUMBER_COLUMNS.some(n => n === c) ? [i] : [])) : NUMBER_COLUMNS;
  for (const r of rows as unknown[][])
    for (const i of at) if (r[i] !== null && typeof r[i] !== 'number') r[i] = Number(r[i]);
  return rows as R[];
}

/** Replaces these chats' conversations (in a transaction: a report never sees a chat half written). */
export async function replaceChatConversations(
  tx: RawExec,
  chatIds: readonly string[],
  rows: readonly StoredConversation[],
): Promise<void> {
  if (chatIds.length === 0) return;
  await tx.query('delete from report_conversations where chat_id in (?)', [chatIds]);
  if (rows.length > 0) await tx.query(`insert into report_conversations (${REPORT_COLUMNS}) values ?`, [rows]);
}

/**
 * The conversations a report over [from, to) reads: opened in it, resolved in it, or reopened
 * in it (an older one whose latest instant is in the range and that was ever reopened).
 * chatIds: only these chats' (the per-tag table's).
 */
export async function storedConversations(
  raw: RawExec,
  accountIds: readonly string[],
  from: number,
  to: number,
  chatIds?: readonly string[],
): Promise<StoredConversation[]> {
  if (accountIds.length === 0 || chatIds?.length === 0) return [];
  const scope = chatIds === undefined ? 'account_id in (?)' : 'account_id in (?) and chat_id in (?)';
  const scopeValues = chatIds === undefined ? [accountIds] : [accountIds, chatIds];
  const [rows] = await raw.query({
    sql:
      `select ${REPORT_COLUMNS} from report_conversations where ${scope} and opened_at >= ? and opened_at < ? ` +
      `union all select ${REPORT_COLUMNS} from report_conversations where ${scope} and resolved_at >= ? and resolved_at < ? and opened_at < ? ` +
      `union all select ${REPORT_COLUMNS} from report_conversations where ${scope} and touched_at >= ? and opened_at < ? ` +
      'and reopen_count > 0 and (resolved_at is null or resolved_at < ? or resolved_at >= ?)',
    values: [...scopeValues, from, to, ...scopeValues, from, to, from, ...scopeValues, from, from, from, to],
    rowsAsArray: true,
  });
  return numbersIn<StoredConversation>(rows);
}

/** Messages in/out per number and hour of [from, to) (hour k starts at from + k hours). */
export async function storedHourCounts(
  raw: RawExec,
  accountIds: readonly string[],
  from: number,
  to: number,
): Promise<{ accountId: string; hour: number; messagesIn: number; messagesOut: number }[]> {
  if (accountIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>(
    'select account_id, floor((bucket - ?) / 3600000) as h, sum(messages_in) as i, sum(messages_out) as o ' +
      "from report_message_counts where account_id in (?) and member_id = '' and bucket >= ? and bucket < ? " +
      'group by account_id, h',
    [from, accountIds, from, to],
  );
  return rows.map(r => ({
    accountId: String(r['account_id']),
    hour: Number(r['h']),
    messagesIn: Number(r['i']),
    messagesOut: Number(r['o']),
  }));
}

/** Messages in/out of each of these chats in [from, to): the per-tag table's messages. */
export async function chatMessageCounts(
  raw: RawExec,
  chatIds: readonly string[],
  from: number,
  to: number,
): Promise<{ chatId: string; messagesIn: number; messagesOut: number }[]> {
  if (chatIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>(
    'select chat_id, sum(not from_me) as i, sum(from_me) as o from messages ' +
      'where chat_id in (?) and ts >= ? and ts < ? group by chat_id',
    [chatIds, from, to],
  );
  return rows.map(r => ({ chatId: String(r['chat_id']), messagesIn: Number(r['i']), messagesOut: Number(r['o']) }));
}
