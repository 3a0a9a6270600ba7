/**
 * A SQL report's counts, histograms, medians and 90th percentiles from the compact rows of the
 * conversations opened (resolved) in the range (db/repositories/report-scans.ts): the same
 * nearest-rank percentile and histogram buckets as stats.ts, per trend bucket, number and member.
 */
import { REPORT_BUCKET_BOUNDS_MS } from '../../../common/protocol-reports';
import type { DurationRow } from '../db/repositories/report-scans';
import { bucketIndex, percentile } from './stats';

export type CountRow = { bucket: number; accountId: string; histogram: number; n: number };

export type Ranked = {
  readonly count: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
  readonly histogram: number[];
  readonly bucket: ReadonlyMap<number, number>;
  readonly account: ReadonlyMap<string, number>;
  /** Per member (first responder, or resolver): the median of their own durations and how many. */
  readonly member: ReadonlyMap<string, { readonly medianMs: number; readonly n: number }>;
};

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
