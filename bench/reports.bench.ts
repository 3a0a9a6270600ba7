/**
 * Reports (issue #18), on a real MariaDB seeded with the issue's workspace (bench/reports/seed.ts):
 *  - reports.range_30d_p95_ms: an admin's reports:get over 30 days (Asia/Jakarta), each run a
 *    different 30-day window so none is served from the server's one-minute cache; baseline:
 *    a bare `SELECT COUNT(*)` of the same windows' messages
 *  - reports.range_30d_first_ms: the first reports:get after the server started (it loads the
 *    conversation index); the same baseline
 *  - reports.csv_100k_rows_s: paging reports:conversations (1,000 a page) through 100,000
 *    conversations, as the CSV export does; baseline: reading the range's message rows with one
 *    bare SELECT
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { WireReportConversationsPage } from '../common/protocol-reports';
import { rebuildReportTables } from '../sync-server/src/db/repositories/report-tables';
import { startMariaDb } from '../tests/helpers/mariadb';
import { ACCOUNTS, seedBench } from './reports/seed';
import type { BenchScale } from './reports/seed';
import type { Client } from './server/setup';
import { connectMany, memberWithDevices, must, percentile, startServer } from './server/setup';
import type { BenchOptions, BenchResult } from './types';

const DAY = 86_400_000;
/** The seeded data ends here (midnight in Jakarta), so windows are whole local days. */
const END = Date.parse('2026-11-30T17:00:00Z');
const dayOf = (t: number) => new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

