/**
 * A batch's edits, and its revokes, are applied in one statement each (ingest/updates.ts):
 * the search index then writes one segment for them instead of one per edit. The outcome must
 * be the one of applying them one after another, which these tests spell out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, MessageId } from '../../../common/domain';
import type { EditUpdate, MessageInput, RevokeUpdate } from '../../../common/ingest';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore, msg, T0 } from './fixtures';

const JID = '628111@c.us';
const OTHER = '628222@c.us';

let store: Store;
let acc: AccountId;
beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

const edit = (m: MessageInput, body: string): EditUpdate => ({
  accountId: m.accountId,
  providerMessageId: m.providerMessageId,
  body,
  editedAt: T0 + 1,
});
const revoke = (m: MessageInput): RevokeUpdate => ({
  accountId: m.accountId,
  providerMessageId: m.providerMessageId,
  revokedAt: T0 + 1,
});
const idOf = (m: MessageInput) => `${m.accountId}:${m.providerMessageId}` as MessageId;
const stored = (m: MessageInput) => store.getMessages([idOf(m)])[0];
const found = (query: string): string[] =>
  store
    .searchMessages({ query })
    .hits.map(h => h.message.providerMessageId)
    .sort();
const segments = (): number =>
  store.db.sqlite.prepare('SELECT count(DISTINCT segid) FROM messages_fts_idx').pluck().get() as number;
const integrityCheck = () => {
  store.db.sqlite.exec('DELETE FROM messages WHERE body IS NULL AND caption IS NULL');
  store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)");
};

describe('edits of a batch, in one statement', () => {
  it('the last edit of a message wins, each edit that could apply counts, the others are ignored', () => {
    const text = msg(acc, JID, { body: 'harga sepuluh' });
    const photo = msg(acc, OTHER, { type: 'image', body: null, caption: 'foto lama' });
    const gone = msg(acc, JID, { body: 'salah kirim' });
    store.ingest({ messages: [text, photo, gone] });
    store.ingest({ revokes: [revoke(gone)] });
    const report = store.ingest({
      edits: [
        edit(text, 'harga sebelas'),
        edit(photo, 'foto baru'),
        edit(gone, 'tidak boleh'),
        { ...edit(text, 'x'), providerMessageId: 'not-stored' },
        edit(text, 'harga duabelas'),
      ],
    });
    expect(report).toMatchObject({ updatesApplied: 3, updatesIgnored: 2, rejectedCount: 0 });
    expect(report.updatedMessageIds).toEqual([idOf(text), idOf(photo)]);
    expect(stored(text)).toMatchObject({ body: 'harga duabelas', edited: true });
    expect(stored(photo)).toMatchObject({ body: null, caption: 'foto baru', edited: true });
    expect(stored(gone)).toMatchObject({ body: null, revoked: true, edited: false });
    expect(found('duabelas')).toEqual([text.providerMessageId]);
    expect(found('sebelas')).toEqual([]);
    expect(found('baru')).toEqual([photo.providerMessageId]);
    expect(integrityCheck).not.toThrow();
  });

  it('writes one search segment for a batch’s new messages and another for all its edits', () => {
    store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 0)");
    store.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('crisismerge', 1000)");
    const older = Array.from({ length: 5 }, (_, i) => msg(acc, JID, { body: `lama${i}` }));
    store.ingest({ messages: older });
    const before = segments();
    const fresh = Array.from({ length: 40 }, (_, i) => msg(acc, OTHER, { body: `baru${i}` }));
    const report = store.ingest({ messages: fresh, edits: older.map((m, i) => edit(m, `ubah${i}`)) });
    expect(report).toMatchObject({ messagesInserted: 40, updatesApplied: 5 });
    // One edit per statement wrote five segments of their own here.
    expect(segments() - before).toBe(2);
    expect(found('ubah3')).toEqual([older[3]?.providerMessageId]);
    expect(found('lama3')).toEqual([]);
    expect(found('baru7')).toEqual([fresh[7]?.providerMessageId]);
    expect(integrityCheck).not.toThrow();
  });

  it('edits of the batch’s own new messages and of another account’s message with the same id', () => {
    const acc2 = addAccount(store, 'acc2');
    const mine = msg(acc, JID, { body: 'pertama' });
    const theirs = { ...msg(acc2, JID, { body: 'punya mereka' }), providerMessageId: mine.providerMessageId };
    store.ingest({ messages: [theirs] });
    const report = store.ingest({
      messages: [mine],
      edits: [edit(mine, 'kedua'), edit(theirs, 'diubah juga'), { ...edit(mine, 'x'), accountId: 'nobody' }],
    });
    expect(report).toMatchObject({ messagesInserted: 1, updatesApplied: 2, rejectedCount: 1 });
    expect(report.rejected[0]).toMatchObject({ kind: 'edit', index: 2 });
    expect(stored(mine)?.body).toBe('kedua');
    expect(stored(theirs)?.body).toBe('diubah juga');
    expect(found('pertama')).toEqual([]);
    expect(found('kedua')).toEqual([mine.providerMessageId]);
    expect(integrityCheck).not.toThrow();
  });
});

describe('a group that fails, and groups of more than 100', () => {
  it('a failing statement is applied again one by one, and only the failing edit is rejected', () => {
    const [a, b, c] = [msg(acc, JID), msg(acc, JID), msg(acc, JID)];
    store.ingest({ messages: [a, b, c] });
    store.db.sqlite.exec(
      "CREATE TEMP TRIGGER refuse_boom BEFORE UPDATE OF body ON messages WHEN new.body = 'boom' BEGIN SELECT RAISE(ABORT, 'no boom'); END",
    );
    const report = store.ingest({ edits: [edit(a, 'satu'), edit(b, 'boom'), edit(c, 'tiga')] });
    expect(report).toMatchObject({ updatesApplied: 2, rejectedCount: 1 });
    expect(report.rejected[0]).toMatchObject({ kind: 'edit', index: 1, reason: 'no boom' });
    expect([stored(a)?.body, stored(b)?.body, stored(c)?.body]).toEqual(['satu', b.body, 'tiga']);
    expect(integrityCheck).not.toThrow();
  });

  it('250 edits and 250 revokes, in groups, as one after another', () => {
    const ms = Array.from({ length: 250 }, (_, i) => msg(acc, i % 2 ? JID : OTHER, { body: `asli${i}` }));
    store.ingest({ messages: ms });
    const edits = ms.map((m, i) => edit(m, `ubah${i}`));
    // The same message edited again in a later group: the later edit wins.
    edits.push(edit(ms[3] as MessageInput, 'terakhir'));
    const report = store.ingest({ edits });
    expect(report).toMatchObject({ updatesApplied: 251, rejectedCount: 0 });
    expect(stored(ms[3] as MessageInput)?.body).toBe('terakhir');
    expect(found('ubah200')).toEqual([ms[200]?.providerMessageId]);
    const revokes = ms.map(revoke);
    revokes.push(revoke(ms[0] as MessageInput));
    expect(store.ingest({ revokes })).toMatchObject({ updatesApplied: 250, updatesIgnored: 0, rejectedCount: 0 });
    expect(found('ubah200')).toEqual([]);
    expect(integrityCheck).not.toThrow();
  });
});

describe('revokes of a batch, in one statement', () => {
  it('the first revoke of a message applies; a repeat and one of a revoked message change nothing', () => {
    const a = msg(acc, JID, { body: 'nomor rekening' });
    const b = msg(acc, OTHER, { type: 'image', body: null, caption: 'foto ktp' });
    const old = msg(acc, JID, { body: 'sudah dihapus' });
    store.ingest({ messages: [a, b, old] });
    store.ingest({ revokes: [revoke(old)] });
    const report = store.ingest({
      revokes: [revoke(a), revoke(old), revoke(a), { ...revoke(a), providerMessageId: 'not-stored' }, revoke(b)],
    });
    expect(report).toMatchObject({ updatesApplied: 2, updatesIgnored: 1, rejectedCount: 0 });
    expect(report.updatedMessageIds).toEqual([idOf(a), idOf(b)]);
    expect(stored(a)).toMatchObject({ revoked: true, body: null });
    expect(stored(b)).toMatchObject({ revoked: true, caption: null, media: null });
    expect(found('rekening')).toEqual([]);
    expect(found('ktp')).toEqual([]);
    expect(store.getChat(`${acc}:${JID}` as never)).toMatchObject({ lastMessageKind: 'revoked' });
    expect(integrityCheck).not.toThrow();
  });

  it('revokes the batch’s own new messages and edits before them', () => {
    const m = msg(acc, JID, { body: 'salah kirim' });
    const n = msg(acc, JID, { body: 'juga salah' });
    const report = store.ingest({ messages: [m, n], edits: [edit(m, 'diubah dulu')], revokes: [revoke(m), revoke(n)] });
    expect(report).toMatchObject({ messagesInserted: 2, updatesApplied: 3, rejectedCount: 0 });
    expect(found('salah')).toEqual([]);
    expect(found('diubah')).toEqual([]);
    expect(integrityCheck).not.toThrow();
  });
});
