/**
 * New messages enter the search index in one statement per ingest batch (migration 0018,
 * ingest/search-index.ts). These tests hold the index exact through what a batch can do to
 * its own rows before that statement runs, and through 0018 on a store that has data.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import { asAccountId, asClientMessageId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';
import { addAccount, memoryStore, msg, T0 } from './fixtures';
import { journal, migrationsUpTo } from './migration-fixtures';

const JID = '628111@c.us';

/**
 * FTS5's own check of the index against the messages table (external content). It expects
 * every content row in the index, so text-less rows (never indexed) are deleted first; their
 * delete trigger does not touch the index.
 */
const integrityCheck = (store: Store) => () => {
  store.db.sqlite.exec('DELETE FROM messages WHERE body IS NULL AND caption IS NULL');
  store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
};

const found = (store: Store, query: string): string[] =>
  store
    .searchMessages({ query })
    .hits.map(h => h.message.providerMessageId)
    .sort();

/** Segments of the index (FTS5 keeps one row per leaf page and segment in its _idx table). */
const segments = (store: Store): number =>
  store.db.sqlite.prepare('SELECT count(DISTINCT segid) FROM messages_fts_idx').pluck().get() as number;

describe('search index written per batch', () => {
  let store: Store;
  let acc: AccountId;
  beforeEach(() => {
    store = memoryStore();
    acc = addAccount(store);
    // No merges, so the test counts what each batch writes.
    store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 0)");
    store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('crisismerge', 1000)");
  });
  afterEach(() => store.close());

  it('indexes a batch of new messages as one segment, where the per-row trigger wrote one per message', () => {
    const batch = Array.from({ length: 40 }, (_, i) => msg(acc, JID, { body: `kiriman nomor${i}`, timestamp: T0 + i }));
    store.ingest({ messages: batch });
    expect(segments(store)).toBe(1);
    expect(found(store, 'kiriman')).toHaveLength(40);
    expect(found(store, 'nomor7')).toEqual([batch[7]?.providerMessageId]);
    expect(integrityCheck(store)).not.toThrow();
  });

  it('stays exact when the same batch re-delivers, decrypts, edits and revokes its own new messages', () => {
    const older = msg(acc, JID, { body: 'pesanan lama', timestamp: T0 });
    store.ingest({ messages: [older] });
    const plain = msg(acc, JID, { body: 'paket sudah sampai', timestamp: T0 + 10 });
    const secret = msg(acc, JID, { type: 'ciphertext', body: null, timestamp: T0 + 20 });
    const edited = msg(acc, JID, { body: 'harga sepuluh', timestamp: T0 + 30 });
    const revoked = msg(acc, JID, { body: 'salah kirim', timestamp: T0 + 40 });
    const caption = msg(acc, JID, { type: 'image', body: null, caption: 'foto résumé', timestamp: T0 + 50 });
    const report = store.ingest({
      messages: [
        plain,
        secret,
        edited,
        revoked,
        caption,
        // Re-delivered in the same batch: once unchanged, once decrypted.
        plain,
        { ...secret, type: 'text', body: 'rahasia terbuka' },
      ],
      edits: [
        { accountId: acc, providerMessageId: edited.providerMessageId, body: 'harga duabelas', editedAt: T0 + 60 },
        { accountId: acc, providerMessageId: older.providerMessageId, body: 'pesanan baru', editedAt: T0 + 60 },
      ],
      revokes: [{ accountId: acc, providerMessageId: revoked.providerMessageId, revokedAt: T0 + 70 }],
    });
    expect(report.messagesInserted).toBe(5);
    expect(report.rejectedCount).toBe(0);
    expect(integrityCheck(store)).not.toThrow();
    expect(found(store, 'sampai')).toEqual([plain.providerMessageId]);
    expect(found(store, 'terbuka')).toEqual([secret.providerMessageId]);
    expect(found(store, 'duabelas')).toEqual([edited.providerMessageId]);
    expect(found(store, 'sepuluh')).toEqual([]);
    expect(found(store, 'salah')).toEqual([]);
    expect(found(store, 'resume')).toEqual([caption.providerMessageId]);
    expect(found(store, 'pesanan')).toEqual([older.providerMessageId]);
    expect(found(store, 'lama')).toEqual([]);
  });

  it('indexes the optimistic row of a composed message, and drops it with the row when the echo was stored', () => {
    const clientMessageId = asClientMessageId(randomUUID());
    store.enqueueOutgoing({
      clientMessageId,
      accountId: acc,
      chatJid: JID,
      payload: { type: 'text', body: 'terima kasih banyak' },
      now: T0,
    });
    expect(found(store, 'banyak')).toHaveLength(1);
    const echo = msg(acc, JID, { fromMe: true, body: 'terima kasih banyak', timestamp: T0 + 1 });
    store.ingest({ messages: [echo] });
    store.confirmOutboxSent(clientMessageId, echo.providerMessageId, T0 + 2);
    expect(found(store, 'banyak')).toEqual([echo.providerMessageId]);
    expect(integrityCheck(store)).not.toThrow();
  });
});

describe('migration 0018_search_index_by_batch', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blazz-search-index-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('drops the per-row insert trigger and keeps the messages indexed before it searchable and editable', () => {
    const file = join(dir, 'store.sqlite');
    const n = journal().entries.findIndex(e => e.tag === '0018_search_index_by_batch');
    expect(n).toBeGreaterThan(0);
    const before = openStore({ file, migrationsDir: migrationsUpTo(dir, n), checkpointEveryMs: 0 });
    // Written as store 0017 wrote them (this build's ingest indexes rows itself): the trigger indexes them.
    before.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('acc1', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name, search_name) VALUES ('acc1:${JID}', 'acc1', '${JID}', 'Dewi', 'Dewi');
      INSERT INTO messages (seq, account_id, chat_id, provider_message_id, from_me, type, body, caption, ts, ack)
        VALUES (1024, 'acc1', 'acc1:${JID}', 'p1', 0, 'text', 'paket sudah sampai', NULL, 1, 2),
               (2048, 'acc1', 'acc1:${JID}', 'p2', 0, 'text', 'ongkir berapa', NULL, 2, 2),
               (3072, 'acc1', 'acc1:${JID}', 'p3', 0, 'image', NULL, 'foto barang', 3, 2);`);
    const trigger = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'messages_fts_ai'";
    expect(before.db.sqlite.prepare(trigger).pluck().get()).toBe(1);
    expect(found(before, 'sampai')).toEqual(['p1']);
    before.close();

    const after = openStore({ file, checkpointEveryMs: 0 });
    expect(after.db.sqlite.prepare(trigger).pluck().get()).toBe(0);
    expect(found(after, 'sampai')).toEqual(['p1']);
    expect(found(after, 'barang')).toEqual(['p3']);
    const acc = asAccountId('acc1');
    const fresh = msg(acc, JID, { body: 'paket kedua', timestamp: T0 });
    const report = after.ingest({
      messages: [fresh],
      edits: [{ accountId: acc, providerMessageId: 'p2', body: 'ongkos kirim', editedAt: T0 + 1 }],
    });
    expect([report.messagesInserted, report.updatesApplied, report.rejectedCount]).toEqual([1, 1, 0]);
    expect(found(after, 'paket')).toEqual(['p1', fresh.providerMessageId].sort());
    expect(found(after, 'ongkir')).toEqual([]);
    expect(found(after, 'ongkos')).toEqual(['p2']);
    expect(integrityCheck(after)).not.toThrow();
    after.close();
  });
});
