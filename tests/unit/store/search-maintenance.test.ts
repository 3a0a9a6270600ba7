/**
 * The search index's idle-time merging (main/store/search-maintenance.ts): it merges the
 * index to one segment without changing a single search result, gives the event loop a turn
 * between slices, waits for quiet again after a write, and never runs a slice after close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { SearchRequest, Store } from '../../../main/store';
import {
  mergeDue,
  mergeSearchIndex,
  openStore,
  searchIndexSegments,
  segmentPages,
  startSearchMaintenance,
} from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

const WORDS = Array.from({ length: 400 }, (_, i) => `kata${i.toString(36)}`);
const JIDS = ['628111@c.us', '628222@c.us', '628333@c.us'];

const PER_BATCH = 400;

/** `batches` ingest batches of `size` messages of varied words: with automerge off, a segment each. */
function fill(store: Store, acc: AccountId, batches: number, from = 0, size = PER_BATCH): void {
  for (let b = 0; b < batches; b++) {
    const messages = Array.from({ length: size }, (_, i) => {
      const n = (from + b) * PER_BATCH + i;
      const words = Array.from({ length: 8 }, (_, k) => WORDS[(n * 7 + k * k * 13 + (n % 11) * k) % WORDS.length]);
      // The batch's first message opens a chat of its own: the chats' index gets a segment too.
      const jid = i === 0 ? `62899${from + b}@c.us` : (JIDS[n % JIDS.length] as string);
      return msg(acc, jid, {
        body: `${words.join(' ')} pesanan${n % 5}`,
        fromMe: n % 3 === 0,
        timestamp: T0 + n * 1000,
      });
    });
    store.ingest({ messages });
  }
}

function noAutomerge(store: Store): void {
  for (const table of ['messages_fts', 'chats_fts']) {
    store.db.sqlite.exec(`INSERT INTO ${table}(${table}, rank) VALUES ('automerge', 0)`);
    store.db.sqlite.exec(`INSERT INTO ${table}(${table}, rank) VALUES ('crisismerge', 1000)`);
  }
}

const integrityCheck = (store: Store) => () => {
  store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
  store.db.sqlite.exec("INSERT INTO chats_fts(chats_fts, rank) VALUES ('integrity-check', 1)");
};

/** Every kind of search the UI makes: words, prefixes (short and spelled), two words, filters, a second page. */
function searches(store: Store, acc: AccountId): unknown[] {
  const requests: SearchRequest[] = [
    { query: 'kata1' },
    { query: 'kata1', prefix: false },
    { query: 'pesanan' },
    { query: 'pesanan3', prefix: false, sender: 'me' },
    { query: 'ka' },
    { query: 'kata2 kata3' },
    { query: 'kata5', chatId: chatOfJid(acc, JIDS[1] as string) },
    { query: 'pesanan', from: T0 + 100_000, to: T0 + 900_000 },
  ];
  const results: unknown[] = requests.map(r => store.searchMessages({ ...r, limit: 20 }));
  const first = store.searchMessages({ query: 'pesanan', limit: 20 });
  results.push(store.searchMessages({ query: 'pesanan', limit: 20, cursor: first.nextCursor }));
  results.push(store.searchChats({ query: '62899' }), store.searchChats({ query: '628991' }));
  return results;
}

const turn = () => new Promise(r => setImmediate(r));
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await turn();
  }
}

describe('when a merge is due', () => {
  it('once the segments besides the largest hold an eighth of its pages', () => {
    expect(mergeDue([])).toBe(false);
    expect(mergeDue([500])).toBe(false);
    expect(mergeDue([800, 100])).toBe(true);
    expect(mergeDue([800, 60, 39])).toBe(false);
    expect(mergeDue([10, 10, 10])).toBe(true);
  });
});

