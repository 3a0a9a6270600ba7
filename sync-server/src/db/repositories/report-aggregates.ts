/**
 * A report's figures computed in SQL from the report tables (docs/reports.md, "How figures are
 * stored"): counts grouped per trend bucket and number, histograms as bucket counts, medians
 * and 90th percentiles as the row at the nearest rank of one sorted column (window functions
 * that MariaDB 10.2+ and MySQL 8 both run). Only small grouped rows come back to TypeScript.
 * The conversations are read from `report_conversations`, except those of the chats cut again
 * as at the range's end (reports/recut.ts), read from `report_recut` under their token.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { REPORT_BUCKET_BOUNDS_MS } from '../../../../common/protocol-reports';
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
function partsOf(s: AggregateScope): Part[] {
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
const through = (p: Part, index: string) =>
  p.table === 'report_conversations' ? `${p.table} force index (${index})` : p.table;

const opened = (z: ZoneSql) => `opened_at >= ${z.start} and opened_at < ${z.end}`;
const resolved = (z: ZoneSql) => `resolved_at >= ${z.start} and resolved_at < ${z.end}`;

/** The histogram bucket of a duration: how many bounds it reaches (stats.ts bucketIndex). */
const histogramOf = (v: string) => REPORT_BUCKET_BOUNDS_MS.map(b => `(${v} >= ${b})`).join(' + ');

/** An additive figure: the same grouped query on each part, rows concatenated (the caller sums them). */
async function additive(raw: RawExec, s: AggregateScope, sql: (p: Part) => string): Promise<RowDataPacket[]> {
  const results = await Promise.all(
    partsOf(s).map(p => raw.query<RowDataPacket[]>({ sql: sql(p), values: p.values, rowsAsArray: true })),
  );
  return results.flatMap(([rows]) => rows);
}

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export type CountRow = { bucket: number; accountId: string; histogram: number; n: number };

/** Conversations opened in the range per trend bucket, number and first-response histogram bucket (-1: none). */
export async function openedCounts(raw: RawExec, s: AggregateScope): Promise<{ rows: CountRow[]; maxHolders: number }> {
  const z = s.zone;
  const rows = await additive(
    raw,
    s,
    p =>
      `select ${z.bucket('opened_at')} b, account_id, case when first_response_at is null then -1 else ` +
      `${histogramOf('first_response_at - opened_at')} end k, count(*), ` +
      "max(length(holders) - length(replace(holders, ',', ''))) " +
      `from ${p.table} where ${p.filter} and ${opened(z)} group by b, account_id, k`,
  );
  return {
    rows: rows.map(r => ({ bucket: num(r[0]), accountId: String(r[1]), histogram: num(r[2]), n: num(r[3]) })),
    maxHolders: rows.reduce((m, r) => Math.max(m, num(r[4]) + 1), 0),
  };
}

/** Conversations resolved in the range per trend bucket, number and resolution histogram bucket. */
export async function resolvedCounts(raw: RawExec, s: AggregateScope): Promise<CountRow[]> {
  const z = s.zone;
  const rows = await additive(
    raw,
    s,
    p =>
      `select ${z.bucket('resolved_at')} b, account_id, ${histogramOf('resolved_at - opened_at')} k, count(*) ` +
      `from ${through(p, 'report_conversations_resolved_cover')} where ${p.filter} and ${resolved(z)} group by b, account_id, k`,
  );
  return rows.map(r => ({ bucket: num(r[0]), accountId: String(r[1]), histogram: num(r[2]), n: num(r[3]) }));
}

/**
 * Conversations opened in the range per member who held them: `holders` is a comma-separated
 * list, split in SQL against the positions 1..maxHolders (openedCounts gives the longest list).
 */
export async function holderCounts(raw: RawExec, s: AggregateScope, maxHolders: number): Promise<[string, number][]> {
  if (maxHolders === 0) return [];
  const positions = Array.from({ length: maxHolders }, (_, i) => `select ${i + 1} n`).join(' union all ');
  const rows = await additive(
    raw,
    s,
    p =>
      // The positions' only column is n: every other column is the conversation's.
      // As char(36) (a member id's column): grouped as the varchar(2000) holders, the temporary table's key was 8,000 bytes.
      "select cast(substring_index(substring_index(holders, ',', n), ',', -1) as char(36)) m, count(*) " +
      `from ${p.table} join (${positions}) p on n <= 1 + length(holders) - length(replace(holders, ',', '')) ` +
      `where ${p.filter} and ${opened(s.zone)} and holders <> '' group by m`,
  );
  return rows.map(r => [String(r[0]), num(r[1])]);
}

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

/** A value at a nearest rank: which partition and which rank it answers (stats.ts percentile). */
export type RankRow = {
  value: number;
  bucket: number;
  accountId: string;
  /** The member the last partition is by (first responder, or resolver), null when none. */
  memberId: string | null;
  ranks: [
    total: number,
    count: number,
    inBucket: number,
    bucketCount: number,
    inAccount: number,
    accountCount: number,
    ofMember: number,
    memberCount: number,
  ];
  /** The member partition's own value when it differs (handle time); else value. */
  memberValue: number;
};

const marks = (n: number) => new Array<string>(n).fill('?').join(', ');

/** How many rows each partition of a ranked figure holds (from the grouped counts): its ranks follow. */
export type PartitionCounts = {
  readonly total: number;
  readonly bucket: ReadonlyMap<number, number>;
  readonly account: ReadonlyMap<string, number>;
};

/** The nearest rank of p among n samples (reports/stats.ts percentile). */
const rankOf = (p: number, n: number) => Math.max(1, Math.ceil(p * n));

