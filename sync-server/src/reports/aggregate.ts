/**
 * reports:get from the report tables with the figures aggregated in SQL
 * (db/repositories/report-aggregates.ts): the same WireReport reportOf (figures.ts) computes
 * from a dataset, for a report without a member or tag filter, and without "business hours
 * only" on a number that has business hours (open time is measured in TypeScript: the caller
 * uses the dataset then). Only grouped rows and the rows at the medians' ranks are read; the
 * per-tag table is computed from the tagged chats' conversations alone (stored.ts).
 */
import type { ReportsGetArgs, WireReport } from '../../../common/protocol-reports';
import { REPORT_BUCKET_BOUNDS_MS } from '../../../common/protocol-reports';
import type { SlaCounts } from '../../../common/reports/sla';
import { emptySlaCounts, slaMetPct } from '../../../common/reports/sla';
import type { AggregateScope, CountRow, PartitionCounts, RankRow } from '../db/repositories/report-aggregates';
import {
  firstResponseRanks,
  holderCounts,
  messageCounts,
  openedCounts,
  reopenedRows,
  resolutionRanks,
  resolvedCounts,
  slaCounts,
} from '../db/repositories/report-aggregates';
import { storedSentCounts } from '../db/repositories/report-tables';
import type { RawExec } from '../db/index';
import { reportAccountNames, reportMemberNames, reportSlaTargets } from '../db/repositories/reports';
import { bucketsOf, reportOf } from './figures';
import type { RecutRange } from './recut';
import { loadTaggedDataset } from './stored';
import { dayIndex, rangeEnd, rangeStart, zoneOf } from './zone';
import { zoneSql } from './zone-sql';

/** The nearest rank of p among n samples, as stats.ts percentile takes it (and the SQL filters it). */
const rankOf = (p: number, n: number) => Math.max(1, Math.ceil(p * n));

/** The value at rank(p) of the partition `which` (0 total, 1 bucket, 2 number, 3 member), per key. */
function medians(rows: readonly RankRow[], which: 0 | 1 | 2 | 3, key: (r: RankRow) => string, p = 0.5) {
  const out = new Map<string, number>();
  for (const r of rows) {
    const [rank, n] = [r.ranks[which * 2]!, r.ranks[which * 2 + 1]!];
    // A row of no member can be at the rank of its (null) member partition: not a member's median.
    if (which === 3 && r.memberId === null) continue;
    if (rank === rankOf(p, n)) out.set(key(r), which === 3 ? r.memberValue : r.value);
  }
  return out;
}

function durationOf(counts: readonly CountRow[], ranks: readonly RankRow[]): WireReport['firstResponse'] {
  const histogram = new Array<number>(REPORT_BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const c of counts) if (c.histogram >= 0) histogram[c.histogram]! += c.n;
  return {
    count: histogram.reduce((a, b) => a + b, 0),
    medianMs: medians(ranks, 0, () => '').get('') ?? null,
    p90Ms: medians(ranks, 0, () => '', 0.9).get('') ?? null,
    histogram,
  };
}

const sumBy = <T>(rows: readonly T[], key: (r: T) => string, n: (r: T) => number) => {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + n(r));
  return out;
};

const withPct = (c: SlaCounts) => ({ ...c, metPct: slaMetPct(c) });
const bySla = (m: Map<string, SlaCounts>, k: string) => {
  const c = m.get(k) ?? emptySlaCounts();
  m.set(k, c);
  return c;
};