describe('search index merge', () => {
  let store: Store;
  let acc: AccountId;
  beforeEach(() => {
    store = memoryStore();
    acc = addAccount(store);
    noAutomerge(store);
  });
  afterEach(() => store.close());

  it('merges every segment into one and every search finds exactly what it found before', () => {
    fill(store, acc, 12);
    const segments = searchIndexSegments(store.db);
    expect(segments).toBeGreaterThanOrEqual(12);
    const before = searches(store, acc);
    expect(store.searchChats({ query: '62899' })).toHaveLength(12);
    const run = mergeSearchIndex(store.db);
    expect(run.segmentsBefore).toBe(segments);
    expect(run.segmentsAfter).toBe(1);
    expect(run.chatSegmentsBefore).toBeGreaterThan(1);
    expect(run.chatSegmentsAfter).toBe(1);
    expect(searchIndexSegments(store.db)).toBe(1);
    expect(run.slices).toBeGreaterThan(1);
    expect(searches(store, acc)).toEqual(before);
    expect(integrityCheck(store)).not.toThrow();
    // Nothing left: one slice that does nothing.
    expect(mergeSearchIndex(store.db)).toMatchObject({ slices: 1, segmentsBefore: 1, chatSegmentsBefore: 1 });
  });

  it('after a trickle of new messages leaves the index as it is, and merges it once enough new data pays for it', () => {
    fill(store, acc, 16);
    mergeSearchIndex(store.db);
    const largest = Math.max(...segmentPages(store.db, 'messages_fts'));
    // Small batches: a merge would rewrite the whole index for them; it waits.
    fill(store, acc, 4, 100, 40);
    expect(mergeDue(segmentPages(store.db, 'messages_fts'))).toBe(false);
    expect(mergeSearchIndex(store.db)).toMatchObject({ segmentsBefore: 5, segmentsAfter: 5 });
    expect(Math.max(...segmentPages(store.db, 'messages_fts'))).toBe(largest);
    // Enough new data (an eighth of the largest segment or more): one segment again.
    fill(store, acc, 3, 200);
    expect(mergeDue(segmentPages(store.db, 'messages_fts'))).toBe(true);
    const before = searches(store, acc);
    expect(mergeSearchIndex(store.db).segmentsAfter).toBe(1);
    expect(searches(store, acc)).toEqual(before);
    expect(integrityCheck(store)).not.toThrow();
  });

  it('runs in slices with a turn of the event loop between each two, and rests once merged', async () => {
    fill(store, acc, 12);
    const before = searches(store, acc);
    const maintenance = startSearchMaintenance(store.db, { quietMs: 0, pollMs: 1, sliceMs: 0.001 });
    const seen: number[] = [];
    await until(() => {
      seen.push(maintenance.counts().slices);
      return maintenance.counts().completed === 1;
    });
    maintenance.stop();
    const steps = seen.slice(1).map((n, i) => n - (seen[i] as number));
    // Each turn of ours saw at most one slice: the maintenance never ran two without yielding.
    expect(Math.max(...steps)).toBe(1);
    expect(maintenance.counts().slices).toBeGreaterThan(5);
    expect(searchIndexSegments(store.db)).toBe(1);
    expect(searches(store, acc)).toEqual(before);
  });

  it('pauses on a write and starts again only after a quiet spell', async () => {
    fill(store, acc, 12);
    const quietMs = 150;
    const maintenance = startSearchMaintenance(store.db, { quietMs, pollMs: 5, sliceMs: 0.001 });
    await until(() => maintenance.counts().slices >= 3);
    const wroteAt = performance.now();
    fill(store, acc, 1, 100);
    const atWrite = maintenance.counts().slices;
    await until(() => maintenance.counts().slices > atWrite);
    expect(performance.now() - wroteAt).toBeGreaterThanOrEqual(quietMs);
    await until(() => maintenance.counts().completed === 1);
    maintenance.stop();
    expect(searchIndexSegments(store.db)).toBe(1);
    expect(store.searchMessages({ query: 'pesanan', limit: 1 }).hits[0]?.message.timestamp).toBe(
      T0 + (101 * PER_BATCH - 1) * 1000,
    );
    expect(integrityCheck(store)).not.toThrow();
  });

  it('merges again after new writes once it had nothing left', async () => {
    fill(store, acc, 3);
    const maintenance = startSearchMaintenance(store.db, { quietMs: 20, pollMs: 5 });
    await until(() => maintenance.counts().completed === 1);
    fill(store, acc, 3, 50);
    expect(searchIndexSegments(store.db)).toBeGreaterThan(1);
    await until(() => maintenance.counts().completed === 2);
    maintenance.stop();
    expect(searchIndexSegments(store.db)).toBe(1);
  });
});

describe('search maintenance of a store file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blazz-search-maintenance-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is on for a file and off in memory', () => {
    const file = openStore({ file: join(dir, 'a.sqlite'), checkpointEveryMs: 0 });
    const off = openStore({ file: join(dir, 'b.sqlite'), checkpointEveryMs: 0, searchMaintenance: false });
    const memory = memoryStore();
    expect(file.searchMaintenance).not.toBeNull();
    expect(off.searchMaintenance).toBeNull();
    expect(memory.searchMaintenance).toBeNull();
    for (const s of [file, off, memory]) s.close();
  });

  it('stops with the store: no slice after close, and the file reopens whole', async () => {
    const path = join(dir, 'store.sqlite');
    const store = openStore({ file: path, searchMaintenance: { quietMs: 0, pollMs: 1, sliceMs: 0.001 } });
    noAutomerge(store);
    const acc = addAccount(store);
    fill(store, acc, 12);
    const maintenance = store.searchMaintenance;
    if (!maintenance) throw new Error('expected the maintenance to run');
    await until(() => maintenance.counts().slices >= 3);
    expect(maintenance.counts().merging).toBe(true);
    store.close();
    const atClose = maintenance.counts().slices;
    await sleep(50);
    expect(maintenance.counts()).toMatchObject({ slices: atClose, completed: 0, merging: false });
    const again = openStore({ file: path, checkpointEveryMs: 0, searchMaintenance: false });
    expect(integrityCheck(again)).not.toThrow();
    expect(again.searchMessages({ query: 'pesanan', limit: 200 }).hits).toHaveLength(200);
    again.close();
  });
});
