/**
 * What a user typed, as the FTS5 expression a search runs: every word quoted (Signal-Desktop
 * #5137: raw input raised "fts5: syntax error"), the last one a prefix, and a long last prefix
 * spelled out as its indexed terms.
 */
import type { StoreDb } from '../db';

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
 * The indexed terms that start with `lower` (a plain ASCII word, lower case), none when there
 * are none, or null (more than MAX_PREFIX_TERMS) to leave the prefix to FTS5. A prefix longer than the prefix indexes makes FTS5 merge the whole
 * doclist of every term under it before the first row comes out (40–65 ms for a common word
 * at 200,000 messages, more at 1M); an OR of those terms walks them lazily newest first and
 * stops at the page's end (0.1–0.5 ms). Each term costs one seek (`>=` past the previous
 * term, never through it); the seek past a term with a long doclist reads every leaf of it.
 */
function seekTerms(db: StoreDb, lower: string): string[] | null {
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
  return terms;
}

/** How many spelled prefixes a connection keeps; the oldest goes first. */
const TERM_CACHE_SIZE = 256;

/**
 * Spelled prefixes of one connection, valid while `stamp` holds: this connection's row changes
 * (`total_changes()`: every statement that can add a term writes `messages` directly) and other
 * connections' commits (`data_version`). A list can only be wrong by missing a term added since,
 * which changes the stamp; a term removed since matches nothing, so a list holding it finds the
 * same hits.
 */
type TermCache = { stamp: string; byPrefix: Map<string, readonly string[] | null> };
const termCaches = new WeakMap<StoreDb, TermCache>();
const STAMP_SQL = "SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())";

function termCacheOf(db: StoreDb): TermCache {
  const stamp = String(db.prepare(STAMP_SQL).pluck().get());
  let cache = termCaches.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, byPrefix: new Map() };
    termCaches.set(db, cache);
  }
  return cache;
}

/** Empties a connection's spelled prefixes: the benchmark's cold figure. */
export function forgetPrefixTerms(db: StoreDb): void {
  termCaches.delete(db);
}

/**
 * The indexed terms that start with `word`, or null to leave the prefix to FTS5. Only plain
 * ASCII words are spelled out, whose folding (lower case) is exactly the tokenizer's. Search
 * as you type asks for "pengi", "pengir", "pengiri"…, and a next page or a filter asks for the
 * same word again: a complete list kept for the word or a shorter prefix of it answers
 * without a seek.
 */
function prefixTerms(db: StoreDb, word: string): readonly string[] | null {
  if (word.length <= LONGEST_PREFIX_INDEX || !/^[A-Za-z0-9]+$/.test(word)) return null;
  const lower = word.toLowerCase();
  const terms = keptTerms(db, lower);
  return terms && terms.length > 0 ? terms : null;
}

/** `lower`'s terms from the connection's cache, from a shorter prefix's list, or by seeking. */
function keptTerms(db: StoreDb, lower: string): readonly string[] | null {
  const cache = termCacheOf(db);
  const kept = cache.byPrefix.get(lower);
  if (kept !== undefined) return kept;
  for (let n = lower.length - 1; n > LONGEST_PREFIX_INDEX; n--) {
    // A complete list (null is not) of a shorter prefix holds every term under this one.
    const shorter = cache.byPrefix.get(lower.slice(0, n));
    if (shorter)
      return remember(
        cache,
        lower,
        shorter.filter(t => t.startsWith(lower)),
      );
  }
  return remember(cache, lower, seekTerms(db, lower));
}

function remember(cache: TermCache, lower: string, terms: readonly string[] | null): readonly string[] | null {
  if (cache.byPrefix.size >= TERM_CACHE_SIZE) {
    const oldest = cache.byPrefix.keys().next();
    if (!oldest.done) cache.byPrefix.delete(oldest.value);
  }
  cache.byPrefix.set(lower, terms);
  return terms;
}

/** The FTS5 expression a search runs: toFtsQuery's, with a long last prefix spelled out as its terms. */
export function matchExpression(db: StoreDb, input: string, prefix: boolean): string | null {
  const words = ftsWords(input);
  const last = words[words.length - 1];
  const terms = prefix && last !== undefined ? prefixTerms(db, last) : null;
  if (!terms) return toFtsQuery(input, prefix);
  return [...words.slice(0, -1).map(quoted), `(${terms.map(quoted).join(' OR ')})`].join(' AND ');
}
