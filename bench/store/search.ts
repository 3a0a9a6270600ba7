/**
 * Search figures of the store benchmark, on the 1M-message store:
 *  - store.search.p95_ms: the store's search (FTS match, hydration, snippets)
 *  - store.search.like_ratio (headline): END TO END, the whole `search:messages` command as the
 *    product runs it (argument validation in the core's dispatch, message matches with
 *    snippets, the "Chats" part, the reply serialised for IPC) against the LIKE '%term%' way
 *    doing the same job end to end (newest 50 messages loaded with the same columns and
 *    reactions, chats by name, serialised the same way)
 *  - store.search.match_like_ratio: the match step alone, ids of the newest 50 matches both ways
 */
import type { CommandName } from '../../common/api';
import type { Chat, Message } from '../../common/domain';
import { inboxHandlers } from '../../main/core/handlers/inbox';
import type { HandlerTable } from '../../main/core/router';
import { createDispatch } from '../../main/core/router';
import type { Store } from '../../main/store';
import { toFtsQuery } from '../../main/store';
import type { ChatRow, MessageRow, ReactionRow } from '../../main/store/rows';
import { CHAT_COLUMNS, chatOf, MESSAGE_COLUMNS, REACTIONS_OF_KEYS_SQL, withReactions } from '../../main/store/rows';
import type { BenchResult } from '../types';
import { median, p95, sumOfMedians, time } from './stats';

type Unscaled = Omit<BenchResult, 'scale'>;
type Query = { readonly q: string; readonly prefix: boolean };

/** A dispatch with only the search command wired: the rest of the table is never called here. */
function searchDispatch(store: Store) {
  const handlers = inboxHandlers(store) as unknown as HandlerTable;
  return createDispatch(handlers);
}

/** The LIKE way, end to end: what a web helpdesk's search does for the same reply. */
function likeSearch(store: Store) {
  const db = store.db.sqlite;
  const match = db.prepare('SELECT seq FROM messages WHERE body LIKE @t OR caption LIKE @t ORDER BY seq DESC LIMIT 51');
  const load = db.prepare(
    `SELECT ${MESSAGE_COLUMNS}, c.name AS chat_name, c.jid AS chat_jid
     FROM json_each(?) j JOIN messages m ON m.seq = j.value JOIN chats c ON c.id = m.chat_id ORDER BY m.seq DESC`,
  );
  const reactions = db.prepare(REACTIONS_OF_KEYS_SQL);
  const chats = db.prepare(`SELECT ${CHAT_COLUMNS} FROM chats c WHERE c.name LIKE @t ORDER BY c.sort_ts DESC LIMIT 20`);
  return (term: string): string => {
    const t = `%${term}%`;
    const seqs = (match.all({ t }) as { seq: number }[]).map(r => r.seq);
    const rows = load.all(JSON.stringify(seqs.slice(0, 50))) as (MessageRow & { chat_name: string })[];
    const messages: Message[] = withReactions(rows, keys => reactions.all(keys) as ReactionRow[]);
    const found: Chat[] = (chats.all({ t }) as ChatRow[]).map(chatOf);
    const hits = messages.map((message, i) => ({ message, chatName: rows[i]?.chat_name ?? '', snippet: '' }));
    return JSON.stringify({ ok: true, value: { hits, nextCursor: null, chats: found } });
  };
}

export async function searchResults(
  store: Store,
  vocab: readonly string[],
  log: (s: string) => void,
): Promise<Unscaled[]> {
  // Terms by rank: most common, middling, rare; plus a prefix as typed in a search box.
  const common = vocab[0] as string;
  const medium = vocab[300] as string;
  const rare = vocab[15_000] as string;
  const prefix = (vocab[40] as string).slice(0, 4);
  const queries: Query[] = [
    { q: common, prefix: false },
    { q: medium, prefix: false },
    { q: rare, prefix: false },
    { q: prefix, prefix: true },
    { q: `${medium} ${common}`, prefix: false },
  ];
  const fts: number[] = [];
  for (const { q, prefix: p } of queries) {
    const own: number[] = [];
    for (let i = 0; i < 30; i++) own.push(time(() => store.searchMessages({ query: q, prefix: p, limit: 50 })));
    fts.push(...own);
    log(`search "${q}${p ? '*' : ''}": median ${median(own).toFixed(2)} ms`);
  }
  const endToEnd = await endToEndRatio(store, queries, log);
  const parts = endToEndParts(store, queries, log);
  const match = matchRatio(store, queries, log);
  return [
    {
      id: 'store.search.p95_ms',
      value: p95(fts),
      unit: 'ms',
      target: '<= 20',
      note: 'store.searchMessages: common, medium, rare, prefix and two-word queries, newest 50 with snippets',
    },
    {
      id: 'store.search.like_ratio',
      value: endToEnd.like / endToEnd.ours,
      unit: 'x',
      baseline: endToEnd.like,
      ratio: endToEnd.like / endToEnd.ours,
      target: '>= 100',
      note: `END TO END, sum of per-query medians, LIKE ms / ours ms (ours ${endToEnd.ours.toFixed(1)} ms: the search:messages command through the core's dispatch, with the Chats part and the reply serialised; LIKE: newest 50 by LIKE, loaded the same way, chats by name, serialised). Ours by part, ms: ${parts}`,
    },
    {
      id: 'store.search.match_like_ratio',
      value: match.like / match.ours,
      unit: 'x',
      baseline: match.like,
      ratio: match.like / match.ours,
      note: `match step only, sum of per-query medians, LIKE ms / FTS ms (ids of the newest 50 matches; FTS ${match.ours.toFixed(2)} ms)`,
    },
  ];
}

