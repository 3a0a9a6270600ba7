import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import type { SearchTiming } from '../../../main/store';
import { HIGHLIGHT_END, HIGHLIGHT_START, hitsOf, pageRows, toFtsQuery } from '../../../main/store';
import { MESSAGE_COLUMNS } from '../../../main/store/rows';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let a1: AccountId;
let a2: AccountId;

beforeEach(() => {
  store = memoryStore();
  a1 = addAccount(store, 'acc1');
  a2 = addAccount(store, 'acc2');
  store.ingest({
    chats: [{ accountId: a1, jid: '6281@c.us', isGroup: false, name: 'Budi Santoso' }],
    messages: [
      msg(a1, '6281@c.us', { body: 'Pesanan saya belum sampai', timestamp: T0 + 1000 }),
      msg(a1, '6281@c.us', { body: 'Crème brûlée di café itu enak', timestamp: T0 + 2000 }),
      msg(a1, '6282@c.us', { type: 'image', body: null, caption: 'foto pesanan rusak', timestamp: T0 + 3000 }),
      msg(a2, '6283@c.us', { body: 'kapan pesanan dikirim?', timestamp: T0 + 4000 }),
      msg(a2, '6283@c.us', { body: 'pengiriman hari ini', timestamp: T0 + 5000 }),
    ],
  });
});
afterEach(() => store.close());

const bodiesOf = (r: ReturnType<Store['searchMessages']>) => r.hits.map(h => h.message.body ?? h.message.caption);

