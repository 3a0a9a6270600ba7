/**
 * The SQL report (see scans.ts): the conversations' counts, histograms, medians and 90th
 * percentiles ranked in TypeScript from the two scans' rows, with the same nearest-rank
 * percentile and histogram buckets as stats.ts, per trend bucket, number and member; then the
 * same assembly as the served report (aggregate.ts). The tests compare the served report,
 * counted from the conversation index, with this one.
 */
import { REPORT_BUCKET_BOUNDS_MS } from '../../../common/protocol-reports';
import type { ReportsGetArgs, WireReport } from '../../../common/protocol-reports';
import type { RawExec } from '../../../sync-server/src/db/index';
import type { AggregateScope } from '../../../sync-server/src/db/repositories/report-aggregates';
import { reopenedRows } from '../../../sync-server/src/db/repositories/report-aggregates';
import { assembled, sumBy } from '../../../sync-server/src/reports/aggregate';
import type { ConversationParts, Ranked } from '../../../sync-server/src/reports/indexed';
import type { RecutRange } from '../../../sync-server/src/reports/recut';
import { recutChanged } from '../../../sync-server/src/reports/recut';
import { bucketIndex, percentile } from '../../../sync-server/src/reports/stats';
import type { Zone } from '../../../sync-server/src/reports/zone';
import { dayIndex } from '../../../sync-server/src/reports/zone';
import type { DurationRow } from './scans';
import { changedAfterEnd, openedScan, resolvedScan } from './scans';

export type CountRow = { bucket: number; accountId: string; histogram: number; n: number };

/** Rows per trend bucket, number and histogram bucket of their duration (-1: none). */
export function countsOf(rows: readonly DurationRow[]): CountRow[] {
  const out = new Map<string, CountRow>();
  for (const r of rows) {
    const histogram = r.value === null ? -1 : bucketIndex(r.value);
    const key = `${r.bucket}\u0000${r.accountId}\u0000${histogram}`;
    const c = out.get(key);
    if (c) c.n += 1;
    else out.set(key, { bucket: r.bucket, accountId: r.accountId, histogram, n: 1 });
  }
  return [...out.values()];
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Ascending: a typed array sorts numbers natively. */
const sorted = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

function mediansOf<K>(groups: Map<K, number[]>): Map<K, number> {
  const out = new Map<K, number>();
  for (const [k, values] of groups) {
    const m = percentile(sorted(values), 0.5);
    if (m !== null) out.set(k, m);
  }
  return out;
}

/** The duration figures of the rows with a value (a first response given, or every resolution). */
export function rankedOf(rows: readonly DurationRow[]): Ranked {
  const all: number[] = [];
  const bucket = new Map<number, number[]>();
  const account = new Map<string, number[]>();
  const member = new Map<string, number[]>();
  const histogram = new Array<number>(REPORT_BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const r of rows) {
    if (r.value === null) continue;
    all.push(r.value);
    histogram[bucketIndex(r.value)]! += 1;
    push(bucket, r.bucket, r.value);
    push(account, r.accountId, r.value);
    if (r.memberId !== null) push(member, r.memberId, r.memberValue);
  }
  const whole = sorted(all);
  const memberMedians = mediansOf(member);
  return {
    count: whole.length,
    medianMs: percentile(whole, 0.5),
    p90Ms: percentile(whole, 0.9),
    histogram,
    bucket: mediansOf(bucket),
    account: mediansOf(account),
    member: new Map([...memberMedians].map(([id, medianMs]) => [id, { medianMs, n: member.get(id)?.length ?? 0 }])),
  };
}

/** Conversations per member who held them (each listed once in `holders`). */
export function holderCountsOf(rows: readonly DurationRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if (r.holders === '') continue;
    for (const id of r.holders.split(',')) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

/** The conversation figures from the two SQL scans (report-scans.ts) and the reopenings' rows. */
async function scannedParts(raw: RawExec, s: AggregateScope, zone: Zone): Promise<ConversationParts> {
  const [openedRows, resolvedRows, reopens] = await Promise.all([
    openedScan(raw, s),
    resolvedScan(raw, s),
    reopenedRows(raw, s),
  ]);
  const opened = countsOf(openedRows);
  const resolved = countsOf(resolvedRows);
  const bucketKey = (r: { bucket: number }) => `${r.bucket}`;
  return {
    openedPer: sumBy(opened, bucketKey, r => r.n),
    openedAcc: sumBy(
      opened,
      r => r.accountId,
      r => r.n,
    ),
    resolvedPer: sumBy(resolved, bucketKey, r => r.n),
    resolvedAcc: sumBy(
      resolved,
      r => r.accountId,
      r => r.n,
    ),
    frt: rankedOf(openedRows),
    res: rankedOf(resolvedRows),
    holders: holderCountsOf(openedRows),
    // Reopenings: each instant in the range counts for its day's bucket and its number.
    reopenAt: reopens.flatMap(r =>
      r.at.map(t => ({ accountId: r.accountId, day: dayIndex(zone, t) })).filter(x => x.day !== -1),
    ),
  };
}

/** The report with the conversations read by the two SQL scans. */
export function aggregatedReport(
  raw: RawExec,
  accountIds: readonly string[],
  args: ReportsGetArgs,
  recut: RecutRange,
  now: number,
): Promise<WireReport> {
  return assembled(raw, accountIds, args, recut, now, (s, zone) => scannedParts(raw, s, zone));
}

/**
 * The range's chats that changed after its end, cut again as at the end, found by SQL (the
 * served report's handler finds them in its conversation index).
 */
export async function recutRange(
  raw: RawExec,
  accountIds: readonly string[],
  start: number,
  end: number,
  now: number,
): Promise<RecutRange> {
  const rows = await changedAfterEnd(raw, accountIds, start, end);
  const from = new Map<string, number>();
  for (const r of rows) if (r[13] >= end) from.set(r[1], Math.min(from.get(r[1]) ?? r[2], r[2]));
  return recutChanged(raw, { from, accountOf: new Map(rows.map(r => [r[1], r[0]])) }, start, end, now);
}
