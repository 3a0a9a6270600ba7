import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../common/seeded-random';
import { KNOWN_RANGES, phrasesOf, snippetOf, termsOf } from '../../../main/store/repositories/search-snippet';
import { toFtsQuery } from '../../../main/store/repositories/search-terms';

// snippetOf must give exactly what FTS5's snippet() gives, byte for byte, on a table made as
// migration 0001 makes messages_fts: external content, the same tokenizer and prefixes.
const MARKS = { open: '\u0002', close: '\u0003', ellipsis: '…' } as const;

let db: Database.Database;
beforeAll(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE messages (seq INTEGER PRIMARY KEY, body TEXT, caption TEXT);
    CREATE VIRTUAL TABLE messages_fts USING fts5(body, caption, content='messages', content_rowid='seq',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');`);
});
afterAll(() => db.close());

/** A seeded generator: the same texts every run, so a failure repeats. */
function rng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

const WORDS = [
  'pesan',
  'pesanan',
  'Pesanannya',
  'kirim',
  'dikirim',
  'PAKET',
  'paket',
  'a',
  'ab',
  'abc',
  'x1',
  '2024',
  'ok',
];
/** Known characters (KNOWN_RANGES): words that fold onto the ASCII ones, symbols, older emoji. */
const KNOWN = [
  'café',
  'CAFE',
  'Crème',
  'crème',
  'pésan',
  'PÄKET',
  'ß',
  'naïve',
  '👍',
  '😂',
  '❤️',
  '“',
  '”',
  '—',
  '…',
  '\u00a0',
  'Ünïcödé',
];
/** Characters SQLite's tokenizer is not checked against here: left to FTS5. */
const UNKNOWN = ['🥹', '日本', 'ǡ', 'µ', '🤣', 'Ελλάδα', '👍🏽'];
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  '. ',
  ': ',
  ', ',
  '\n',
  ' .\t',
  '-',
  "'",
  '!? ',
  '  ',
  '...',
  ':',
  '.',
  '_',
  '(',
  ') ',
];

function textOf(r: ReturnType<typeof rng>, unknown: boolean): string | null {
  if (r.next() < 0.1) return null;
  const n = r.int(r.next() < 0.5 ? 14 : 45);
  let s = r.next() < 0.2 ? r.pick(SEPARATORS) : '';
  for (let i = 0; i < n; i++) {
    const x = r.next();
    s += unknown && x < 0.04 ? r.pick(UNKNOWN) : x < 0.2 ? r.pick(KNOWN) : r.pick(WORDS);
    s += r.pick(SEPARATORS);
  }
  return r.next() < 0.5 ? s.trimEnd() : s;
}

/** A match expression as search-terms.ts writes them, or null when nothing searchable was typed. */
function queryOf(r: ReturnType<typeof rng>): string | null {
  const word = () => (r.next() < 0.15 ? r.pick(KNOWN) : r.pick(WORDS));
  const w = () => (r.next() < 0.2 ? `${word()}-${word()}` : word());
  const kind = r.int(4);
  if (kind === 0) return toFtsQuery(w(), r.next() < 0.5);
  if (kind === 1) return toFtsQuery(`${w()} ${w()}`, r.next() < 0.5);
  if (kind === 2) return toFtsQuery(`${w()} ${w()} ${w()}`, true);
  // As search-terms.ts spells a long prefix out: words, then an OR of terms.
  return `"${w()}" AND ("${r.pick(WORDS)}" OR "${r.pick(WORDS)}" OR "${r.pick(WORDS)}")`;
}

function compare(
  seed: number,
  rows: number,
  queries: number,
  unknown: boolean,
): { same: number; left: number; beyondAscii: number } {
  const r = rng(seed);
  db.exec("DELETE FROM messages; INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')");
  const insert = db.prepare('INSERT INTO messages (seq, body, caption) VALUES (?, ?, ?)');
  const index = db.prepare('INSERT INTO messages_fts (rowid, body, caption) VALUES (?, ?, ?)');
  const texts = new Map<number, [string | null, string | null]>();
  for (let seq = 1; seq <= rows; seq++) {
    const body = textOf(r, unknown);
    const caption = r.next() < 0.3 ? textOf(r, unknown) : null;
    if (body === null && caption === null) continue;
    insert.run(seq, body, caption);
    index.run(seq, body, caption);
    texts.set(seq, [body, caption]);
  }
  const snippets = db.prepare(
    "SELECT rowid AS seq, snippet(messages_fts, -1, char(2), char(3), '…', 12) AS s FROM messages_fts WHERE messages_fts MATCH ?",
  );
  let same = 0;
  let left = 0;
  let beyondAscii = 0;
  for (let q = 0; q < queries; q++) {
    const match = queryOf(r);
    if (match === null) continue;
    const phrases = phrasesOf(match);
    // A query word of no token (a lone emoji) is left to FTS5 whole.
    if (phrases === null) continue;
    for (const row of snippets.all(match) as { seq: number; s: string | null }[]) {
      const mine = snippetOf(texts.get(row.seq) ?? [null, null], phrases ?? [], MARKS);
      if (mine === null) {
        left++;
        continue;
      }
      expect({ match, text: texts.get(row.seq), snippet: mine }).toEqual({
        match,
        text: texts.get(row.seq),
        snippet: row.s ?? '',
      });
      same++;
      if (/[\u0080-\u{10ffff}]/u.test((texts.get(row.seq) ?? []).join(''))) beyondAscii++;
    }
  }
  return { same, left, beyondAscii };
}

