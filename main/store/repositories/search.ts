/**
 * Full-text search. User input never reaches FTS5 raw (search-terms.ts quotes every word), so
 * any string is a valid query. Matches come newest first by paging the FTS index by rowid,
 * which is time-ordered.
 */
import type { Chat, ChatId, Message } from '../../../common/domain';
import type { StoreDb } from '../db';
import type { ChatRow, MessageRow, ReactionRow } from '../rows';
import {
  CHAT_COLUMNS,
  chatOf,
  MESSAGE_COLUMN_COUNT,
  MESSAGE_COLUMNS,
  messageRowOfValues,
  REACTIONS_OF_KEYS_SQL,
  seqBaseOf,
  SEQ_PER_MS,
  withReactions,
} from '../rows';
import type { Phrase } from './search-snippet';
import { phrasesOf, snippetOf } from './search-snippet';
import { matchExpression, toFtsQuery } from './search-terms';

export { forgetPrefixTerms, matchExpression, MESSAGE_TERMS_TABLE, toFtsQuery } from './search-terms';

/** Snippet highlight markers: control characters the UI turns into elements (never HTML). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export type SearchRequest = {
  readonly query: string;
  readonly accountIds?: readonly string[];
  readonly chatId?: ChatId;
  /** Inclusive time range, ms. */
  readonly from?: number;
  readonly to?: number;
  /** Only our side of the conversation (me) or only the customer's (them). */
  readonly sender?: 'me' | 'them';
  readonly limit?: number;
  /** From a previous page: only older matches. */
  readonly cursor?: string | null;
  readonly prefix?: boolean;
};

export type SearchHit = {
  readonly message: Message;
  readonly chatName: string;
  /** Text around the match with HIGHLIGHT_START/END around each matched term. */
  readonly snippet: string;
};

export type SearchResult = { readonly hits: SearchHit[]; readonly nextCursor: string | null };

/**
 * Where one search's time went, ms, added to what the object holds (the benchmark's
 * breakdown): spelling a long prefix out, the FTS statement (the match), the page's message
 * rows with chat names, their snippets, their reactions, and building the hits.
 */
export type SearchTiming = {
  expand: number;
  match: number;
  rows: number;
  snippets: number;
  reactions: number;
  build: number;
};

export function searchMessages(db: StoreDb, req: SearchRequest, timing?: SearchTiming): SearchResult {
  let t = performance.now();
  const lap = (part: keyof SearchTiming) => {
    const now = performance.now();
    if (timing) timing[part] += now - t;
    t = now;
  };
  const match = matchExpression(db, req.query, req.prefix ?? true);
  lap('expand');
  if (match === null) return { hits: [], nextCursor: null };
  const limit = Math.min(Math.max(req.limit ?? 50, 1), 200);
  const where = ['messages_fts MATCH @match'];
  const params: Record<string, string | number> = { match, limit: limit + 1 };
  const filtered = req.chatId !== undefined || req.accountIds !== undefined || req.sender !== undefined;
  // Time filters and the cursor become rowid ranges, which FTS5 applies inside the index,
  // but only to an INTEGER (fts5GetRowidLimit): a JS number is bound as a REAL, which FTS5
  // ignored, so a next page walked the index from the newest match (12.8 vs 0.45 ms for a
  // page 1,000 rows deep in a 200,000-row probe). SQLite still checks them either way.
  let hi = req.to !== undefined ? seqBaseOf(req.to) + SEQ_PER_MS - 1 : Number.MAX_SAFE_INTEGER;
  if (req.cursor && /^\d{1,16}$/.test(req.cursor)) hi = Math.min(hi, Number(req.cursor) - 1);
  if (hi !== Number.MAX_SAFE_INTEGER) {
    where.push('f.rowid <= CAST(@hi AS INTEGER)');
    params.hi = hi;
  }
  if (req.from !== undefined) {
    where.push('f.rowid >= CAST(@lo AS INTEGER)');
    params.lo = seqBaseOf(req.from);
  }
  if (req.sender !== undefined) {
    where.push('m.from_me = @fromMe');
    params.fromMe = req.sender === 'me' ? 1 : 0;
  }
  if (req.chatId !== undefined) {
    where.push('m.chat_id = @chatId');
    params.chatId = req.chatId;
  }
  if (req.accountIds !== undefined) {
    where.push('m.account_id IN (SELECT value FROM json_each(@accounts))');
    params.accounts = JSON.stringify(req.accountIds);
  }
  // Unfiltered: the FTS index alone yields the page; filtered: each candidate is checked
  // against its message row, still walking the index newest first. The page's rows are read
  // in a second statement: folding them into this one (a join per row) measured slower.
  // Snippets are made from those rows' text (search-snippet.ts); only a query of characters
  // that module does not know has FTS5 make them here.
  const phrases = phrasesOf(match);
  if (!phrases) Object.assign(params, { hs: HIGHLIGHT_START, he: HIGHLIGHT_END });
  const sqlText = `SELECT f.rowid AS seq${phrases ? '' : `, ${SNIPPET}`}
    FROM messages_fts f ${filtered ? 'CROSS JOIN messages m ON m.seq = f.rowid' : ''}
    WHERE ${where.join(' AND ')} ORDER BY f.rowid DESC LIMIT @limit`;
  const found = db.prepare(sqlText).all(params) as { seq: number; snippet?: string | null }[];
  lap('match');
  const more = found.length > limit;
  const page = more ? found.slice(0, limit) : found;
  const rows =
    page.length > 0
      ? pageRows(
          db,
          page.map(p => p.seq),
        )
      : [];
  lap('rows');
  if (phrases) withSnippets(db, match, phrases, rows);
  else {
    const snippets = new Map(page.map(p => [p.seq, p.snippet]));
    for (const r of rows) r.snippet = snippets.get(r.seq) ?? '';
  }
  lap('snippets');
  const hits = hitsOf(db, rows, lap);
  const last = page[page.length - 1];
  return { hits, nextCursor: more && last ? String(last.seq) : null };
}