describe('message search', () => {
  it('finds text and captions, newest first, with highlighted snippets and chat names', () => {
    const r = store.searchMessages({ query: 'pesanan', prefix: false });
    expect(bodiesOf(r)).toEqual(['kapan pesanan dikirim?', 'foto pesanan rusak', 'Pesanan saya belum sampai']);
    expect(r.hits[2]?.snippet).toBe(`${HIGHLIGHT_START}Pesanan${HIGHLIGHT_END} saya belum sampai`);
    expect(r.hits[2]?.chatName).toBe('Budi Santoso');
    expect(r.hits[1]?.chatName).toBe('6282');
    expect(r.hits.every(h => !/[<>]/.test(h.snippet))).toBe(true);
  });

  it('ignores case and diacritics both ways', () => {
    expect(bodiesOf(store.searchMessages({ query: 'CAFE' }))).toEqual(['Crème brûlée di café itu enak']);
    expect(bodiesOf(store.searchMessages({ query: 'brulée creme' }))).toEqual(['Crème brûlée di café itu enak']);
  });

  it('matches the last word as a prefix unless asked not to', () => {
    expect(bodiesOf(store.searchMessages({ query: 'pengi' }))).toEqual(['pengiriman hari ini']);
    expect(store.searchMessages({ query: 'pengi', prefix: false }).hits).toEqual([]);
  });

  it("spells a prefix longer than the prefix indexes out as its terms, with the hits of FTS5's own prefix query", () => {
    // 20 terms under "pengirim", plus 3 under "pengiriman": the first is left to FTS5 (over 16), the second expanded.
    const extra = Array.from({ length: 20 }, (_, i) =>
      msg(a1, '6284@c.us', {
        body: `pengirim${String.fromCharCode(97 + i)}x paket`,
        timestamp: T0 + 10_000 + i * 1000,
      }),
    );
    store.ingest({
      messages: [
        ...extra,
        msg(a1, '6284@c.us', { body: 'PENGIRIMANNYA lambat', timestamp: T0 + 40_000 }),
        msg(a1, '6284@c.us', { body: 'pengirimanku kemarin', timestamp: T0 + 41_000 }),
        msg(a1, '6284@c.us', { body: 'bukan pengirimxyz', timestamp: T0 + 42_000 }),
      ],
    });
    const reference = store.db.sqlite.prepare(
      `SELECT m.body FROM messages_fts f JOIN messages m ON m.seq = f.rowid
       WHERE messages_fts MATCH ? ORDER BY f.rowid DESC LIMIT 50`,
    );
    for (const query of [
      'pengiriman',
      'Pengiriman',
      'pengirim',
      'pengir',
      'hari pengiriman',
      'pengirimanx',
      'pengirimd',
    ]) {
      const expected = (reference.all(toFtsQuery(query)) as { body: string }[]).map(r => r.body);
      expect(bodiesOf(store.searchMessages({ query })), query).toEqual(expected);
    }
    expect(bodiesOf(store.searchMessages({ query: 'Pengiriman' }))).toEqual([
      'pengirimanku kemarin',
      'PENGIRIMANNYA lambat',
      'pengiriman hari ini',
    ]);
    expect(store.searchMessages({ query: 'pengiriman' }).hits[1]?.snippet).toBe(
      `${HIGHLIGHT_START}PENGIRIMANNYA${HIGHLIGHT_END} lambat`,
    );
    expect(store.searchMessages({ query: 'pengirim' }).hits).toHaveLength(24);
    expect(store.searchMessages({ query: 'pengirimanx' }).hits).toEqual([]);
  });

  it('filters by account, chat and date', () => {
    expect(bodiesOf(store.searchMessages({ query: 'pesanan', accountIds: [a2] }))).toEqual(['kapan pesanan dikirim?']);
    expect(bodiesOf(store.searchMessages({ query: 'pesanan', chatId: chatOfJid(a1, '6281@c.us') }))).toEqual([
      'Pesanan saya belum sampai',
    ]);
    expect(bodiesOf(store.searchMessages({ query: 'pesanan', from: T0 + 2000, to: T0 + 3000 }))).toEqual([
      'foto pesanan rusak',
    ]);
  });

  it('pages older matches with a cursor', () => {
    const first = store.searchMessages({ query: 'pesanan', limit: 2 });
    expect(first.hits).toHaveLength(2);
    const second = store.searchMessages({ query: 'pesanan', limit: 2, cursor: first.nextCursor });
    expect(bodiesOf(second)).toEqual(['Pesanan saya belum sampai']);
    expect(second.nextCursor).toBeNull();
  });

  it('never raises an FTS syntax error, whatever the user types', () => {
    const hostile = [
      '"',
      '""',
      "'",
      '*',
      '(',
      ')',
      'pesanan AND',
      'OR',
      'NOT pesanan',
      'NEAR(a b)',
      'body:pesanan',
      '^pesanan',
      'a"b',
      '-',
      '+',
      'pesanan"',
      '{body}: x',
      ':',
      '🙂',
      '   ',
      '',
      'pesanan*',
      'a OR b AND (c',
      '\u0000',
    ];
    for (const q of hostile) expect(() => store.searchMessages({ query: q })).not.toThrow();
    expect(bodiesOf(store.searchMessages({ query: 'pesanan"', prefix: false }))).toHaveLength(3);
    expect(bodiesOf(store.searchMessages({ query: 'NOT pesanan', prefix: false }))).toEqual([]);
  });

  it('quotes every token and marks only the last one as a prefix', () => {
    expect(toFtsQuery('say "hi" now')).toBe('"say" """hi""" "now"*');
    expect(toFtsQuery('*** ?!')).toBeNull();
    expect(toFtsQuery('café', false)).toBe('"café"');
  });

  it('re-indexes edited text', () => {
    const m = msg(a1, '6281@c.us', { body: 'alamat lama' });
    store.ingest({ messages: [m] });
    store.ingest({
      edits: [{ accountId: a1, providerMessageId: m.providerMessageId, body: 'alamat baru', editedAt: T0 + 9 }],
    });
    expect(store.searchMessages({ query: 'lama' }).hits).toEqual([]);
    expect(bodiesOf(store.searchMessages({ query: 'baru' }))).toEqual(['alamat baru']);
  });
});