export async function aggregatedReport(
  raw: RawExec,
  accountIds: readonly string[],
  args: ReportsGetArgs,
  recut: RecutRange,
  now: number,
): Promise<WireReport> {
  const zone = zoneOf(args.from, args.to, args.timeZone);
  const s: AggregateScope = { accountIds, ...recut, zone: zoneSql(zone, args.bucket) };
  const asOf = Math.min(rangeEnd(zone), now);
  // Two rounds of queries started together: the second needs the first's counts (and targets).
  const [accountNames, memberNames, targets, opened, resolved, reopens, messages, sent, tagged] = await Promise.all([
    reportAccountNames(raw, accountIds),
    reportMemberNames(raw),
    reportSlaTargets(raw, accountIds),
    openedCounts(raw, s),
    resolvedCounts(raw, s),
    reopenedRows(raw, s),
    messageCounts(raw, accountIds, s.zone),
    storedSentCounts(raw, accountIds, rangeStart(zone), rangeEnd(zone)),
    loadTaggedDataset(raw, accountIds, args, now),
  ]);
  // The medians' queries key their member partition by position in these lists (report-aggregates.ts).
  const answered = opened.rows.filter(r => r.histogram >= 0);
  const [frt, res, holders, sla] = await Promise.all([
    firstResponseRanks(raw, s, partitionCounts(answered)),
    resolutionRanks(raw, s, partitionCounts(resolved)),
    holderCounts(raw, s, opened.maxHolders),
    slaCounts(raw, s, targets, asOf),
  ]);
  const { starts, ofDay } = bucketsOf(zone, args.bucket);
  // Reopenings: each instant in the range counts for its day's bucket and its number.
  const reopenAt = reopens.flatMap(r =>
    r.at.map(t => ({ accountId: r.accountId, day: dayIndex(zone, t) })).filter(x => x.day !== -1),
  );
  const reopenedPer = sumBy(
    reopenAt,
    r => `${ofDay[r.day]}`,
    () => 1,
  );
  const reopenedAcc = sumBy(
    reopenAt,
    r => r.accountId,
    () => 1,
  );
  const bucketKey = (r: { bucket: number }) => `${r.bucket}`;
  const openedPer = sumBy(opened.rows, bucketKey, r => r.n);
  const openedAcc = sumBy(
    opened.rows,
    r => r.accountId,
    r => r.n,
  );
  const resolvedPer = sumBy(resolved, bucketKey, r => r.n);
  const resolvedAcc = sumBy(
    resolved,
    r => r.accountId,
    r => r.n,
  );
  const inPer = sumBy(messages.byBucket, bucketKey, r => r.messagesIn);
  const outPer = sumBy(messages.byBucket, bucketKey, r => r.messagesOut);
  const inAcc = sumBy(
    messages.byBucket,
    r => r.accountId,
    r => r.messagesIn,
  );
  const outAcc = sumBy(
    messages.byBucket,
    r => r.accountId,
    r => r.messagesOut,
  );
  const frtPer = medians(frt, 1, bucketKey);
  const resPer = medians(res, 1, bucketKey);
  const frtAcc = medians(frt, 2, r => r.accountId);
  const resAcc = medians(res, 2, r => r.accountId);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

  const members = new Map<
    string,
    { assigned: number; resolved: number; frt: number | null; handle: number | null; sent: number }
  >();
  const member = (id: string) => {
    let m = members.get(id);
    if (!m) members.set(id, (m = { assigned: 0, resolved: 0, frt: null, handle: null, sent: 0 }));
    return m;
  };
  for (const [id, n] of holders) member(id).assigned += n;
  for (const [id, v] of medians(frt, 3, r => r.memberId ?? '')) member(id).frt = v;
  for (const [id, v] of medians(res, 3, r => r.memberId ?? '')) member(id).handle = v;
  // The resolver partition's size, with its median row: how many each member resolved.
  for (const r of res)
    if (r.memberId !== null && r.ranks[6] === Math.ceil(0.5 * r.ranks[7])) member(r.memberId).resolved = r.ranks[7];
  for (const [id, n] of sent) member(id).sent += n;

  const slaTotal = emptySlaCounts();
  const slaTrend = new Map<string, SlaCounts>();
  const slaMembers = new Map<string, SlaCounts>();
  const slaAccounts = new Map<string, SlaCounts>();
  for (const r of sla) {
    if (r.outcome !== 'met' && r.outcome !== 'missed' && r.outcome !== 'waiting') continue;
    const o = r.outcome;
    slaTotal[o] += r.n;
    bySla(slaTrend, `${r.bucket}`)[o] += r.n;
    bySla(slaAccounts, r.accountId)[o] += r.n;
    if (r.assigneeId !== null) bySla(slaMembers, r.assigneeId)[o] += r.n;
  }
  const byName =
    <T extends { name: string }>(id: (t: T) => string) =>
    (a: T, b: T) =>
      a.name.localeCompare(b.name) || id(a).localeCompare(id(b));

  return {
    from: args.from,
    to: args.to,
    timeZone: args.timeZone,
    bucket: args.bucket,
    generatedAt: now,
    totals: {
      opened: total(openedPer),
      resolved: total(resolvedPer),
      reopened: reopenAt.length,
      messagesIn: total(inPer),
      messagesOut: total(outPer),
    },
    firstResponse: durationOf(opened.rows, frt),
    resolution: durationOf(resolved, res),
    trend: starts.map((start, i) => ({
      start,
      opened: openedPer.get(`${i}`) ?? 0,
      resolved: resolvedPer.get(`${i}`) ?? 0,
      reopened: reopenedPer.get(`${i}`) ?? 0,
      messagesIn: inPer.get(`${i}`) ?? 0,
      messagesOut: outPer.get(`${i}`) ?? 0,
      firstResponseMedianMs: frtPer.get(`${i}`) ?? null,
      resolutionMedianMs: resPer.get(`${i}`) ?? null,
    })),
    members: [...members]
      .map(([memberId, m]) => ({
        memberId,
        name: memberNames.get(memberId) ?? '',
        assigned: m.assigned,
        resolved: m.resolved,
        firstResponseMedianMs: m.frt,
        handleTimeMedianMs: m.handle,
        messagesSent: m.sent,
      }))
      .sort(byName(m => m.memberId)),
    accounts: [...accountNames]
      .map(([accountId, name]) => ({
        accountId,
        name,
        opened: openedAcc.get(accountId) ?? 0,
        resolved: resolvedAcc.get(accountId) ?? 0,
        reopened: reopenedAcc.get(accountId) ?? 0,
        messagesIn: inAcc.get(accountId) ?? 0,
        messagesOut: outAcc.get(accountId) ?? 0,
        firstResponseMedianMs: frtAcc.get(accountId) ?? null,
        resolutionMedianMs: resAcc.get(accountId) ?? null,
      }))
      .sort(byName(a => a.accountId)),
    tags: tagged.conversations.length + (tagged.tagMessages?.length ?? 0) === 0 ? [] : reportOf(tagged, args).tags,
    heatmap: heatmapOf(messages.heatmap),
    sla: {
      ...withPct(slaTotal),
      trend: starts.map((start, i) => ({ start, ...withPct(slaTrend.get(`${i}`) ?? emptySlaCounts()) })),
      members: [...slaMembers]
        .map(([memberId, c]) => ({ memberId, name: memberNames.get(memberId) ?? '', ...withPct(c) }))
        .sort(byName(m => m.memberId)),
      accounts: [...accountNames]
        .map(([accountId, name]) => ({
          accountId,
          name,
          targetMinutes: targets.get(accountId) ?? null,
          ...withPct(slaAccounts.get(accountId) ?? emptySlaCounts()),
        }))
        .sort(byName(a => a.accountId)),
    },
  };
}

/** The sizes of a ranked figure's partitions, from its grouped counts (per bucket and number). */
function partitionCounts(rows: readonly CountRow[]): PartitionCounts {
  const bucket = new Map<number, number>();
  const account = new Map<string, number>();
  for (const r of rows) {
    bucket.set(r.bucket, (bucket.get(r.bucket) ?? 0) + r.n);
    account.set(r.accountId, (account.get(r.accountId) ?? 0) + r.n);
  }
  return { total: rows.reduce((a, r) => a + r.n, 0), bucket, account };
}

function heatmapOf(cells: readonly { weekday: number; hour: number; n: number }[]): number[][] {
  const rows = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const c of cells) rows[c.weekday]![c.hour]! += c.n;
  return rows;
}
