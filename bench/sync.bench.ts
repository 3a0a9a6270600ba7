/**
 * Team sync benchmarks (issue #7), on a real MariaDB and the real server, with the
 * desktop as the app runs it (a headless host process and Chromium, or a full core):
 *  - sync.assign_to_visible.p95_ms: lead assigns → the agent's UI paints the chat;
 *    baseline: the server's fan-out alone (assign → a plain client has chat:granted)
 *  - sync.catchup_10k_events_s: a desktop offline for 10,000 events, back online, all
 *    applied to its SQLite; baseline: raw sync:pull of the same events
 * Details in bench/sync/assign.ts and bench/sync/catchup.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startMariaDb } from '../tests/helpers/mariadb';
import { startServer } from './server/setup';
import { assignToVisible } from './sync/assign';
import { catchUp } from './sync/catchup';
import type { BenchOptions, BenchResult } from './types';

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const full = opts.scale === 'full';
  const log = (s: string) => console.log(`  [sync] ${s}`);
  const mariadb = await startMariaDb();
  const blobDir = join(opts.workDir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const server = await startServer(mariadb.url, blobDir);
  try {
    const ctx = { url: server.url, db: server.app.database.db, workDir: opts.workDir, log };
    const results: BenchResult[] = [];
    results.push(await assignToVisible({ ...ctx, samples: full ? 30 : 8 }));
    results.push(await catchUp({ ...ctx, chats: full ? 100 : 20, events: full ? 10_000 : 1_000 }));
    return results;
  } finally {
    await server.app.close();
    await mariadb.stop();
  }
}