describe("a page's rows", () => {
  it('reads raw values into the same rows as a named statement, mentions and media included', () => {
    store.ingest({
      messages: [msg(a1, '6281@c.us', { body: 'pesanan @6289', mentions: ['6289@c.us'], timestamp: T0 + 6000 })],
    });
    const seqs = store.db.sqlite.prepare('SELECT seq FROM messages ORDER BY seq DESC').pluck().all() as number[];
    const named = store.db.sqlite
      .prepare(
        `SELECT ${MESSAGE_COLUMNS}, c.name AS chat_name, c.jid AS chat_jid
         FROM messages m JOIN chats c ON c.id = m.chat_id ORDER BY m.seq DESC`,
      )
      .all();
    expect(seqs.length).toBeGreaterThan(5);
    expect(pageRows(store.db, seqs)).toEqual(named);
    // Newest first whatever the order asked in.
    expect(pageRows(store.db, [...seqs].reverse())).toEqual(named);
    // getMessages reads the same way: each message as the search hit shows it.
    const hits = hitsOf(store.db, pageRows(store.db, seqs));
    expect(store.getMessages(hits.map(h => h.message.id)).reverse()).toEqual(hits.map(h => h.message));
    expect(hits[0]?.message.mentions?.[0]?.jid).toBe('6289@c.us');
    expect(hits.find(h => h.message.type === 'image')?.message.caption).toBe('foto pesanan rusak');
  });

  it("gives each hit FTS5's own snippet, made here or by FTS5 for characters it does not know", () => {
    store.ingest({
      messages: [
        msg(a1, '6281@c.us', { body: 'pesanan 🥹 sudah sampai. Terima kasih 日本', timestamp: T0 + 6000 }),
        msg(a1, '6281@c.us', { body: 'Café: pesanan crème brûlée 👍 sudah dikirim', timestamp: T0 + 7000 }),
      ],
    });
    const fts5 = store.db.sqlite.prepare(
      `SELECT snippet(messages_fts, -1, char(2), char(3), '…', 12) FROM messages_fts
       WHERE messages_fts MATCH ? AND rowid = (SELECT seq FROM messages WHERE body IS ? AND caption IS ?)`,
    );
    for (const query of ['pesanan', 'pesan', 'cafe', 'creme brulee', 'sudah', 'terima 日本', 'sampai', 'crème']) {
      const r = store.searchMessages({ query, limit: 50 });
      expect(r.hits.length, query).toBeGreaterThan(0);
      const match = store.matchExpression(query, true) as string;
      for (const h of r.hits)
        expect(h.snippet, query).toBe(fts5.pluck().get(match, h.message.body, h.message.caption) ?? '');
    }
  });

  it("tells where a search's time went when asked", () => {
    const t: SearchTiming = { expand: 0, match: 0, rows: 0, snippets: 0, reactions: 0, build: 0 };
    const r = store.searchMessages({ query: 'pesanan' }, t);
    expect(r.hits).toHaveLength(3);
    expect(t.match).toBeGreaterThan(0);
    expect(t.rows).toBeGreaterThan(0);
    expect(t.snippets).toBeGreaterThan(0);
    expect(t.build).toBeGreaterThan(0);
  });
});

describe('chat search', () => {
  it('finds chats by name, newest activity first, filtered by account', () => {
    store.ingest({
      chats: [{ accountId: a2, jid: '6289@c.us', isGroup: false, name: 'Budi Hidayat', timestamp: T0 + 9000 }],
    });
    expect(store.searchChats({ query: 'budi' }).map(c => c.name)).toEqual(['Budi Hidayat', 'Budi Santoso']);
    expect(store.searchChats({ query: 'budi', accountIds: [a1] }).map(c => c.name)).toEqual(['Budi Santoso']);
    expect(store.searchChats({ query: '"(' })).toEqual([]);
  });
});