describe('snippets made from the row text', () => {
  it('tokenise every known character as SQLite does: a token or not, and its folding', () => {
    const t = new Database(':memory:');
    t.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
    const insert = t.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    const texts: string[] = [];
    t.transaction(() => {
      for (const [a, b] of KNOWN_RANGES) {
        for (let c = a; c <= b; c++) {
          const ch = String.fromCodePoint(c);
          // Alone, and inside a word: a diacritic continues a token but never starts one.
          for (const text of [` ${ch} `, `a${ch}b`, `${ch}${ch}`]) {
            texts.push(text);
            insert.run(texts.length, text);
          }
        }
      }
    })();
    const sqlite = new Map<number, string[]>();
    for (const row of t.prepare('SELECT doc, term FROM v ORDER BY doc, offset').all() as {
      doc: number;
      term: string;
    }[]) {
      sqlite.set(row.doc, [...(sqlite.get(row.doc) ?? []), row.term]);
    }
    t.close();
    const differ = texts.filter((text, i) => JSON.stringify(termsOf(text)) !== JSON.stringify(sqlite.get(i + 1) ?? []));
    expect(differ).toEqual([]);
    expect(texts.length).toBeGreaterThan(14_000);
  });

  it('match FTS5 snippet() byte for byte on random texts and queries', () => {
    let same = 0;
    let beyondAscii = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const run = compare(seed, 400, 60, false);
      same += run.same;
      beyondAscii += run.beyondAscii;
    }
    expect(same).toBeGreaterThan(5000);
    expect(beyondAscii).toBeGreaterThan(2000);
  });

  it('leave text with characters outside the known ones to FTS5, and match the rest', () => {
    const { same, left } = compare(99, 400, 80, true);
    expect(same).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(300);
  });

  it('match on real-looking messages with sentences, long texts and prefixes', () => {
    const body =
      'Halo kak. Pesanan saya nomor 2024-118 belum sampai: sudah 5 hari! Tolong dicek ya, ' +
      'pengiriman via JNE. Terima kasih banyak atas bantuannya, semoga cepat sampai pesanannya.';
    db.exec("DELETE FROM messages; INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')");
    db.prepare('INSERT INTO messages (seq, body, caption) VALUES (1, ?, ?)').run(body, 'foto: paket rusak');
    db.prepare('INSERT INTO messages_fts (rowid, body, caption) VALUES (1, ?, ?)').run(body, 'foto: paket rusak');
    const snippet = db.prepare(
      "SELECT snippet(messages_fts, -1, char(2), char(3), '…', 12) FROM messages_fts WHERE messages_fts MATCH ?",
    );
    for (const input of [
      'pesanan',
      'pesan',
      'sampai',
      'terima kasih',
      'paket',
      'jne pengiriman',
      '2024',
      'kak',
      'rusak foto',
    ]) {
      const match = toFtsQuery(input, true) as string;
      const mine = snippetOf([body, 'foto: paket rusak'], phrasesOf(match) ?? [], MARKS);
      expect(mine, input).toBe(snippet.pluck().get(match));
    }
  });

  it('leaves a query with an unknown character to FTS5, and folds known ones', () => {
    expect(phrasesOf(toFtsQuery('日本', true) as string)).toBeNull();
    expect(phrasesOf(toFtsQuery('Crème-brûlée', true) as string)).toEqual([
      { tokens: ['creme', 'brulee'], prefix: true },
    ]);
    expect(phrasesOf('"pesan" "kirim"*')).toEqual([
      { tokens: ['pesan'], prefix: false },
      { tokens: ['kirim'], prefix: true },
    ]);
  });
});
