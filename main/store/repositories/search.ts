/**
 * Full-text search. User input never reaches FTS5 raw: every token is quoted (Signal-Desktop
 * #5137: raw input raised "fts5: syntax error"), so any string is a valid query.
 * Matches come newest first by paging the FTS index by rowid, which is time-ordered.
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

/** Snippet highlight markers: control characters the UI turns into elements (never HTML). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

const MAX_TOKENS = 16;

/** The words of what a user typed that FTS5 can search, at most MAX_TOKENS. */
function ftsWords(input: string): string[] {
  return input
    .normalize('NFKC')
    .split(/\s+/u)
    .map(w => w.replace(/\*+$/u, ''))
    .filter(w => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_TOKENS);
}

const quoted = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * Turns what a user typed into a safe FTS5 query: each word becomes a quoted phrase; the
 * last one is matched as a prefix (search as you type) unless `prefix` is false. Returns
 * null when nothing searchable is left.
 */
export function toFtsQuery(input: string, prefix = true): string | null {
  const words = ftsWords(input);
  if (words.length === 0) return null;
  return words.map((w, i) => `${quoted(w)}${prefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The longest prefix with its own index (migration 0001: prefix='2 3 4'). */
const LONGEST_PREFIX_INDEX = 4;
/** More terms than this under one prefix: the prefix query is left to FTS5 as typed. */
const MAX_PREFIX_TERMS = 16;
/** Created per connection in openDatabase: one row per term instance, seekable by term. */
export const MESSAGE_TERMS_TABLE = 'temp.messages_fts_terms';

/**
 * The indexed terms that start with `word`, or null to leave the prefix to FTS5. A prefix
 * longer than the prefix indexes makes FTS5 merge the whole doclist of every term under it
 * before the first row comes out (40–65 ms for a common word at 200,000 messages, more at
 * 1M); an OR of those terms walks them lazily newest first and stops at the page's end
 * (0.1–0.5 ms). Only plain ASCII words are expanded, whose folding (lower case) is exactly
 * the tokenizer's; each term costs one seek (`>=` past the previous term, never through it).
 */
function prefixTerms(db: StoreDb, word: string): string[] | null {
  if (word.length <= LONGEST_PREFIX_INDEX || !/^[A-Za-z0-9]+$/.test(word)) return null;
  const lower = word.toLowerCase();
  const next = db.prepare(`SELECT term FROM ${MESSAGE_TERMS_TABLE} WHERE term >= ? AND term < ? LIMIT 1`);
  const terms: string[] = [];
  let from = lower;
  for (;;) {
    const row = next.get(from, `${lower}\u{10FFFF}`) as { term: string } | undefined;
    if (!row) break;
    if (terms.length === MAX_PREFIX_TERMS) return null;
    terms.push(row.term);
    // The smallest string after every instance of this term: the next seek skips it whole.
    from = `${row.term}\u0001`;
  }
  return terms.length > 0 ? terms : null;
}

/** The FTS5 expression a search runs: toFtsQuery's, with a long last prefix spelled out as its terms. */
export function matchExpression(db: StoreDb, input: string, prefix: boolean): string | null {
  const words = ftsWords(input);
  const last = words[words.length - 1];
  const terms = prefix && last !== undefined ? prefixTerms(db, last) : null;
  if (!terms) return toFtsQuery(input, prefix);
  return [...words.slice(0, -1).map(quoted), `(${terms.map(quoted).join(' OR ')})`].join(' AND ');
}

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
 * breakdown): spelling a long prefix out, the FTS statement (match and snippets), the page's
 * message rows with chat names, their reactions, and building the hits.
 */
export type SearchTiming = { expand: number; match: number; rows: number; reactions: number; build: number };

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
  const params: Record<string, string | number> = { match, limit: limit + 1, hs: HIGHLIGHT_START, he: HIGHLIGHT_END };
  const filtered = req.chatId !== undefined || req.accountIds !== undefined || req.sender !== undefined;
  // Time filters become rowid ranges, which FTS5 applies inside the index.
  let hi = req.to !== undefined ? seqBaseOf(req.to) + SEQ_PER_MS - 1 : Number.MAX_SAFE_INTEGER;
  if (req.cursor && /^\d{1,16}$/.test(req.cursor)) hi = Math.min(hi, Number(req.cursor) - 1);
  if (hi !== Number.MAX_SAFE_INTEGER) {
    where.push('f.rowid <= @hi');
    params.hi = hi;
  }
  if (req.from !== undefined) {
    where.push('f.rowid >= @lo');
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
  const sqlText = `SELECT f.rowid AS seq, snippet(messages_fts, -1, @hs, @he, '…', 12) AS snippet
    FROM messages_fts f ${filtered ? 'CROSS JOIN messages m ON m.seq = f.rowid' : ''}
    WHERE ${where.join(' AND ')} ORDER BY f.rowid DESC LIMIT @limit`;
  const found = db.prepare(sqlText).all(params) as { seq: number; snippet: string }[];
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
  const snippets = new Map(page.map(p => [p.seq, p.snippet]));
  lap('rows');
  for (const r of rows) r.snippet = snippets.get(r.seq) ?? '';
  const hits = hitsOf(db, rows, lap);
  const last = page[page.length - 1];
  return { hits, nextCursor: more && last ? String(last.seq) : null };
}

/**
 * The message rows of a page of rowids, newest first, with their chats' names. Exported for
 * the benchmark's LIKE baseline, which hydrates the same page the same way.
 */
export function pageRows(db: StoreDb, seqs: readonly number[]): HitRow[] {
  const values = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS}, c.name AS chat_name, c.jid AS chat_jid
       FROM json_each(?) j JOIN messages m ON m.seq = j.value JOIN chats c ON c.id = m.chat_id
       ORDER BY m.seq DESC`,
    )
    .raw(true)
    .all(JSON.stringify(seqs)) as unknown[][];
  return values.map(v => {
    const row: HitRow = Object.assign(messageRowOfValues(v), {
      chat_name: v[MESSAGE_COLUMN_COUNT] as string,
      chat_jid: v[MESSAGE_COLUMN_COUNT + 1] as string,
    });
    return row;
  });
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
