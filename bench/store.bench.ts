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
import { openStore, toFtsQuery } from '../main/store';
import { workspace } from './store/data';
import type { Sizes } from './store/data';
import { ingestResults, rawInsertRate, setUpAccounts } from './store/ingest-results';
import { liveBatches, runLivePath } from './store/live-path';
import type { BenchOptions, BenchResult } from './types';

const SIZES: Record<BenchOptions['scale'], Sizes> = {
  full: { accounts: 20, chats: 100_000, messages: 1_000_000 },
  quick: { accounts: 3, chats: 600, messages: 6_000 },
};
const IMPORT_CHUNK = 1000;

const p95 = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const time = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const sizes = SIZES[opts.scale];
  const ws = workspace(sizes);
  const log = (s: string) => console.log(`  [store] ${s}`);

  // Baselines first (so the OS cache state is comparable): raw inserts into an identical
  // schema, with its FTS triggers and, to price them, without.
  const rawRate = rawInsertRate(join(opts.workDir, 'raw.sqlite'), ws, sizes, true);
  const rawNoFtsRate = rawInsertRate(join(opts.workDir, 'raw-nofts.sqlite'), ws, sizes, false);
  log(`raw insert: ${Math.round(rawRate)} msg/s (without FTS triggers ${Math.round(rawNoFtsRate)})`);

  const file = join(opts.workDir, 'store.sqlite');
  const store = openStore({ file, checkpointEveryMs: 0 });
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

  const results: BenchResult[] = [
    ...ingestResults(live, rate, rawRate, rawNoFtsRate, sizes),
    ...searchResults(store, ws.vocab, log).map(r => ({ ...r, scale: { ...sizes } })),
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

function searchResults(store: Store, vocab: readonly string[], log: (s: string) => void): Unscaled[] {
  // Terms by rank: most common, middling, rare; plus a prefix as typed in a search box.
  const common = vocab[0] as string;
  const medium = vocab[300] as string;
  const rare = vocab[15_000] as string;
  const prefix = (vocab[40] as string).slice(0, 4);
  const queries: { q: string; prefix: boolean }[] = [
    { q: common, prefix: false },
    { q: medium, prefix: false },
    { q: rare, prefix: false },
    { q: prefix, prefix: true },
    { q: `${medium} ${common}`, prefix: false },
  ];
  const fts: number[] = [];
  const ftsMedians: number[] = [];
  for (const { q, prefix: p } of queries) {
    const own: number[] = [];
    for (let i = 0; i < 30; i++) own.push(time(() => store.searchMessages({ query: q, prefix: p, limit: 50 })));
    fts.push(...own);
    ftsMedians.push(median(own));
    log(
      `search "${q}${p ? '*' : ''}": median ${median(own).toFixed(2)} ms, hits ${store.searchMessages({ query: q, prefix: p }).hits.length}`,
    );
  }
  // The match step alone, both ways, each producing the ids of the newest 50 matches: ours
  // through the FTS index, the web-helpdesk way with LIKE '%term%' over the message table.
  const match = store.db.sqlite.prepare(
    'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 50',
  );
  const like = store.db.sqlite.prepare(
    'SELECT seq FROM messages WHERE body LIKE @t OR caption LIKE @t ORDER BY seq DESC LIMIT 50',
  );
  // End to end, the LIKE way returns what a search result needs too: the 50 newest messages
  // with their chat's name, in one query (no snippets: an easier task than ours).
  const likeFull = store.db.sqlite.prepare(
    `SELECT m.*, c.name AS chat_name FROM messages m JOIN chats c ON c.id = m.chat_id
      WHERE m.body LIKE @t OR m.caption LIKE @t ORDER BY m.seq DESC LIMIT 50`,
  );
  const matchMedians: number[] = [];
  const likeMedians: number[] = [];
  const likeFullMedians: number[] = [];
  for (const { q, prefix: p } of queries) {
    const fq = toFtsQuery(q, p) as string;
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) xs.push(time(() => match.all(fq)));
    matchMedians.push(median(xs));
    // LIKE can only look for one substring; it gets the first word (an easier task than ours).
    const pattern = `%${q.split(' ')[0]}%`;
    const ys: number[] = [];
    for (let i = 0; i < 3; i++) ys.push(time(() => like.all({ t: pattern })));
    likeMedians.push(median(ys));
    const zs: number[] = [];
    for (let i = 0; i < 3; i++) zs.push(time(() => likeFull.all({ t: pattern })));
    likeFullMedians.push(median(zs));
  }
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const likeTotal = sum(likeMedians);
  const matchTotal = sum(matchMedians);
  const likeFullTotal = sum(likeFullMedians);
  const ftsTotal = sum(ftsMedians);
  log(
    `LIKE end-to-end medians: ${likeFullMedians.map(x => x.toFixed(1)).join(', ')} ms; search command medians: ${ftsMedians.map(x => x.toFixed(2)).join(', ')} ms`,
  );
  return [
    {
      id: 'store.search.p95_ms',
      value: p95(fts),
      unit: 'ms',
      target: '<= 20',
      note: 'common, medium, rare, prefix and two-word queries, newest 50 with snippets',
    },
    {
      id: 'store.search.like_ratio',
      value: likeFullTotal / ftsTotal,
      unit: 'x',
      baseline: likeFullTotal,
      ratio: likeFullTotal / ftsTotal,
      target: '>= 100',
      note:
        'end to end: sum of per-query medians of LIKE returning the 50 newest messages with chat names, ' +
        "over the same sum for the product's whole search command (FTS match, messages, chat names, snippets)",
    },
    {
      id: 'store.search.match_like_ratio',
      value: likeTotal / matchTotal,
      unit: 'x',
      baseline: likeTotal,
      ratio: likeTotal / matchTotal,
      note: 'the match step alone (ids of the newest 50 matches), LIKE ms / FTS ms',
    },
  ];
}

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
