import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { MESSAGE_TERMS_TABLE, openStore } from '../../../main/store';
import { addAccount, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let a1: AccountId;

beforeEach(() => {
  store = memoryStore();
  a1 = addAccount(store, 'acc1');
  store.ingest({
    messages: [
      msg(a1, '6281@c.us', { body: 'pengiriman hari ini', timestamp: T0 + 1000 }),
      msg(a1, '6281@c.us', { body: 'pengirim paket', timestamp: T0 + 2000 }),
      msg(a1, '6281@c.us', { body: 'pengumuman libur', timestamp: T0 + 3000 }),
    ],
  });
});
afterEach(() => store.close());

const bodiesOf = (r: ReturnType<Store['searchMessages']>) => r.hits.map(h => h.message.body ?? h.message.caption);

/** How many seeks into the term table `fn` made. */
function seeksOf(s: Store, fn: () => void): number {
  const spy = vi.spyOn(s.db, 'prepare');
  try {
    fn();
    return spy.mock.calls.filter(([sql]) => sql.includes(MESSAGE_TERMS_TABLE)).length;
  } finally {
    spy.mockRestore();
  }
}

describe('spelled prefixes', () => {
  it('answers the same word, and each longer word typed after it, without a seek', () => {
    expect(seeksOf(store, () => store.matchExpression('pengi', true))).toBeGreaterThan(0);
    expect(store.matchExpression('pengi', true)).toBe('("pengirim" OR "pengiriman")');
    const typed = ['pengi', 'pengir', 'pengiri', 'pengirim', 'pengirima', 'pengiriman', 'pengirimanx'];
    const expressions: (string | null)[] = [];
    expect(seeksOf(store, () => typed.forEach(w => expressions.push(store.matchExpression(w, true))))).toBe(0);
    // The same expressions as spelled from scratch.
    const cold = typed.map(w => {
      store.forgetPrefixTerms();
      return store.matchExpression(w, true);
    });
    expect(expressions).toEqual(cold);
    expect(expressions.slice(3)).toEqual([
      '("pengirim" OR "pengiriman")',
      '("pengiriman")',
      '("pengiriman")',
      '"pengirimanx"*',
    ]);
  });

  it('spells again after a write that may add a term: new messages and edits', () => {
    expect(bodiesOf(store.searchMessages({ query: 'pengirim' }))).toEqual(['pengirim paket', 'pengiriman hari ini']);
    store.ingest({ messages: [msg(a1, '6281@c.us', { body: 'PENGIRIMNYA siapa', timestamp: T0 + 4000 })] });
    expect(bodiesOf(store.searchMessages({ query: 'pengirim' }))).toEqual([
      'PENGIRIMNYA siapa',
      'pengirim paket',
      'pengiriman hari ini',
    ]);
    const m = msg(a1, '6281@c.us', { body: 'alamat lama', timestamp: T0 + 5000 });
    store.ingest({ messages: [m] });
    expect(store.searchMessages({ query: 'pengirimulang' }).hits).toEqual([]);
    store.ingest({
      edits: [
        { accountId: a1, providerMessageId: m.providerMessageId, body: 'pengirimulang besok', editedAt: T0 + 6000 },
      ],
    });
    expect(bodiesOf(store.searchMessages({ query: 'pengirimulang' }))).toEqual(['pengirimulang besok']);
    expect(bodiesOf(store.searchMessages({ query: 'pengirimu' }))).toEqual(['pengirimulang besok']);
  });
});

describe('spelled prefixes with two connections', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blazz-search-terms-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("spells again after another connection's commit", () => {
    const file = join(dir, 'store.sqlite');
    const reader = openStore({ file, checkpointEveryMs: 0 });
    const writer = openStore({ file, checkpointEveryMs: 0 });
    try {
      const acc = addAccount(writer, 'acc1');
      writer.ingest({ messages: [msg(acc, '6281@c.us', { body: 'pengiriman hari ini', timestamp: T0 + 1000 })] });
      expect(reader.matchExpression('pengiri', true)).toBe('("pengiriman")');
      writer.ingest({ messages: [msg(acc, '6281@c.us', { body: 'pengirimnya siapa', timestamp: T0 + 2000 })] });
      expect(reader.matchExpression('pengiri', true)).toBe('("pengiriman" OR "pengirimnya")');
      expect(bodiesOf(reader.searchMessages({ query: 'pengirimn' }))).toEqual(['pengirimnya siapa']);
    } finally {
      writer.close();
      reader.close();
    }
  });
});
