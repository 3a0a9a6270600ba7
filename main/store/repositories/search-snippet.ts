/**
 * A hit's snippet computed here, exactly as FTS5's `snippet(messages_fts, -1, open, close, '…',
 * 12)` would (sqlite3.c: fts5SnippetFunction, fts5SnippetScore, fts5HighlightCb,
 * fts5SentenceFinderCb, fts5CInstIterNext). snippet() in SQL reads each hit's row again and
 * tokenises both its columns (about 0.9 ms of a 6 ms search for 50 hits); the rows statement
 * reads the same text anyway. Only text and query terms made of KNOWN_RANGES are done here:
 * ASCII, Latin letters, punctuation, symbols and the older emoji, for each of which the table's
 * tokenizer (unicode61 remove_diacritics 2, with SQLite's own Unicode tables, older than the
 * runtime's) was checked to agree with tokensOf: a letter or number is part of a token, folded
 * to lower case without its diacritics; anything else separates tokens. Newer emoji are letters
 * to SQLite's tables (unassigned there), so text with them is left to FTS5, as is any other
 * text: the function returns null and the caller asks FTS5. search-snippet.test.ts checks every
 * code point of KNOWN_RANGES against the tokenizer and compares whole snippets on random texts.
 */

/** One phrase of a match expression: its folded tokens, the last one a prefix when `prefix`. */
export type Phrase = { readonly tokens: readonly string[]; readonly prefix: boolean };

export type SnippetMarks = { readonly open: string; readonly close: string; readonly ellipsis: string };

/** snippet()'s window, tokens (the search's fifth argument). */
export const SNIPPET_TOKENS = 12;

/**
 * Code points besides ASCII whose tokenizer class and folding this module knows, as checked
 * against SQLite's tokenizer, one by one, by search-snippet.test.ts.
 */
export const KNOWN_RANGES: readonly (readonly [number, number])[] = [
  [0x80, 0xb4],
  [0xb6, 0x17e],
  [0x180, 0x1df],
  [0x1e4, 0x1ed],
  [0x1f0, 0x1fb],
  [0x200, 0x24f],
  [0x1e00, 0x1e9a],
  [0x1e9c, 0x1eff],
  [0x2000, 0x2064],
  [0x206a, 0x2071],
  [0x2074, 0x208e],
  [0x2090, 0x209c],
  [0x20a0, 0x20b9],
  [0x20d0, 0x20f0],
  [0x2100, 0x2189],
  [0x2190, 0x23f3],
  [0x2400, 0x2426],
  [0x2440, 0x244a],
  [0x2460, 0x26ff],
  [0x2701, 0x2b4c],
  [0x2b50, 0x2b59],
  [0xfe00, 0xfe0f],
  [0x1f000, 0x1f02b],
  [0x1f030, 0x1f093],
  [0x1f0a0, 0x1f0ae],
  [0x1f0b1, 0x1f0be],
  [0x1f0c1, 0x1f0cf],
  [0x1f0d1, 0x1f0df],
  [0x1f100, 0x1f10c],
  [0x1f110, 0x1f12e],
  [0x1f130, 0x1f16b],
  [0x1f170, 0x1f19a],
  [0x1f1e6, 0x1f202],
  [0x1f210, 0x1f23a],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f300, 0x1f320],
  [0x1f330, 0x1f335],
  [0x1f337, 0x1f37c],
  [0x1f380, 0x1f393],
  [0x1f3a0, 0x1f3c4],
  [0x1f3c6, 0x1f3ca],
  [0x1f3e0, 0x1f3f0],
  [0x1f400, 0x1f43e],
  [0x1f440, 0x1f440],
  [0x1f442, 0x1f4f7],
  [0x1f4f9, 0x1f4fc],
  [0x1f500, 0x1f53d],
  [0x1f540, 0x1f543],
  [0x1f550, 0x1f567],
  [0x1f5fb, 0x1f640],
  [0x1f645, 0x1f64f],
  [0x1f680, 0x1f6c5],
  [0x1f700, 0x1f773],
];

function knownCodePoint(c: number): boolean {
  let lo = 0;
  let hi = KNOWN_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = KNOWN_RANGES[mid] as readonly [number, number];
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether every character of `text` is ASCII or in KNOWN_RANGES. */
function known(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    const c = text.codePointAt(i) as number;
    if (!knownCodePoint(c)) return false;
    if (c > 0xffff) i++;
  }
  return true;
}

const ASCII_ONLY = /^[0-9A-Za-z]*$/;

/** A token as the tokenizer folds it: lower case, each character without its diacritics. */
function fold(token: string): string {
  if (ASCII_ONLY.test(token)) return token.toLowerCase();
  return Array.from(token, ch =>
    ch
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{Mn}/gu, ''),
  ).join('');
}

/** The folded tokens of a text of known characters (for the test against the tokenizer). */
export function termsOf(text: string): string[] {
  return tokensOf(text).map(t => t.folded ?? text.slice(t.start, t.end).toLowerCase());
}