/** Both ways end to end, per query; LIKE gets the first word only (an easier task than ours). */
async function endToEndRatio(
  store: Store,
  queries: readonly Query[],
  log: (s: string) => void,
): Promise<{ ours: number; like: number }> {
  const dispatch = searchDispatch(store);
  const like = likeSearch(store);
  const name: CommandName = 'search:messages';
  const ours: number[][] = [];
  const theirs: number[][] = [];
  for (const { q } of queries) {
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const reply = await dispatch(name, { query: q, limit: 50 }, { transport: 'internal' });
      if (!reply.ok) throw new Error(`search:messages failed: ${reply.error.code}`);
      JSON.stringify(reply);
      xs.push(performance.now() - t0);
    }
    ours.push(xs);
    const ys: number[] = [];
    for (let i = 0; i < 3; i++) ys.push(time(() => like(q.split(' ')[0] ?? q)));
    theirs.push(ys);
  }
  log(
    `end to end medians: ours ${ours.map(x => median(x).toFixed(2)).join(', ')} ms; LIKE ${theirs.map(x => median(x).toFixed(1)).join(', ')} ms`,
  );
  return { ours: sumOfMedians(ours), like: sumOfMedians(theirs) };
}

/** The match step alone, both ways, each producing the ids of the newest 50 matches. */
function matchRatio(store: Store, queries: readonly Query[], log: (s: string) => void): { ours: number; like: number } {
  const match = store.db.sqlite.prepare(
    'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 50',
  );
  const like = store.db.sqlite.prepare(
    'SELECT seq FROM messages WHERE body LIKE @t OR caption LIKE @t ORDER BY seq DESC LIMIT 50',
  );
  const ours: number[][] = [];
  const theirs: number[][] = [];
  for (const { q, prefix: p } of queries) {
    const fq = toFtsQuery(q, p) as string;
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) xs.push(time(() => match.all(fq)));
    ours.push(xs);
    const pattern = `%${q.split(' ')[0]}%`;
    const ys: number[] = [];
    for (let i = 0; i < 3; i++) ys.push(time(() => like.all({ t: pattern })));
    theirs.push(ys);
  }
  log(
    `match step medians: FTS ${ours.map(x => median(x).toFixed(2)).join(', ')} ms; LIKE ${theirs.map(x => median(x).toFixed(1)).join(', ')} ms`,
  );
  return { ours: sumOfMedians(ours), like: sumOfMedians(theirs) };
}

/**
 * Where the end-to-end time goes, each part a sum of per-query medians, measured the way
 * search:messages runs (the last word as a prefix): the FTS match alone (ids), snippets (the
 * same query with snippet()), hydration (searchMessages minus both: rows, chat names,
 * reactions), the Chats part (searchChats); dispatch and serialisation are the rest.
 */
function endToEndParts(store: Store, queries: readonly Query[], log: (s: string) => void): string {
  const db = store.db.sqlite;
  const ids = db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 51');
  const snips = db.prepare(
    "SELECT rowid, snippet(messages_fts, -1, '[', ']', '…', 12) FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 51",
  );
  const sum = { match: 0, snippets: 0, hydrate: 0, chats: 0 };
  const perQuery: string[] = [];
  for (const { q } of queries) {
    // The expression searchMessages runs (a long last prefix spelled out as its terms).
    const fq = store.matchExpression(q, true) as string;
    const med = (fn: () => unknown) => median(Array.from({ length: 15 }, () => time(fn)));
    const match = med(() => ids.all(fq));
    const withSnippets = med(() => snips.all(fq));
    const messages = med(() => store.searchMessages({ query: q, limit: 50 }));
    const chats = med(() => store.searchChats({ query: q }));
    sum.match += match;
    sum.snippets += Math.max(0, withSnippets - match);
    sum.hydrate += Math.max(0, messages - withSnippets);
    sum.chats += chats;
    perQuery.push(`"${q}*" match ${match.toFixed(2)}`);
  }
  const text =
    `match ${sum.match.toFixed(2)}, snippets ${sum.snippets.toFixed(2)}, hydration ${sum.hydrate.toFixed(2)}, ` +
    `chats ${sum.chats.toFixed(2)} (dispatch + serialisation: the rest); ${perQuery.join('; ')}`;
  log(`end to end by part: ${text}`);
  return text;
}
