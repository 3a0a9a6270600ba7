/**
 * A hit's snippet computed here, exactly as FTS5's `snippet(messages_fts, -1, open, close, '…',
 * 12)` would (sqlite3.c: fts5SnippetFunction, fts5SnippetScore, fts5HighlightCb,
 * fts5SentenceFinderCb, fts5CInstIterNext). snippet() in SQL reads each hit's row again and
 * tokenises both its columns (about 0.9 ms of a 6 ms search for 50 hits); the rows statement
 * reads the same text anyway. Only ASCII text and ASCII query terms are done here: there the
 * table's tokenizer (unicode61 remove_diacritics 2) makes a token of each run of [0-9A-Za-z]
 * and folds it to lower case, and byte offsets are character offsets. Anything else returns
 * null and the caller asks FTS5 (search-snippet.test.ts compares both on random texts).
 */

/** One phrase of a match expression: its folded tokens, the last one a prefix when `prefix`. */
export type Phrase = { readonly tokens: readonly string[]; readonly prefix: boolean };

export type SnippetMarks = { readonly open: string; readonly close: string; readonly ellipsis: string };

/** snippet()'s window, tokens (the search's fifth argument). */
export const SNIPPET_TOKENS = 12;

const NON_ASCII = /[\u0080-\uffff]/;
const TOKEN = /[0-9A-Za-z]+/g;

/**
 * The phrases of a match expression as search-terms.ts writes them (quoted words, a `*` after
 * a prefix, AND/OR and brackets between), in FTS5's phrase order; null when a phrase is not
 * ASCII or has no token, which this module leaves to FTS5.
 */
export function phrasesOf(match: string): Phrase[] | null {
  const phrases: Phrase[] = [];
  for (const m of match.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    const text = (m[1] ?? '').replace(/""/g, '"');
    if (NON_ASCII.test(text)) return null;
    const tokens = text.toLowerCase().match(TOKEN);
    if (!tokens) return null;
    phrases.push({ tokens, prefix: m[2] === '*' });
  }
  return phrases.length > 0 ? phrases : null;
}

type Token = { readonly start: number; readonly end: number; readonly folded: string };
/** A phrase instance: phrase index, column, token offset (FTS5's xInst). */
type Inst = { readonly phrase: number; readonly col: number; readonly off: number };

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, folded: m[0].toLowerCase() });
  }
  return tokens;
}

function phraseAt(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  const n = phrase.tokens.length;
  for (let k = 0; k < n; k++) {
    const have = tokens[at + k]?.folded;
    const want = phrase.tokens[k] as string;
    if (have === undefined) return false;
    if (phrase.prefix && k === n - 1 ? !have.startsWith(want) : have !== want) return false;
  }
  return true;
}

/** Every instance of every phrase, ordered as xInst: by column, offset, then phrase index. */
function instancesOf(columns: readonly (readonly Token[])[], phrases: readonly Phrase[]): Inst[] {
  const insts: Inst[] = [];
  columns.forEach((tokens, col) => {
    for (let off = 0; off < tokens.length; off++) {
      phrases.forEach((p, phrase) => {
        if (phraseAt(tokens, off, p)) insts.push({ phrase, col, off });
      });
    }
  });
  return insts;
}

/** Token offsets that start a sentence: the first, and any after '.' or ':' and whitespace. */
function sentenceStarts(text: string, tokens: readonly Token[]): number[] {
  const firsts: number[] = [];
  tokens.forEach((t, pos) => {
    if (pos === 0) {
      firsts.push(0);
      return;
    }
    let i = t.start - 1;
    while (i >= 0 && ' \t\n\r'.includes(text[i] as string)) i--;
    const c = i >= 0 ? text[i] : '';
    if (i !== t.start - 1 && (c === '.' || c === ':')) firsts.push(pos);
  });
  return firsts;
}

type Ctx = { readonly insts: readonly Inst[]; readonly phrases: readonly Phrase[]; readonly nToken: number };

/** fts5SnippetScore: the score of the window at `pos`, and where to start it around its matches. */
function score(ctx: Ctx, docSize: number, col: number, pos: number): { score: number; adj: number } {
  const seen = new Set<number>();
  let total = 0;
  let first = -1;
  let last = 0;
  for (const inst of ctx.insts) {
    if (inst.col !== col || inst.off < pos || inst.off >= pos + ctx.nToken) continue;
    total += seen.has(inst.phrase) ? 1 : 1000;
    seen.add(inst.phrase);
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
  columns.forEach((tokens, col) => {
    const firsts = sentenceStarts(texts[col] as string, tokens);
    const docSize = tokens.length;
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
  });
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
  const iterStart = () => spans[si]?.start ?? -1;
  for (let pos = start; pos <= rangeEnd && pos < tokens.length; pos++) {
    const t = tokens[pos] as Token;
    if (start > 0 && pos === start) off = t.start;
    if (open && (pos <= iterStart() || iterStart() < 0) && t.start > off) {
      out += marks.close;
      open = false;
    }
    if (pos === iterStart() && !open) {
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
        if (iterStart() >= 0 && pos >= iterStart()) {
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
 * null when the text is not ASCII (the caller asks FTS5 then).
 */
export function snippetOf(
  texts: readonly (string | null)[],
  phrases: readonly Phrase[],
  marks: SnippetMarks,
  nToken = SNIPPET_TOKENS,
): string | null {
  if (texts.some(t => t !== null && NON_ASCII.test(t))) return null;
  const columns = texts.map(t => tokensOf(t ?? ''));
  const ctx: Ctx = { insts: instancesOf(columns, phrases), phrases, nToken };
  const best = bestWindow(
    ctx,
    texts.map(t => t ?? ''),
    columns,
  );
  const text = texts[best.col];
  // FTS5 returns NULL for a column without text, which the search shows as no snippet.
  if (text === null || text === undefined) return '';
  return highlight(ctx, text, columns[best.col] as Token[], best.col, best.start, marks);
}