/** Each statement fn makes through the pool, with its time (they overlap: the report starts them together). */
async function statementTimes(raw: Pool, fn: () => Promise<unknown>): Promise<string> {
  const query = raw.query.bind(raw) as (...args: unknown[]) => Promise<unknown>;
  const times: [number, string][] = [];
  const timedQuery = async (...args: unknown[]) => {
    const t0 = performance.now();
    const result = await query(...args);
    const q = args[0];
    const sql = typeof q === 'string' ? q : String((q as { sql?: unknown }).sql ?? '');
    times.push([performance.now() - t0, sql.replace(/\s+/g, ' ').slice(0, 140)]);
    return result;
  };
  Object.assign(raw, { query: timedQuery });
  const [total] = await timed(fn);
  Object.assign(raw, { query });
  const lines = times.sort((a, b) => b[0] - a[0]).map(([ms, sql]) => `  ${ms.toFixed(0).padStart(6)}  ${sql}`);
  return [`  ${total.toFixed(0).padStart(6)}  (the whole reports:get)`, ...lines].join('\n');
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const full = opts.scale === 'full';
  // BENCH_REPORTS_MESSAGES: a development scale between quick and full (10 messages a chat,
  // 50 members), recorded in each result's `scale`.
  const dev = Number(process.env['BENCH_REPORTS_MESSAGES'] ?? 0);
  const scale: BenchScale =
    dev > 0
      ? { messages: dev, chats: Math.round(dev / 10), members: 50 }
      : full
        ? { messages: 1_000_000, chats: 100_000, members: 50 }
        : { messages: 20_000, chats: 2_000, members: 10 };
  const csvRows = dev > 0 ? Math.round(dev / 10) : full ? 100_000 : 2_000;
  // Its own temporary directory: a cleaner of the shared /tmp once removed a GROUP BY's temp table mid-run.
  const dbTmp = join(opts.workDir, 'mariadb-tmp');
  mkdirSync(dbTmp, { recursive: true });
  // A production-sized buffer pool (the tests' 128 MB holds neither the messages nor the report
  // tables of 1M messages): the figures measure the queries, not the disk.
  const mariadb = await startMariaDb({ args: [`--tmpdir=${dbTmp}`, '--innodb-buffer-pool-size=1G'] });
  const blobDir = join(opts.workDir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const server = await startServer(mariadb.url, blobDir);
  let socket: Client | undefined;
  try {
    const db = server.app.database.db;
    const raw = server.app.database.raw;
    const members: string[] = [];
    for (let i = 0; i < scale.members; i++) members.push((await memberWithDevices(db, 'agent', 0)).id);
    await seedBench(raw, scale, members, END);
    // The seed wrote around the server: build the report tables as migration 0034 does for
    // existing data (counters at once, conversations by the report worker), timed on its own.
    const [backfillMs] = await timed(async () => {
      await rebuildReportTables(raw);
      await server.app.reportTables.idle();
    });
    const admin = await memberWithDevices(db, 'admin', 1);
    [socket] = await connectMany(server.url, admin.tokens);
    const runs = full ? 20 : 8;
    // The first report after the server starts loads the conversation index (every stored
    // conversation, read once; reports/conversation-index.ts): timed on its own, on a window
    // none of the runs below asks for, so the cold cost is visible and the runs measure a warm index.
    const firstTo = END - (runs + 2) * DAY;
    const [firstMs] = await timed(() =>
      must(socket!, 'reports:get', { from: dayOf(firstTo - 29 * DAY), to: dayOf(firstTo), timeZone: 'Asia/Jakarta' }),
    );
    const [firstBase] = await timed(() =>
      raw.query<RowDataPacket[]>('select count(*) from messages where account_id in (?) and ts >= ? and ts < ?', [
        ACCOUNTS,
        firstTo - 29 * DAY - 7 * 3_600_000,
        firstTo + DAY - 7 * 3_600_000,
      ]),
    );
    const report: number[] = [];
    const count: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Each window ends a day earlier: a new cache key, computed from the database.
      const to = END - (i + 1) * DAY;
      const from = to - 29 * DAY;
      const [ms, r] = await timed(() =>
        must(socket!, 'reports:get', { from: dayOf(from), to: dayOf(to), timeZone: 'Asia/Jakarta' }),
      );
      if (r.totals.opened === 0) throw new Error('the benchmark window holds no conversation');
      report.push(ms);
      const [base] = await timed(() =>
        raw.query<RowDataPacket[]>('select count(*) from messages where account_id in (?) and ts >= ? and ts < ?', [
          ACCOUNTS,
          from - 7 * 3_600_000,
          to + DAY - 7 * 3_600_000,
        ]),
      );
      count.push(base);
    }
    const p95 = percentile(report, 95);
    const baseP95 = percentile(count, 95);
    // Where the time goes: one more window (not cached) with every statement timed.
    const breakdown = await statementTimes(raw, () =>
      must(socket!, 'reports:get', {
        from: dayOf(END - (runs + 30) * DAY),
        to: dayOf(END - (runs + 1) * DAY),
        timeZone: 'Asia/Jakarta',
      }),
    );
    console.log(`reports:get, one 30-day window, statement by statement (ms, started in parallel):\n${breakdown}`);

    const range = { from: dayOf(END - 90 * DAY), to: dayOf(END - DAY), timeZone: 'Asia/Jakarta' };
    const [csvMs, rows] = await timed(async () => {
      let got = 0;
      let cursor: string | null = null;
      do {
        const page: WireReportConversationsPage = await must(socket!, 'reports:conversations', {
          ...range,
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        got += page.conversations.length;
        cursor = page.nextCursor;
      } while (cursor !== null && got < csvRows);
      return got;
    });
    const [readMs] = await timed(() =>
      raw.query('select chat_id, ts, from_me from messages where account_id in (?) and ts >= ? and ts < ?', [
        ACCOUNTS,
        END - 90 * DAY,
        END,
      ]),
    );
    const size = { ...scale };
    return [
      {
        id: 'reports.backfill_1m_s',
        value: backfillMs / 1000,
        unit: 's',
        note: 'rebuildReportTables after the raw seed, then the report worker cutting every chat (the event loop stays free)',
        scale: size,
      },
      {
        id: 'reports.range_30d_p95_ms',
        value: p95,
        unit: 'ms',
        baseline: baseP95,
        ratio: p95 / baseP95,
        target: '<= 500',
        note: `${runs} different 30-day windows, admin, Asia/Jakarta, no cache hit, the conversation index warm (loaded by the first report, reports.range_30d_first_ms); baseline: SELECT COUNT(*) of the window's messages`,
        scale: size,
      },
      {
        id: 'reports.range_30d_first_ms',
        value: firstMs,
        unit: 'ms',
        baseline: firstBase,
        ratio: firstMs / firstBase,
        note: "the first reports:get after the server started: a 30-day window (admin, Asia/Jakarta) with the conversation index loaded from every stored conversation; baseline: SELECT COUNT(*) of the window's messages",
        scale: size,
      },
      {
        id: 'reports.csv_100k_rows_s',
        value: csvMs / 1000,
        unit: 's',
        baseline: readMs / 1000,
        ratio: csvMs / readMs,
        target: '<= 5',
        note: `${rows} conversations paged 1,000 at a time (the first page computes the range, the rest read the cache); baseline: one bare SELECT of the 90 days' messages`,
        scale: { ...size, rows },
      },
    ];
  } finally {
    socket?.disconnect();
    await server.app.close();
    await mariadb.stop();
  }
}