/**
 * The phrases of a match expression as search-terms.ts writes them (quoted words, a `*` after
 * a prefix, AND/OR and brackets between), in FTS5's phrase order; null when a phrase has a
 * character outside KNOWN_RANGES or no token, which this module leaves to FTS5.
 */
export function phrasesOf(match: string): Phrase[] | null {
  const phrases: Phrase[] = [];
  for (const m of match.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    const text = (m[1] ?? '').replace(/""/g, '"');
    if (!known(text)) return null;
    const tokens = termsOf(text);
    if (tokens.length === 0) return null;
    phrases.push({ tokens, prefix: m[2] === '*' });
  }
  return phrases.length > 0 ? phrases : null;
}

/** A token's place; `folded` only for one with non-ASCII characters (an ASCII one is compared in place). */
type Token = { readonly start: number; readonly end: number; readonly folded: string | null };
/** A phrase instance: phrase index, column, token offset (FTS5's xInst). */
type Inst = { readonly phrase: number; readonly col: number; readonly off: number };

const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** Whether a code point is part of a token (the TOKEN class, ASCII without a regular expression). */
function isTokenChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return TOKEN_CHAR.test(String.fromCodePoint(c));
}

/**
 * The tokens of a text: runs of letters, numbers and private-use characters (`\p{L}`, `\p{N}`,
 * `\p{Co}`), by one pass over its code units.
 */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    const c = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) as number) : unit;
    if (isTokenChar(c)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (c >= 0x80) ascii = false;
    } else if (start >= 0) {
      tokens.push({ start, end: i, folded: ascii ? null : fold(text.slice(start, i)) });
      start = -1;
    }
    i += c > 0xffff ? 2 : 1;
  }
  if (start >= 0) tokens.push({ start, end: text.length, folded: ascii ? null : fold(text.slice(start)) });
  return tokens;
}

/** Whether a token folds to `want` (or, as a prefix, starts with it): ASCII compared in place. */
function tokenIs(text: string, t: Token, want: string, prefix: boolean): boolean {
  if (t.folded !== null) return prefix ? t.folded.startsWith(want) : t.folded === want;
  const length = t.end - t.start;
  if (prefix ? length < want.length : length !== want.length) return false;
  for (let i = 0; i < want.length; i++) {
    const c = text.charCodeAt(t.start + i);
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== want.charCodeAt(i)) return false;
  }
  return true;
}

function phraseAt(text: string, tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  const n = phrase.tokens.length;
  if (at + n > tokens.length) return false;
  for (let k = 0; k < n; k++) {
    if (!tokenIs(text, tokens[at + k] as Token, phrase.tokens[k] as string, phrase.prefix && k === n - 1)) return false;
  }
  return true;
}

/** Every instance of every phrase, ordered as xInst: by column, offset, then phrase index. */
function instancesOf(
  texts: readonly string[],
  columns: readonly (readonly Token[])[],
  phrases: readonly Phrase[],
): Inst[] {
  const insts: Inst[] = [];
  for (let col = 0; col < columns.length; col++) {
    const tokens = columns[col] as readonly Token[];
    for (let off = 0; off < tokens.length; off++) {
      for (let phrase = 0; phrase < phrases.length; phrase++) {
        if (phraseAt(texts[col] as string, tokens, off, phrases[phrase] as Phrase)) insts.push({ phrase, col, off });
      }
    }
  }
  return insts;
}

/** Token offsets that start a sentence: the first, and any after '.' or ':' and whitespace. */
function sentenceStarts(text: string, tokens: readonly Token[]): number[] {
  const firsts: number[] = [];
  if (tokens.length > 0) firsts.push(0);
  for (let pos = 1; pos < tokens.length; pos++) {
    const start = (tokens[pos] as Token).start;
    let i = start - 1;
    let c = 0;
    for (; i >= 0; i--) {
      c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    }
    // '.' or ':' before the whitespace (none at all: not a sentence start).
    if (i !== start - 1 && i >= 0 && (c === 0x2e || c === 0x3a)) firsts.push(pos);
  }
  return firsts;
}

type Ctx = { readonly insts: readonly Inst[]; readonly phrases: readonly Phrase[]; readonly nToken: number };

/** fts5SnippetScore: the score of the window at `pos`, and where to start it around its matches. */
function score(ctx: Ctx, docSize: number, col: number, pos: number): { score: number; adj: number } {
  const seen = new Uint8Array(ctx.phrases.length);
  let total = 0;
  let first = -1;
  let last = 0;
  for (const inst of ctx.insts) {
    if (inst.col !== col || inst.off < pos || inst.off >= pos + ctx.nToken) continue;
    total += seen[inst.phrase] ? 1 : 1000;
    seen[inst.phrase] = 1;
    if (first < 0) first = inst.off;
    last = inst.off + (ctx.phrases[inst.phrase] as Phrase).tokens.length;
  }
  // C's integer division truncates toward zero.
  let adj = first - Math.trunc((ctx.nToken - (last - first)) / 2);
  if (adj + ctx.nToken > docSize) adj = docSize - ctx.nToken;
  if (adj < 0) adj = 0;
  return { score: total, adj };
}