const SNIPPET = "snippet(messages_fts, -1, @hs, @he, '…', 12) AS snippet";
const MARKS = { open: HIGHLIGHT_START, close: HIGHLIGHT_END, ellipsis: '…' } as const;
/**
 * FTS5's own snippet of one row, for text with characters search-snippet.ts does not know. The
 * CAST matters: a JS number is bound as a REAL, and FTS5 drops a `rowid =` constraint whose
 * value is not an INTEGER (fts5GetRowidLimit) after telling SQLite not to check it: every
 * match would come back.
 */
const SNIPPET_SQL = `SELECT ${SNIPPET} FROM messages_fts WHERE messages_fts MATCH @match AND rowid = CAST(@seq AS INTEGER)`;

/** Sets each row's snippet: made from its text here, or by FTS5 where the text is not known. */
function withSnippets(db: StoreDb, match: string, phrases: readonly Phrase[], rows: HitRow[]): void {
  for (const r of rows) {
    const made = snippetOf([r.body, r.caption], phrases, MARKS);
    r.snippet =
      made ??
      ((db.prepare(SNIPPET_SQL).pluck().get({ match, seq: r.seq, hs: HIGHLIGHT_START, he: HIGHLIGHT_END }) as
        string | null) ||
        '');
  }
}

/**
 * The message rows of a page of rowids, newest first, with their chats' names. Exported for
 * the benchmark's LIKE baseline, which hydrates the same page the same way.
 */
export function pageRows(db: StoreDb, seqs: readonly number[]): HitRow[] {
  // Ordered here, not by SQL: SQLite would copy every row's columns through a sorter.
  const values = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS}, c.name AS chat_name, c.jid AS chat_jid
       FROM json_each(?) j JOIN messages m ON m.seq = j.value JOIN chats c ON c.id = m.chat_id`,
    )
    .raw(true)
    .all(JSON.stringify(seqs)) as unknown[][];
  const rows = values.map(v => {
    const row: HitRow = Object.assign(messageRowOfValues(v), {
      chat_name: v[MESSAGE_COLUMN_COUNT] as string,
      chat_jid: v[MESSAGE_COLUMN_COUNT + 1] as string,
    });
    return row;
  });
  return rows.sort((a, b) => b.seq - a.seq);
}

/** A hit's row: the message's columns, its chat's name and jid, the snippet (none in the LIKE baseline). */
export type HitRow = MessageRow & { chat_name: string; chat_jid: string; snippet?: string };

/**
 * The page's rows as hits: their reactions in one query, the chat name (the jid's number when
 * the chat has none). Exported for the benchmark's LIKE baseline, which builds the same hits.
 */
export function hitsOf(
  db: StoreDb,
  rows: readonly HitRow[],
  lap: (part: keyof SearchTiming) => void = () => {},
): SearchHit[] {
  if (rows.length === 0) return [];
  const messages = withReactions(rows, keys => {
    const reactions = db.prepare(REACTIONS_OF_KEYS_SQL).all(keys) as ReactionRow[];
    lap('reactions');
    return reactions;
  });
  const hits = rows.map((r, i) => ({
    message: messages[i] as Message,
    chatName: r.chat_name || r.chat_jid.split('@')[0] || r.chat_jid,
    snippet: r.snippet ?? '',
  }));
  lap('build');
  return hits;
}

export type ChatSearchRequest = {
  readonly query: string;
  readonly accountIds?: readonly string[];
  readonly limit?: number;
};

/** Chats whose name, contact name, push name or phone matches: the "Chats" part of search results. */
export function searchChats(db: StoreDb, req: ChatSearchRequest): Chat[] {
  const match = toFtsQuery(req.query, true);
  if (match === null) return [];
  const limit = Math.min(Math.max(req.limit ?? 20, 1), 200);
  const accountFilter = req.accountIds ? 'AND c.account_id IN (SELECT value FROM json_each(@accounts))' : '';
  const rows = db
    .prepare(
      `SELECT ${CHAT_COLUMNS} FROM chats_fts f CROSS JOIN chats c ON c.seq = f.rowid
       WHERE chats_fts MATCH @match ${accountFilter}
       ORDER BY c.sort_ts DESC LIMIT @limit`,
    )
    .all({ match, limit, ...(req.accountIds ? { accounts: JSON.stringify(req.accountIds) } : {}) }) as ChatRow[];
  return rows.map(chatOf);
}
