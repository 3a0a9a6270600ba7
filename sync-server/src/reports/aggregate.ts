/**
 * reports:get from the report tables: the same WireReport reportOf (figures.ts) computes from a
 * dataset, for a report without a member or tag filter, and without "business hours only" on a
 * number that has business hours (open time is measured in TypeScript: the caller uses the
 * dataset then). The conversations opened and resolved in the range are counted and ranked
 * from this process's conversation index (indexedReport: conversation-index.ts, indexed.ts;
 * the tests compute the same figures a second way, from SQL scans: tests/helpers/report-oracle).
 * Messages,
 * reopenings and SLA outcomes are grouped in SQL (report-aggregates.ts); the per-tag table is
 * computed from the tagged chats' conversations alone (stored.ts).
 */
import type { ReportsGetArgs, WireReport } from '../../../common/protocol-reports';
import type { SlaCounts } from '../../../common/reports/sla';
import { emptySlaCounts, slaMetPct } from '../../../common/reports/sla';
import type { AggregateScope } from '../db/repositories/report-aggregates';
import { messageCounts, slaCounts } from '../db/repositories/report-aggregates';
import { storedSentCounts } from '../db/repositories/report-sent';
import type { RawExec } from '../db/index';
import { reportAccountNames, reportMemberNames, reportSlaTargets } from '../db/repositories/reports';
import { bucketsOf, reportOf } from './figures';
import type { ConversationIndex } from './conversation-index';
import type { ConversationParts, Ranked } from './indexed';
import { indexedParts } from './indexed';
import type { RecutRange } from './recut';
import { loadTaggedDataset } from './stored';
import type { Zone } from './zone';
import { rangeEnd, rangeStart, zoneOf } from './zone';
import { zoneSql } from './zone-sql';

const durationOf = (r: Ranked): WireReport['firstResponse'] => ({
  count: r.count,
  medianMs: r.medianMs,
  p90Ms: r.p90Ms,
  histogram: r.histogram,
});

export const sumBy = <T>(rows: readonly T[], key: (r: T) => string, n: (r: T) => number) => {
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

/** The report with the conversations counted from this process's conversation index (indexed.ts). */
export function indexedReport(
  raw: RawExec,
  index: ConversationIndex,
  accountIds: readonly string[],
  args: ReportsGetArgs,
  recut: RecutRange,
  now: number,
): Promise<WireReport> {
  return assembled(raw, accountIds, args, recut, now, async (_s, zone, ofDay) =>
    indexedParts(index, accountIds, zone, ofDay, Math.max(0, ...ofDay) + 1, recut),
  );
}

/** The report from its conversation figures (partsOf) and the SQL aggregates of the rest. */
export async function assembled(
  raw: RawExec,
  accountIds: readonly string[],
  args: ReportsGetArgs,
  recut: RecutRange,
  now: number,
  partsOf: (s: AggregateScope, zone: Zone, ofDay: readonly number[]) => Promise<ConversationParts>,
): Promise<WireReport> {
  const zone = zoneOf(args.from, args.to, args.timeZone);
  const s: AggregateScope = { accountIds, ...recut, zone: zoneSql(zone, args.bucket) };
  const asOf = Math.min(rangeEnd(zone), now);
  const { starts, ofDay } = bucketsOf(zone, args.bucket);
  // One round: the conversations of the range (their counts, histograms and medians), then
  // messages from the counters; SLA outcomes follow the targets.
  const slaOf = reportSlaTargets(raw, accountIds).then(async targets => ({
    targets,
    sla: await slaCounts(raw, s, targets, asOf),
  }));
  const [accountNames, memberNames, { targets, sla }, parts, messages, sent, tagged] = await Promise.all([
    reportAccountNames(raw, accountIds),
    reportMemberNames(raw),
    slaOf,
    partsOf(s, zone, ofDay),
    messageCounts(raw, accountIds, s.zone),
    storedSentCounts(raw, accountIds, rangeStart(zone), rangeEnd(zone)),
    loadTaggedDataset(raw, accountIds, args, now),
  ]);
  const { openedPer, openedAcc, resolvedPer, resolvedAcc, frt, res, holders, reopenAt } = parts;
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
  const frtPer = new Map([...frt.bucket].map(([b, v]) => [`${b}`, v]));
  const resPer = new Map([...res.bucket].map(([b, v]) => [`${b}`, v]));
  const frtAcc = frt.account;
  const resAcc = res.account;
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
  for (const [id, m] of frt.member) member(id).frt = m.medianMs;
  for (const [id, m] of res.member) {
    member(id).handle = m.medianMs;
    member(id).resolved = m.n;
  }
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
    firstResponse: durationOf(frt),
    resolution: durationOf(res),
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

function heatmapOf(cells: readonly { weekday: number; hour: number; n: number }[]): number[][] {
  const rows = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const c of cells) rows[c.weekday]![c.hour]! += c.n;
  return rows;
}
