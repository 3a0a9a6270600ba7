/**
 * Local store benchmark: builds a synthetic database (full: 20 accounts, 100,000 chats,
 * 1,000,000 messages) through the real ingest path, then measures search, inbox and chat
 * pages against it. Baselines run in the same process on the same data.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatId } from '../common/domain';
import { chatIdOf } from '../common/domain';
import type { Store } from '../main/store';
import { openStore } from '../main/store';
import { workspace } from './store/data';
import type { Sizes } from './store/data';
import { rawWriter } from './store/raw';
import { searchResults } from './store/search';
import type { BenchOptions, BenchResult } from './types';

const SIZES: Record<BenchOptions['scale'], Sizes> = {
  full: { accounts: 20, chats: 100_000, messages: 1_000_000 },
  quick: { accounts: 3, chats: 600, messages: 6_000 },
};
const IMPORT_CHUNK = 500;

const p95 = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};
const time = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

function setUpAccounts(store: Store, ws: ReturnType<typeof workspace>): void {
  ws.accountIds.forEach((id, i) =>
    store.upsertAccount({
      id,
      provider: 'simulator',
      name: `Support ${i}`,
      phone: null,
      color: '#25d366',
      muted: false,
      createdAt: 0,
      lastState: 'ready',
      config: {},
    }),
  );
  for (let i = 0; i < ws.chats.length; i += 1000) store.ingest({ chats: ws.chats.slice(i, i + 1000) });
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const sizes = SIZES[opts.scale];
  const ws = workspace(sizes);
  const log = (s: string) => console.log(`  [store] ${s}`);

  // Baseline first (so the OS cache state is comparable): raw inserts into an identical schema.
  const rawStore = openStore({ file: join(opts.workDir, 'raw.sqlite'), checkpointEveryMs: 0 });
  setUpAccounts(rawStore, ws);
  const raw = rawWriter(rawStore.db);
  let rawMs = 0;
  for (const chunk of ws.messageChunks(IMPORT_CHUNK)) rawMs += time(() => raw.write(chunk));
  rawStore.close();
  const rawRate = sizes.messages / (rawMs / 1000);
  log(`raw insert: ${Math.round(rawRate)} msg/s`);

  const file = join(opts.workDir, 'store.sqlite');
  const store = openStore({ file, checkpointEveryMs: 0 });
  setUpAccounts(store, ws);
  let ingestMs = 0;
  let stored = 0;
  for (const chunk of ws.messageChunks(IMPORT_CHUNK)) {
    ingestMs += time(() => {
      stored += store.importMessages(chunk, IMPORT_CHUNK).messagesInserted;
    });
  }
  const rate = stored / (ingestMs / 1000);
  log(`ingest: ${Math.round(rate)} msg/s (${stored} messages)`);
  if (stored !== sizes.messages) throw new Error(`expected ${sizes.messages} messages, stored ${stored}`);

  // Workspace fields so the inbox filter has something to filter.
  store.db.sqlite.exec(
    `UPDATE chats SET status = CASE seq % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'pending' ELSE 'resolved' END,
       assignee_id = CASE WHEN seq % 4 = 0 THEN NULL ELSE 'member-' || (seq % 7) END`,
  );
  store.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.db.sqlite.exec('ANALYZE');

  const results: BenchResult[] = [
    {
      id: 'store.ingest.msgs_per_s',
      value: rate,
      unit: 'msg/s',
      baseline: rawRate,
      ratio: rate / rawRate,
      target: '>= 50000; ratio >= 0.5',
      scale: { ...sizes },
      note: `${sizes.messages} messages in batches of ${IMPORT_CHUNK}, FTS included`,
    },
    ...(await searchResults(store, ws.vocab, log)).map(r => ({ ...r, scale: { ...sizes } })),
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