/** `col = <the median's rank of col's partition>` for the partitions keys and counts given. */
function atMedian(r: string, key: string, counts: readonly [number, number][]): string {
  if (counts.length === 0) return 'false';
  return `${r} = case ${key} ${counts.map(([k, n]) => `when ${int(k)} then ${int(rankOf(0.5, n))}`).join(' ')} else -1 end`;
}

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/** A 60-bit integer for a member id (or null): a window sorts it far faster than the string. */
const memberKey = (col: string) => `cast(conv(left(md5(${col}), 15), 16, 10) as unsigned)`;

/**
 * Rows at the nearest ranks (median of each partition; also the 90th percentile overall) of
 * `value` over the rows `where` selects; the member partition is ordered by `memberValue`.
 * Partitions are keyed by integers (the number's FIELD position, a hash of the member id):
 * sorting on the string ids themselves made each window several times slower. The sizes of
 * the total, bucket and number partitions are known from the grouped counts, so their ranks are
 * written into the query; the member partition's size comes back with its median row.
 */
async function ranked(
  raw: RawExec,
  s: AggregateScope,
  cols: { value: string; bucketOf: string; member: string; memberValue: string; where: string; index?: string },
  counts: PartitionCounts,
): Promise<RankRow[]> {
  if (counts.total === 0) return [];
  const parts = partsOf(s);
  const inner = parts
    .map(
      p =>
        `select ${cols.value} v, ${s.zone.bucket(cols.bucketOf)} b, field(account_id, ${marks(s.accountIds.length)}) a, ` +
        `${cols.member} m, ${memberKey(cols.member)} mk, ${cols.memberValue} mv from ${cols.index ? through(p, cols.index) : p.table} ` +
        `where ${p.filter} and ${cols.where}`,
    )
    .join(' union all ');
  const accounts = s.accountIds.map((id, i): [number, number] => [i + 1, counts.account.get(id) ?? 0]);
  const sql =
    'select v, b, a, m, r0, r1, r2, r3, n3, mv from (select v, b, a, m, mv, ' +
    'row_number() over (order by v) r0, row_number() over (partition by b order by v) r1, ' +
    'row_number() over (partition by a order by v) r2, row_number() over (partition by mk order by mv) r3, ' +
    'count(*) over (partition by mk) n3 ' +
    `from (${inner}) x) y where r0 in (${int(rankOf(0.5, counts.total))}, ${int(rankOf(0.9, counts.total))}) or ` +
    `${atMedian('r1', 'b', [...counts.bucket])} or ${atMedian(
      'r2',
      'a',
      accounts.filter(([, n]) => n > 0),
    )} or ` +
    '(m is not null and r3 = ceil(0.5e0 * n3))';
  const values = parts.flatMap(p => [...s.accountIds, ...p.values]);
  const [rows] = await raw.query<RowDataPacket[]>({ sql, values, rowsAsArray: true });
  return rows.map(r => {
    const [bucket, a] = [num(r[1]), num(r[2])];
    const accountId = s.accountIds[a - 1] ?? '';
    return {
      value: num(r[0]),
      bucket,
      accountId,
      memberId: str(r[3]),
      ranks: [
        num(r[4]),
        counts.total,
        num(r[5]),
        counts.bucket.get(bucket) ?? 0,
        num(r[6]),
        counts.account.get(accountId) ?? 0,
        num(r[7]),
        num(r[8]),
      ],
      memberValue: num(r[9]),
    };
  });
}

/** First response times of the conversations opened in the range (member: who answered first, of responders). */
export function firstResponseRanks(raw: RawExec, s: AggregateScope, counts: PartitionCounts): Promise<RankRow[]> {
  return ranked(
    raw,
    s,
    {
      value: 'first_response_at - opened_at',
      bucketOf: 'opened_at',
      member: 'first_responder_id',
      memberValue: 'first_response_at - opened_at',
      where: `${opened(s.zone)} and first_response_at is not null`,
    },
    counts,
  );
}

/**
 * Resolution times of the conversations resolved in the range; the member partition is the
 * resolver's handle time (from when they got it, or its opening, to the resolution: figures.ts).
 */
export function resolutionRanks(raw: RawExec, s: AggregateScope, counts: PartitionCounts): Promise<RankRow[]> {
  return ranked(
    raw,
    s,
    {
      value: 'resolved_at - opened_at',
      bucketOf: 'resolved_at',
      member: 'resolved_by',
      memberValue:
        'resolved_at - greatest(case when resolved_by = assignee_id then assignee_since else opened_at end, opened_at)',
      where: resolved(s.zone),
      index: 'report_conversations_resolved_cover',
    },
    counts,
  );
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
  const where = `account_id in (?) and member_id = '' and bucket >= ${z.start} and bucket < ${z.end}`;
  const [[byBucket], [heat]] = await Promise.all([
    raw.query<RowDataPacket[]>({
      sql: `select account_id, ${z.bucket('bucket')} b, sum(messages_in), sum(messages_out) from report_message_counts where ${where} group by account_id, b`,
      values: [accountIds],
      rowsAsArray: true,
    }),
    raw.query<RowDataPacket[]>({
      sql: `select ${z.weekday('bucket')} w, ${z.hour('bucket')} h, sum(messages_in) from report_message_counts where ${where} group by w, h`,
      values: [accountIds],
      rowsAsArray: true,
    }),
  ]);
  return {
    byBucket: byBucket.map(r => ({
      accountId: String(r[0]),
      bucket: num(r[1]),
      messagesIn: num(r[2]),
      messagesOut: num(r[3]),
    })),
    heatmap: heat.map(r => ({ weekday: num(r[0]), hour: num(r[1]), n: num(r[2]) })),
  };
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
