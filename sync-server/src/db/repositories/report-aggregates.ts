/**
 * The SQL parts of a report computed from the report tables (docs/reports.md, "How figures are
 * stored"): reopenings, message counters, SLA outcomes grouped per trend bucket and number; the
 * conversations' own durations come from the conversation index (reports/indexed.ts). The
 * conversations are read from
 * `report_conversations`, except those of the chats cut again as at the range's end
 * (reports/recut.ts), read from `report_recut` under their token.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { ZoneSql } from '../../reports/zone-sql';
import type { RawExec } from '../index';

export type AggregateScope = {
  readonly accountIds: readonly string[];
  /** Chats with conversations cut again as at the range's end (under `token` in report_recut). */
  readonly recutChats: readonly string[];
  readonly token: string | null;
  readonly zone: ZoneSql;
};

/** One table a figure reads, with its filter (the numbers in scope, the recut chats left out or in). */
type Part = { readonly table: string; readonly filter: string; readonly values: unknown[] };

/**
 * A stored row touched at or after the range's end is one of the chats cut again as at that end
 * (reports/recut.ts), whose later rows are under the token: `touched_at < end` leaves exactly
 * those out (an older conversation's last instant is never after a newer one's opening, and a
 * newer one opened at or after the end counts nowhere), a numeric test on the row or index read.
 */
export function partsOf(s: AggregateScope): Part[] {
  const stored: Part = {
    table: 'report_conversations',
    filter: `account_id in (?) and touched_at < ${s.zone.end}`,
    values: [s.accountIds],
  };
  if (s.token === null) return [stored];
  return [
    stored,
    { table: 'report_recut', filter: 'token = ? and account_id in (?)', values: [s.token, s.accountIds] },
  ];
}

/**
 * The stored table read through `index`: MariaDB's planner takes the primary key's number prefix
 * (every row of the number) over the covering index of a resolved_at range; the scratch table as is.
 */
export const through = (p: Part, index: string) =>
  p.table === 'report_conversations' ? `${p.table} force index (${index})` : p.table;

const opened = (z: ZoneSql) => `opened_at >= ${z.start} and opened_at < ${z.end}`;

/** An additive figure: the same grouped query on each part, rows concatenated (the caller sums them). */
async function additive(raw: RawExec, s: AggregateScope, sql: (p: Part) => string): Promise<RowDataPacket[]> {
  const results = await Promise.all(
    partsOf(s).map(p => raw.query<RowDataPacket[]>({ sql: sql(p), values: p.values, rowsAsArray: true })),
  );
  return results.flatMap(([rows]) => rows);
}

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The reopenings that may fall in the range: each reopened conversation's instants (few rows). */
export async function reopenedRows(raw: RawExec, s: AggregateScope): Promise<{ accountId: string; at: number[] }[]> {
  const rows = await additive(
    raw,
    s,
    p =>
      `select account_id, reopened_at from ${through(p, 'report_conversations_reopened')} where ${p.filter} and reopen_count > 0 ` +
      `and touched_at >= ${s.zone.start} and opened_at < ${s.zone.end}`,
  );
  return rows.map(r => ({ accountId: String(r[0]), at: (str(r[1]) ?? '').split(',').filter(Boolean).map(Number) }));
}

/** Messages in/out per number and trend bucket, and inbound per weekday and hour (the counters). */
export async function messageCounts(
  raw: RawExec,
  accountIds: readonly string[],
  z: ZoneSql,
): Promise<{
  byBucket: { accountId: string; bucket: number; messagesIn: number; messagesOut: number }[];
  heatmap: { weekday: number; hour: number; n: number }[];
}> {
  // One read of the range's counters (a range of the primary key per number), grouped by number,
  // trend bucket, weekday and hour: both figures are sums of its few thousand rows.
  const [rows] = await raw.query<RowDataPacket[]>({
    sql:
      `select account_id, ${z.bucket('bucket')} b, ${z.weekday('bucket')} w, ${z.hour('bucket')} h, ` +
      'sum(messages_in), sum(messages_out) from report_message_counts ' +
      `where account_id in (?) and member_id = '' and bucket >= ${z.start} and bucket < ${z.end} group by account_id, b, w, h`,
    values: [accountIds],
    rowsAsArray: true,
  });
  const byBucket = new Map<string, { accountId: string; bucket: number; messagesIn: number; messagesOut: number }>();
  const heatmap = new Map<string, { weekday: number; hour: number; n: number }>();
  for (const r of rows) {
    const [accountId, bucket, weekday, hour, messagesIn, messagesOut] = [String(r[0]), ...r.slice(1).map(num)] as [
      string,
      number,
      number,
      number,
      number,
      number,
    ];
    const b = byBucket.get(`${accountId}\n${bucket}`) ?? { accountId, bucket, messagesIn: 0, messagesOut: 0 };
    b.messagesIn += messagesIn;
    b.messagesOut += messagesOut;
    byBucket.set(`${accountId}\n${bucket}`, b);
    const h = heatmap.get(`${weekday}\n${hour}`) ?? { weekday, hour, n: 0 };
    h.n += messagesIn;
    heatmap.set(`${weekday}\n${hour}`, h);
  }
  return { byBucket: [...byBucket.values()], heatmap: [...heatmap.values()] };
}

export type SlaRow = { bucket: number; accountId: string; assigneeId: string | null; outcome: string; n: number };

/**
 * SLA outcomes (common/reports/sla.ts, plain minutes) of the conversations opened in the range
 * on the numbers with a target, group chats left out, per trend bucket, number and assignee.
 */
export async function slaCounts(
  raw: RawExec,
  s: AggregateScope,
  targets: ReadonlyMap<string, number>,
  asOf: number,
): Promise<SlaRow[]> {
  if (targets.size === 0) return [];
  const cases = [...targets.keys()].map(() => 'when ? then ?').join(' ');
  const targetValues = [...targets].flatMap(([id, minutes]) => [id, minutes * 60_000]);
  const due = `(opened_at + case account_id ${cases} end)`;
  const parts = partsOf(s);
  const results = await Promise.all(
    parts.map(p =>
      raw.query<RowDataPacket[]>({
        sql:
          `select ${s.zone.bucket('opened_at')} b, account_id, assignee_id, case ` +
          `when first_response_at is not null then (case when first_response_at <= ${due} then 'met' else 'missed' end) ` +
          `when coalesce(resolved_at, ?) > ${due} then 'missed' when resolved_at is null then 'waiting' else 'excused' end o, ` +
          `count(*) from ${p.table} where ${p.filter} and ${opened(s.zone)} and account_id in (?) ` +
          'and chat_id not in (select id from chats where is_group) group by b, account_id, assignee_id, o',
        values: [...targetValues, asOf, ...targetValues, ...p.values, [...targets.keys()]],
        rowsAsArray: true,
      }),
    ),
  );
  return results.flatMap(([rows]) =>
    rows.map(r => ({
      bucket: num(r[0]),
      accountId: String(r[1]),
      assigneeId: str(r[2]),
      outcome: String(r[3]),
      n: num(r[4]),
    })),
  );
}
