/**
 * Local store benchmark: builds a synthetic database (full: 20 accounts, 100,000 chats,
 * 1,000,000 messages) through the real ingest path, then measures search (on the index as
 * ingested, then merged by the store's idle-time maintenance), inbox and chat pages against it. Baselines run in the same process on the same data.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatId } from '../common/domain';
import { chatIdOf } from '../common/domain';
import type { Store } from '../main/store';
import { openStore } from '../main/store';
import { workspace } from './store/data';
import type { Sizes } from './store/data';
import { ingestResults, rawInsertRate, setUpAccounts } from './store/ingest-results';
import { liveBatches, runLivePath } from './store/live-path';
import { searchResults } from './store/search';
import { mergeResults, unmergedResult } from './store/search-merge';
import { p95, time } from './store/stats';
import type { BenchOptions, BenchResult } from './types';

const SIZES: Record<BenchOptions['scale'], Sizes> = {
  full: { accounts: 20, chats: 100_000, messages: 1_000_000 },
  quick: { accounts: 3, chats: 600, messages: 6_000 },
};
const IMPORT_CHUNK = 1000;

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const sizes = SIZES[opts.scale];
  const ws = workspace(sizes);
  const log = (s: string) => console.log(`  [store] ${s}`);

  // Baselines first (so the OS cache state is comparable): raw inserts into an identical
  // schema, with its FTS triggers and, to price them, without.
  const rawRate = rawInsertRate(join(opts.workDir, 'raw.sqlite'), ws, sizes, 'per-row');
  const rawNoFtsRate = rawInsertRate(join(opts.workDir, 'raw-nofts.sqlite'), ws, sizes, 'none');
  const rawBatchedRate = rawInsertRate(join(opts.workDir, 'raw-batched.sqlite'), ws, sizes, 'batched');
  log(
    `raw insert: ${Math.round(rawRate)} msg/s (without FTS triggers ${Math.round(rawNoFtsRate)}, ` +
      `index per chunk ${Math.round(rawBatchedRate)})`,
  );

  const file = join(opts.workDir, 'store.sqlite');
  // The checkpoint thread, as the product and the raw baseline run (it used to be off here, so
  // the live path checkpointed on commit while its baseline did not).
  // The search maintenance off: the bench runs it itself, after the unmerged figure.
  const store = openStore({ file, searchMaintenance: false });
  setUpAccounts(store, ws);
  const live = runLivePath(store, liveBatches(ws.messageChunks(IMPORT_CHUNK)));
  const rate = live.stored / (live.ms / 1000);
  log(`ingest (live path): ${Math.round(rate)} msg/s (${live.stored} new, ${live.updated} updated)`);
  if (live.stored !== sizes.messages) throw new Error(`expected ${sizes.messages} messages, stored ${live.stored}`);

  // Workspace fields so the inbox filter has something to filter.
  store.db.sqlite.exec(
    `UPDATE chats SET status = CASE seq % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'pending' ELSE 'resolved' END,
       assignee_id = CASE WHEN seq % 4 = 0 THEN NULL ELSE 'member-' || (seq % 7) END`,
  );
  store.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.db.sqlite.exec('ANALYZE');

  // Search: first on the index as ingested, then merged as a user's store is after idle time.
  const unmerged = await unmergedResult(store, ws.vocab, log);
  const merge = mergeResults(store, log);
  const results: BenchResult[] = [
    ...ingestResults(live, rate, rawRate, rawNoFtsRate, rawBatchedRate, sizes),
    ...[...(await searchResults(store, ws.vocab, log)), unmerged, ...merge].map(r => ({ ...r, scale: { ...sizes } })),
    { ...inboxResult(store, ws.accountIds), scale: { ...sizes } },
    { ...chatPageResult(store, ws), scale: { ...sizes } },
  ];
  store.close();
  const bytes = statSync(file).size;
  results.push({
    id: 'store.db_bytes_per_msg',
    value: bytes / sizes.messages,
    unit: 'B/msg',
    scale: { ...sizes },
    note: `${(bytes / 1e6).toFixed(0)} MB file`,
  });
  return results;
}

// Every figure below is measured on the one store; run() adds its scale.
type Unscaled = Omit<BenchResult, 'scale'>;

function inboxResult(store: Store, accountIds: readonly string[]): Unscaled {
  const filter = {
    accountIds: accountIds.slice(0, Math.ceil(accountIds.length / 2)),
    statuses: ['open' as const, 'pending' as const],
  };
  // A deep cursor: 20 pages down.
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) cursor = store.inboxPage({ ...filter, cursor, limit: 50 }).nextCursor ?? cursor;
  const xs: number[] = [];
  for (let i = 0; i < 200; i++) {
    xs.push(time(() => store.inboxPage({ ...filter, limit: 50 })));
    xs.push(time(() => store.inboxPage({ ...filter, cursor, limit: 50 })));
    xs.push(time(() => store.inboxPage({ unreadOnly: true, limit: 50 })));
  }
  return {
    id: 'store.inbox_page.p95_ms',
    value: p95(xs),
    unit: 'ms',
    target: '<= 5',
    note: 'first and 20th page, half the accounts + status filter; unread-only page',
  };
}

function chatPageResult(store: Store, ws: ReturnType<typeof workspace>): Unscaled {
  const ids: ChatId[] = ws.chats.filter((_, i) => i % 97 === 0).map(c => chatIdOf(c.accountId as never, c.jid));
  ids.push(chatIdOf(ws.chats[0]?.accountId as never, ws.chats[0]?.jid ?? ''));
  const xs: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const id of ids) xs.push(time(() => store.chatPage({ chatId: id, limit: 50 })));
  return {
    id: 'store.chat_page.p95_ms',
    value: p95(xs),
    unit: 'ms',
    target: '<= 2',
    note: `${ids.length} chats incl. the busiest, newest 50 with reactions`,
  };
}
