/**
 * The SQL report's medians, 90th percentiles, histograms and holder counts computed from the
 * range's compact rows (tests/helpers/report-oracle, the reference the conversation index is
 * tested against) against the plain definitions of
 * stats.ts applied to each partition separately: whole, per trend bucket, per number, per member
 * (whose own value may differ, as a resolver's handle time does), with ties and unanswered rows.
 */
import { describe, expect, it } from 'vitest';
import type { DurationRow } from '../../helpers/report-oracle/scans';
import { countsOf, holderCountsOf, rankedOf } from '../../helpers/report-oracle/sql-report';
import { bucketIndex, durationStats, medianOf } from '../../../sync-server/src/reports/stats';

function rng(seed: number): (n: number) => number {
  let s = seed;
  return n => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s % n;
  };
}

const MEMBERS = ['m-a', 'm-b', 'm-c'];

function rowsOf(seed: number, n: number): DurationRow[] {
  const rand = rng(seed);
  return Array.from({ length: n }, () => {
    // Values from a small set too: ties at the ranks must not matter.
    const value = rand(5) === 0 ? null : rand(2) === 0 ? rand(4) * 60_000 : rand(20_000_000);
    const memberId = rand(6) === 0 ? null : MEMBERS[rand(MEMBERS.length)]!;
    const holders = MEMBERS.filter(() => rand(2) === 0).join(',');
    return { value, bucket: rand(4), accountId: `acc-${rand(3)}`, memberId, memberValue: rand(9_000_000), holders };
  });
}

const groupBy = <K>(rows: readonly DurationRow[], key: (r: DurationRow) => K) => {
  const out = new Map<K, DurationRow[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};
const values = (rows: readonly DurationRow[]) => rows.flatMap(r => (r.value === null ? [] : [r.value]));

describe('report ranks from compact rows', () => {
  for (const [seed, n] of [
    [1, 1],
    [2, 7],
    [3, 400],
    [4, 2_001],
  ] as const)
    it(`match stats.ts per partition (${n} rows)`, () => {
      const rows = rowsOf(seed, n);
      const got = rankedOf(rows);
      const whole = durationStats(values(rows));
      expect({ count: got.count, medianMs: got.medianMs, p90Ms: got.p90Ms, histogram: got.histogram }).toEqual(whole);
      for (const [b, part] of groupBy(rows, r => r.bucket))
        expect(got.bucket.get(b) ?? null).toBe(medianOf(values(part)));
      for (const [a, part] of groupBy(rows, r => r.accountId))
        expect(got.account.get(a) ?? null).toBe(medianOf(values(part)));
      const answered = rows.filter(r => r.value !== null && r.memberId !== null);
      for (const [m, part] of groupBy(answered, r => r.memberId!))
        expect(got.member.get(m)).toEqual({ medianMs: medianOf(part.map(r => r.memberValue)), n: part.length });
      expect(got.member.size).toBe(new Set(answered.map(r => r.memberId)).size);
    });

  it('count rows per bucket, number and histogram bucket, -1 for no value', () => {
    const rows = rowsOf(5, 300);
    const counts = countsOf(rows);
    expect(counts.reduce((a, c) => a + c.n, 0)).toBe(rows.length);
    for (const c of counts)
      expect(c.n).toBe(
        rows.filter(
          r =>
            r.bucket === c.bucket &&
            r.accountId === c.accountId &&
            (r.value === null ? -1 : bucketIndex(r.value)) === c.histogram,
        ).length,
      );
  });

  it('count each holder of each conversation once', () => {
    const rows = rowsOf(6, 300);
    const got = holderCountsOf(rows);
    for (const m of MEMBERS) expect(got.get(m) ?? 0).toBe(rows.filter(r => r.holders.split(',').includes(m)).length);
    expect([...got.keys()].every(k => MEMBERS.includes(k))).toBe(true);
  });
});
