/**
 * The conversation index's refresh (sync-server/src/reports/conversation-index.ts) against a
 * database stand-in: a chat replaced after the load is read again (its old rows dropped), a
 * version committed late below the highest seq already seen is still picked up, and many
 * replacements (the columns rewritten without the replaced rows) keep exactly the live rows.
 * And the selection the index's medians use picks the sample the sorted percentile picks.
 */
import { describe, expect, it } from 'vitest';
import type { RawExec } from '../../../sync-server/src/db/index';
import type { IndexedRow } from '../../../sync-server/src/db/repositories/report-versions';
import type { ConversationIndex } from '../../../sync-server/src/reports/conversation-index';
import { conversationIndex } from '../../../sync-server/src/reports/conversation-index';
import { percentile, selectPercentile } from '../../../sync-server/src/reports/stats';

type Version = { seq: number; chatId: string; at: number; committed: boolean };

/** report_conversations and report_versions as arrays; a version is visible once committed. */
function fakeDatabase(now: () => number) {
  let rows: IndexedRow[] = [];
  const versions: Version[] = [];
  const visible = () => versions.filter(v => v.committed);
  const query = async (q: string | { sql: string; values?: unknown[] }, params?: unknown[]) => {
    const sql = typeof q === 'string' ? q : q.sql;
    const values = (typeof q === 'string' ? params : q.values) ?? [];
    if (sql.includes('max(seq)')) {
      const since = values[0] as number;
      const max = Math.max(0, ...visible().map(v => v.seq));
      const floor = Math.max(
        0,
        ...visible()
          .filter(v => v.at < since)
          .map(v => v.seq),
      );
      return [[{ m: max, f: floor }]];
    }
    if (sql.startsWith('select seq from report_versions'))
      return [
        visible()
          .filter(v => v.at >= (values[0] as number))
          .map(v => [v.seq]),
      ];
    if (sql.startsWith('select seq, chat_id')) {
      const [after, gaps] = values as [number, number[] | undefined];
      return [
        visible()
          .filter(v => v.seq > after || (gaps ?? []).includes(v.seq))
          .map(v => [v.seq, v.chatId]),
      ];
    }
    if (sql.includes('where chat_id in')) {
      const ids = values[0] as string[];
      return [rows.filter(r => ids.includes(r[1])).map(r => [...r])];
    }
    if (sql.includes('from report_conversations')) return [rows.map(r => [...r])];
    throw new Error(`unexpected query: ${sql}`);
  };
  return {
    raw: { query } as unknown as RawExec,
    /** The worker replacing a chat's rows; its version committed now or later. */
    replace(chatId: string, next: IndexedRow[], committed = true): Version {
      rows = [...rows.filter(r => r[1] !== chatId), ...next];
      const v = { seq: versions.length + 1, chatId, at: now(), committed };
      versions.push(v);
      return v;
    },
  };
}

const row = (chatId: string, openedAt: number, resolvedAt: number | null = null): IndexedRow => [
  'acct',
  chatId,
  openedAt,
  openedAt + 60_000,
  'm1',
  resolvedAt,
  resolvedAt === null ? null : 'm1',
  'm1',
  openedAt,
  'm1',
  null,
  resolvedAt ?? openedAt + 60_000,
];

/** The index's live rows as [chat, opened, resolved], sorted. */
function liveRows(ix: ConversationIndex): [string, number, number | null][] {
  const c = ix.columns();
  const out: [string, number, number | null][] = [];
  for (let i = 0; i < c.length; i++)
    if (c.live[i] === 1) {
      const resolved = c.resolvedAt[i]!;
      out.push([ix.chats.names[c.chat[i]!]!, c.openedAt[i]!, Number.isNaN(resolved) ? null : resolved]);
    }
  return out.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
}

describe('conversation index', () => {
  it('reads a chat replaced after the load again, and drops its old rows', async () => {
    let t = 1_000_000;
    const db = fakeDatabase(() => t);
    db.replace('a', [row('a', 100), row('a', 200)]);
    db.replace('b', [row('b', 150)]);
    const ix = conversationIndex(db.raw, () => t);
    await ix.refresh();
    expect(liveRows(ix)).toEqual([
      ['a', 100, null],
      ['a', 200, null],
      ['b', 150, null],
    ]);
    t += 1_000;
    db.replace('a', [row('a', 100, 170)]);
    db.replace('c', [row('c', 300)]);
    await ix.refresh();
    expect(liveRows(ix)).toEqual([
      ['a', 100, 170],
      ['b', 150, null],
      ['c', 300, null],
    ]);
    expect(ix.size()).toBe(3);
  });

  it('picks up a version committed after a higher one was seen', async () => {
    let t = 1_000_000;
    const db = fakeDatabase(() => t);
    db.replace('a', [row('a', 100)]);
    const ix = conversationIndex(db.raw, () => t);
    await ix.refresh();
    t += 1_000;
    // Seq 2 is written first but its transaction commits after seq 3's.
    const late = db.replace('b', [row('b', 150)], false);
    db.replace('c', [row('c', 300)]);
    await ix.refresh();
    expect(liveRows(ix).map(r => r[0])).toEqual(['a', 'c']);
    late.committed = true;
    t += 1_000;
    await ix.refresh();
    expect(liveRows(ix).map(r => r[0])).toEqual(['a', 'b', 'c']);
  });

  it('keeps exactly the live rows through many replacements', async () => {
    let t = 1_000_000;
    const db = fakeDatabase(() => t);
    for (let c = 0; c < 50; c++) db.replace(`chat-${c}`, [row(`chat-${c}`, c)]);
    const ix = conversationIndex(db.raw, () => t);
    await ix.refresh();
    const want = new Map<string, IndexedRow[]>();
    for (let round = 1; round <= 60; round++) {
      t += 100;
      for (let c = 0; c < 50; c += 1 + (round % 3)) {
        const next = [row(`chat-${c}`, round * 1_000 + c), row(`chat-${c}`, round * 1_000 + c + 500, round)];
        db.replace(`chat-${c}`, next);
        want.set(`chat-${c}`, next);
      }
      await ix.refresh();
    }
    const expected = [];
    for (let c = 0; c < 50; c++) {
      const rows = want.get(`chat-${c}`) ?? [row(`chat-${c}`, c)];
      expected.push(...rows.map((r): [string, number, number | null] => [r[1], r[2], r[5]]));
    }
    expected.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    expect(liveRows(ix)).toEqual(expected);
    // Replaced rows were dropped on the way: ~3,700 rows were written, the columns keep the live
    // ones and fewer than 1,024 + one round's replaced ones.
    expect(ix.columns().length).toBeLessThan(ix.size() + 1_200);
  });
});

describe('selectPercentile', () => {
  it('picks the nearest-rank sample percentile() picks from the sorted samples', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(rnd() * 300);
      // Few distinct values in some rounds: ties must not move the rank.
      const spread = round % 3 === 0 ? 5 : 1_000_000;
      const values = Float64Array.from({ length: n }, () => Math.floor(rnd() * spread));
      const sorted = values.slice().sort();
      for (const p of [0.5, 0.9]) expect(selectPercentile(values.slice(), p)).toBe(percentile(sorted, p));
      // A slice [lo, hi) of a larger array, as the per-group medians use it.
      const lo = Math.floor(rnd() * n);
      const hi = lo + Math.floor(rnd() * (n - lo + 1));
      expect(selectPercentile(values.slice(), 0.5, lo, hi)).toBe(percentile(values.slice(lo, hi).sort(), 0.5));
    }
  });
});