/** The best window's column and first token, as fts5SnippetFunction picks it. */
function bestWindow(ctx: Ctx, texts: readonly string[], columns: readonly (readonly Token[])[]) {
  let best = { score: 0, col: 0, start: 0 };
  for (let col = 0; col < columns.length; col++) {
    const tokens = columns[col] as readonly Token[];
    const docSize = tokens.length;
    // Sentence starts only count for a text longer than the window.
    const firsts = docSize > ctx.nToken ? sentenceStarts(texts[col] as string, tokens) : [];
    for (const inst of ctx.insts) {
      if (inst.col !== col) continue;
      const s = score(ctx, docSize, col, inst.off);
      if (s.score > best.score) best = { score: s.score, col, start: s.adj };
      if (firsts.length === 0 || docSize <= ctx.nToken) continue;
      let jj = 0;
      while (jj < firsts.length - 1 && (firsts[jj + 1] as number) <= inst.off) jj++;
      const sentence = firsts[jj] as number;
      if (sentence >= inst.off) continue;
      const bonus = score(ctx, docSize, col, sentence).score + (sentence === 0 ? 120 : 100);
      if (bonus > best.score) best = { score: bonus, col, start: sentence };
    }
  }
  return best;
}

/** Coalesced instances of one column (fts5CInstIterNext): overlapping phrases become one span. */
function spansOf(ctx: Ctx, col: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const inst of ctx.insts) {
    if (inst.col !== col) continue;
    const end = inst.off - 1 + (ctx.phrases[inst.phrase] as Phrase).tokens.length;
    const open = spans[spans.length - 1];
    if (open && inst.off <= open.end) open.end = Math.max(open.end, end);
    else spans.push({ start: inst.off, end });
  }
  return spans;
}

/** The coalesced instance the highlight is at: its first token, -1 past the last. */
const startOf = (spans: readonly { start: number }[], si: number): number => spans[si]?.start ?? -1;

/** fts5HighlightCb over the window's tokens, with the function's ending. */
function highlight(
  ctx: Ctx,
  text: string,
  tokens: readonly Token[],
  col: number,
  start: number,
  marks: SnippetMarks,
): string {
  const spans = spansOf(ctx, col);
  let si = 0;
  while (si < spans.length && (spans[si] as { start: number }).start < start) si++;
  const rangeEnd = start + ctx.nToken - 1;
  let out = start > 0 ? marks.ellipsis : '';
  let off = 0;
  let open = false;
  for (let pos = start; pos <= rangeEnd && pos < tokens.length; pos++) {
    const t = tokens[pos] as Token;
    if (start > 0 && pos === start) off = t.start;
    if (open && (pos <= startOf(spans, si) || startOf(spans, si) < 0) && t.start > off) {
      out += marks.close;
      open = false;
    }
    if (pos === startOf(spans, si) && !open) {
      out += text.slice(off, t.start) + marks.open;
      off = t.start;
      open = true;
    }
    if (pos === (spans[si]?.end ?? -1)) {
      if (!open) out += marks.open;
      open = true;
      out += text.slice(off, t.end);
      off = t.end;
      si++;
    }
    if (pos === rangeEnd) {
      if (open) {
        if (startOf(spans, si) >= 0 && pos >= startOf(spans, si)) {
          out += text.slice(off, t.end);
          off = t.end;
        }
        out += marks.close;
        open = false;
      }
      out += text.slice(off, t.end);
      off = t.end;
    }
  }
  if (open) out += marks.close;
  return rangeEnd >= tokens.length - 1 ? out + text.slice(off) : out + marks.ellipsis;
}

/**
 * The snippet FTS5 gives a row with these column texts (null: no text) for these phrases, or
 * null when the text has a character outside KNOWN_RANGES (the caller asks FTS5 then).
 */
export function snippetOf(
  texts: readonly (string | null)[],
  phrases: readonly Phrase[],
  marks: SnippetMarks,
  nToken = SNIPPET_TOKENS,
): string | null {
  const plain: string[] = [];
  const columns: Token[][] = [];
  for (const t of texts) {
    if (t !== null && !known(t)) return null;
    plain.push(t ?? '');
    columns.push(tokensOf(t ?? ''));
  }
  const ctx: Ctx = { insts: instancesOf(plain, columns, phrases), phrases, nToken };
  const best = bestWindow(ctx, plain, columns);
  const text = texts[best.col];
  // FTS5 returns NULL for a column without text, which the search shows as no snippet.
  if (text === null || text === undefined) return '';
  return highlight(ctx, text, columns[best.col] as Token[], best.col, best.start, marks);
}
