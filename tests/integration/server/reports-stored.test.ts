/**
 * The report tables (migration 0034) against the hand-computed reference: the same seeded
 * workspace, once the report worker has cut every chat, gives through loadStoredDataset the
 * figures reference.ts computes from the generator's own record, in Jakarta (UTC+7, across
 * midnight) and in +05:30, for a range that ends after the last change and for one that ends
 * while conversations are still running (those are cut again as they were at its end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawExec } from '../../../sync-server/src/db/index';
import { indexedReport } from '../../../sync-server/src/reports/aggregate';
import { aggregatedReport, recutRange } from '../../helpers/report-oracle/sql-report';
import type { ConversationIndex } from '../../../sync-server/src/reports/conversation-index';
import { conversationIndex } from '../../../sync-server/src/reports/conversation-index';
import { changedInIndex } from '../../../sync-server/src/reports/indexed';
import { reportOf } from '../../../sync-server/src/reports/figures';
import { recutChanged } from '../../../sync-server/src/reports/recut';
import { loadStoredDataset } from '../../../sync-server/src/reports/stored';
import type { Stack } from './harness';
import { startStack } from './harness';
import { expectedReport } from './reports/reference';
import type { Truth } from './reports/seed';
import { leadAndAgents, northAndSouth, seedMidnightEdge, seedWorkspace } from './reports/seed';
import { rangeEnd, rangeStart, zoneOf } from '../../../sync-server/src/reports/zone';

let stack: Stack;
let truth: Truth;
const ACCOUNTS = ['st-north', 'st-south', 'st-night'];

beforeAll(async () => {
  stack = await startStack();
  const { lead, agents, names } = await leadAndAgents(stack);
  const raw = stack.node.app.database.raw;
  truth = await seedWorkspace(raw, {
    accounts: northAndSouth([ACCOUNTS[0]!, ACCOUNTS[1]!], agents, 25),
    resolvers: [lead],
    members: names,
    start: Date.parse('2026-10-26T00:00:00Z'),
    until: Date.parse('2026-12-02T00:00:00Z'),
    seed: 7,
  });
  await seedMidnightEdge(raw, truth, ACCOUNTS[2]!, lead);
  await stack.node.app.reportTables.idle();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

/** One index for the file, made at its first use (the database is the stack's). */
function lazyIndex(): (raw: RawExec) => ConversationIndex {
  let ix: ConversationIndex | undefined;
  return raw => (ix ??= conversationIndex(raw));
}

const ZONES = [
  { timeZone: 'Asia/Jakarta', offsetHours: 7 },
  { timeZone: 'Asia/Kolkata', offsetHours: 5.5 },
];
const RANGES = [
  { from: '2026-11-09', to: '2026-12-03', ends: 'after the last change' },
  { from: '2026-11-02', to: '2026-11-18', ends: 'with conversations still running' },
];

describe('report tables', () => {
  for (const { timeZone, offsetHours } of ZONES)
    for (const { from, to, ends } of RANGES)
      it(`give the reference's figures, ${ends} (${timeZone})`, async () => {
        const raw = stack.node.app.database.raw;
        const args = { from, to, timeZone, bucket: 'day' as const };
        const { generatedAt: _g, ...stored } = reportOf(await loadStoredDataset(raw, ACCOUNTS, args, 0), args);
        expect(stored.totals.opened).toBeGreaterThan(0);
        expect(stored).toEqual({
          ...expectedReport(truth, { from, to, offsetHours, accountIds: ACCOUNTS }),
          timeZone,
        });
      });

  // The same figures aggregated in SQL (report-aggregates.ts), weekly buckets too.
  for (const { timeZone, offsetHours } of ZONES)
    for (const { from, to, ends } of RANGES)
      for (const bucket of ['day', 'week'] as const)
        it(`aggregated in SQL give the reference's figures, ${ends} (${timeZone}, ${bucket})`, async () => {
          const raw = stack.node.app.database.raw;
          const args = { from, to, timeZone, bucket, businessHours: false };
          const zone = zoneOf(from, to, timeZone);
          const recut = await recutRange(raw, ACCOUNTS, rangeStart(zone), rangeEnd(zone), 0);
          if (ends !== 'after the last change') expect(recut.recutChats.length).toBeGreaterThan(0);
          const { generatedAt: _g, ...got } = await aggregatedReport(raw, ACCOUNTS, args, recut, 0);
          expect(got.totals.opened).toBeGreaterThan(0);
          expect(got).toEqual({
            ...expectedReport(truth, { from, to, offsetHours, accountIds: ACCOUNTS, bucket }),
            timeZone,
          });
        });

  // The same figures from a conversation index (the server's path: conversation-index.ts), loaded once for every case.
  const index = lazyIndex();
  for (const { timeZone, offsetHours } of ZONES)
    for (const { from, to, ends } of RANGES)
      for (const bucket of ['day', 'week'] as const)
        it(`from the conversation index give the reference's figures, ${ends} (${timeZone}, ${bucket})`, async () => {
          const raw = stack.node.app.database.raw;
          const ix = index(raw);
          await ix.refresh();
          const args = { from, to, timeZone, bucket, businessHours: false };
          const zone = zoneOf(from, to, timeZone);
          const [start, end] = [rangeStart(zone), rangeEnd(zone)];
          const recut = await recutChanged(raw, changedInIndex(ix, ACCOUNTS, start, end), start, end, 0);
          if (ends !== 'after the last change') expect(recut.recutChats.length).toBeGreaterThan(0);
          const { generatedAt: _g, ...got } = await indexedReport(raw, ix, ACCOUNTS, args, recut, 0);
          expect(got.totals.opened).toBeGreaterThan(0);
          expect(got).toEqual({
            ...expectedReport(truth, { from, to, offsetHours, accountIds: ACCOUNTS, bucket }),
            timeZone,
          });
        });

  // A zone with a DST change inside the range (New York left DST on 1 November 2026): the SQL
  // buckets the days with one offset per span; the dataset's figures use Intl on every instant.
  for (const bucket of ['day', 'week'] as const)
    it(`aggregated in SQL give the dataset's figures across a DST change (America/New_York, ${bucket})`, async () => {
      const raw = stack.node.app.database.raw;
      const args = { from: '2026-10-27', to: '2026-11-10', timeZone: 'America/New_York', bucket, businessHours: false };
      const zone = zoneOf(args.from, args.to, args.timeZone);
      const recut = await recutRange(raw, ACCOUNTS, rangeStart(zone), rangeEnd(zone), 0);
      expect(recut.recutChats.length).toBeGreaterThan(0);
      const { generatedAt: _g, ...got } = await aggregatedReport(raw, ACCOUNTS, args, recut, 0);
      const { generatedAt: _d, ...want } = reportOf(await loadStoredDataset(raw, ACCOUNTS, args, 0), args);
      expect(got.totals.opened).toBeGreaterThan(0);
      expect(got.resolution.medianMs).not.toBeNull();
      expect(got).toEqual(want);
      // The index buckets with the dataset's day boundaries: the same figures.
      const ix = index(raw);
      await ix.refresh();
      const [start, end] = [rangeStart(zone), rangeEnd(zone)];
      const again = await recutChanged(raw, changedInIndex(ix, ACCOUNTS, start, end), start, end, 0);
      const { generatedAt: _i, ...indexed } = await indexedReport(raw, ix, ACCOUNTS, args, again, 0);
      expect(indexed).toEqual(want);
    });
});
