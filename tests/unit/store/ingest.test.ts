import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
const JID = '628111@c.us';

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

const count = (sql: string, ...args: unknown[]): number =>
  store.db.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('ingest: idempotency', () => {
  it('stores the same message twice as one row and reports it new only once', () => {
    const m = msg(acc, JID, { body: 'halo' });
    const first = store.ingest({ messages: [m] });
    const second = store.ingest({ messages: [m] });
    expect(first.messagesInserted).toBe(1);
    expect(first.newMessageIds).toEqual([`${acc}:${m.providerMessageId}`]);
    expect(second.messagesInserted).toBe(0);
    expect(second.newMessageIds).toEqual([]);
    expect(count('SELECT count(*) FROM messages')).toBe(1);
    expect(count('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?', 'halo')).toBe(1);
    expect(store.getChat(chatOfJid(acc, JID))?.unreadCount).toBe(1);
  });

  it('replaces an encrypted placeholder with its decrypted content in the same row', () => {
    const placeholder = msg(acc, JID, { type: 'ciphertext', body: null });
    store.ingest({ messages: [placeholder] });
    expect(store.getChat(chatOfJid(acc, JID))).toMatchObject({ lastMessageKind: 'ciphertext', lastMessagePreview: '' });
    const report = store.ingest({ messages: [{ ...placeholder, type: 'text', body: 'pesanan saya belum sampai' }] });
    expect(report.messagesUpdated).toBe(1);
    expect(report.updatedMessageIds).toEqual([`${acc}:${placeholder.providerMessageId}`]);
    const page = store.chatPage({ chatId: chatOfJid(acc, JID) });
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0]).toMatchObject({ type: 'text', body: 'pesanan saya belum sampai' });
    expect(store.getChat(chatOfJid(acc, JID))).toMatchObject({
      lastMessageKind: null,
      lastMessagePreview: 'pesanan saya belum sampai',
    });
    expect(store.searchMessages({ query: 'sampai' }).hits).toHaveLength(1);
    // A late copy of the placeholder never wipes the clear text.
    store.ingest({ messages: [placeholder] });
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.body).toBe('pesanan saya belum sampai');
  });

  it('keeps an edit when an older copy of the message arrives again, and keeps the highest ack', () => {
    const m = msg(acc, JID, { fromMe: true, body: 'harga 10rb', ack: 'read' });
    store.ingest({ messages: [m] });
    store.ingest({
      edits: [{ accountId: acc, providerMessageId: m.providerMessageId, body: 'harga 12rb', editedAt: T0 + 5000 }],
    });
    store.ingest({ messages: [{ ...m, ack: 'sent' }] });
    const [stored] = store.chatPage({ chatId: chatOfJid(acc, JID) }).messages;
    expect(stored).toMatchObject({ body: 'harga 12rb', edited: true, ack: 'read' });
  });

  it('counts only new incoming messages newer than the read mark as unread', () => {
    const chatId = chatOfJid(acc, JID);
    store.ingest({
      messages: [msg(acc, JID), msg(acc, JID), msg(acc, JID, { fromMe: true }), msg(acc, JID, { type: 'system' })],
    });
    expect(store.getChat(chatId)?.unreadCount).toBe(2);
    store.markChatRead(chatId);
    expect(store.getChat(chatId)?.unreadCount).toBe(0);
    // History older than what was read does not make the chat unread again.
    store.ingest({ messages: [msg(acc, JID, { timestamp: T0 - 60_000 })] });
    expect(store.getChat(chatId)?.unreadCount).toBe(0);
    store.ingest({ messages: [msg(acc, JID, { timestamp: Date.now() })] });
    expect(store.getChat(chatId)?.unreadCount).toBe(1);
  });

  it("lets the provider's own unread count win over counted messages in the same batch", () => {
    store.ingest({
      chats: [{ accountId: acc, jid: JID, isGroup: false, name: 'Budi', unreadCount: 0 }],
      messages: [msg(acc, JID), msg(acc, JID)],
    });
    const chat = store.getChat(chatOfJid(acc, JID));
    expect(chat).toMatchObject({ name: 'Budi', unreadCount: 0, lastMessagePreview: expect.stringMatching(/^hello/) });
  });

  it('stores messages in time order whatever order they arrive in', () => {
    const late = msg(acc, JID, { timestamp: T0 + 10_000_000, body: 'newest' });
    const early = msg(acc, JID, { timestamp: T0 - 10_000_000, body: 'oldest' });
    const sameMs = msg(acc, JID, { timestamp: T0 + 10_000_000, body: 'newest too' });
    store.ingest({ messages: [late] });
    store.ingest({ messages: [early, sameMs] });
    const bodies = store.chatPage({ chatId: chatOfJid(acc, JID) }).messages.map(m => m.body);
    expect(bodies).toEqual(['oldest', 'newest', 'newest too']);
    expect(store.getChat(chatOfJid(acc, JID))?.lastMessagePreview).toBe('newest too');
  });
});

describe('ingest: updates', () => {
  it('moves acks forward only, and applies failed only to a pending send', () => {
    const m = msg(acc, JID, { fromMe: true, ack: 'pending' });
    store.ingest({ messages: [m] });
    const ack = (a: 'sent' | 'delivered' | 'read' | 'failed') => ({
      accountId: acc,
      providerMessageId: m.providerMessageId,
      ack: a,
    });
    const r1 = store.ingest({ acks: [ack('read')] });
    const r2 = store.ingest({ acks: [ack('delivered'), ack('failed')] });
    expect(r1.updatesApplied).toBe(1);
    expect(r1.updatedMessageIds).toEqual([`${acc}:${m.providerMessageId}`]);
    expect(r2.updatesApplied).toBe(0);
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.ack).toBe('read');
  });

  it('ignores, without rejecting, updates about messages it does not hold', () => {
    const r = store.ingest({ acks: [{ accountId: acc, providerMessageId: 'nope', ack: 'read' }] });
    expect(r).toMatchObject({ updatesIgnored: 1, rejectedCount: 0, updatesApplied: 0 });
  });

  it('clears the text of a revoked message and drops it from search and the chat preview', () => {
    const m = msg(acc, JID, { body: 'nomor rekening 1234' });
    store.ingest({ messages: [m] });
    store.ingest({ revokes: [{ accountId: acc, providerMessageId: m.providerMessageId, revokedAt: T0 + 1 }] });
    expect(store.searchMessages({ query: 'rekening' }).hits).toEqual([]);
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]).toMatchObject({ revoked: true, body: null });
    // A code the screen words in the reader's language, and none of the deleted text.
    expect(store.getChat(chatOfJid(acc, JID))).toMatchObject({ lastMessageKind: 'revoked', lastMessagePreview: '' });
    // A re-delivered copy does not bring the text back.
    store.ingest({ messages: [m] });
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.body).toBeNull();
  });

  it('keeps reactions that arrive before their message, replaces by sender and removes on empty emoji', () => {
    const m = msg(acc, JID);
    const react = (emoji: string, ts: number, sender = '628999@c.us') => ({
      accountId: acc,
      providerMessageId: m.providerMessageId,
      senderJid: sender,
      emoji,
      timestamp: ts,
    });
    store.ingest({ reactions: [react('👍', T0 + 1)] });
    store.ingest({ messages: [m], reactions: [react('❤️', T0 + 2), react('😂', T0 + 3, '628777@c.us')] });
    store.ingest({ reactions: [react('🙏', T0)] }); // older than the stored one: ignored
    let reactions = store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.reactions;
    expect(reactions).toEqual([
      { senderJid: '628999@c.us', emoji: '❤️', timestamp: T0 + 2 },
      { senderJid: '628777@c.us', emoji: '😂', timestamp: T0 + 3 },
    ]);
    store.ingest({ reactions: [react('', T0 + 4)] });
    reactions = store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.reactions;
    expect(reactions).toEqual([{ senderJid: '628777@c.us', emoji: '😂', timestamp: T0 + 3 }]);
  });
});

describe('ingest: bad input', () => {
  it('rejects invalid items with a reason, counts them, and still stores the rest of the batch', () => {
    const good = [msg(acc, JID, { body: 'valid one' }), msg(acc, JID, { body: 'valid two' })];
    const bad: unknown[] = [
      { ...msg(acc, JID), providerMessageId: undefined },
      { ...msg(acc, JID), fromMe: 'yes' },
      { ...msg(acc, JID), timestamp: 1_700_000_000 }, // seconds, not ms: absurd
      { ...msg(acc, JID), timestamp: Date.now() + 365 * 86_400_000 },
      { ...msg(acc, JID), body: 'x'.repeat(10 * 1024 * 1024) },
      null,
      { ...msg(acc, JID), accountId: 'no-such-account' },
    ];
    const messages = [good[0], ...bad, good[1]] as never[];
    const report = store.ingest({ messages });
    expect(report.messagesInserted).toBe(2);
    expect(report.rejectedCount).toBe(7);
    expect(report.rejected.map(r => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.rejected.every(r => r.kind === 'message' && r.reason.length > 0)).toBe(true);
    expect(report.rejected[0]?.reason).toMatch(/providerMessageId/);
    expect(report.rejected[2]?.reason).toMatch(/timestamp/);
    expect(report.rejected[6]?.reason).toMatch(/unknown account/);
    expect(count('SELECT count(*) FROM messages')).toBe(2);
    expect(count("SELECT count(*) FROM chats WHERE account_id = 'no-such-account'")).toBe(0);
  });

  it('rejects a batch that is not an object, or arrays that are not arrays, without throwing', () => {
    expect(store.ingest(null as never).rejectedCount).toBe(1);
    const r = store.ingest({
      messages: 'nope',
      chats: [{ accountId: acc, jid: JID, isGroup: false, name: 'ok' }],
    } as never);
    expect(r.rejected).toEqual([{ kind: 'batch', index: 0, reason: 'messages must be an array' }]);
    expect(r.chats).toBe(1);
  });

  it('splits a large history import into small transactions with one merged report', () => {
    const many = Array.from({ length: 1203 }, () => msg(acc, JID));
    const r = store.importMessages(many, 100);
    expect(r.messagesInserted).toBe(1203);
    expect(r.chatIds).toEqual([chatOfJid(acc, JID)]);
    expect(count('SELECT count(*) FROM messages')).toBe(1203);
  });
});

describe('ingest: timing', () => {
  it("counts the writer's wait before its transaction (the checkpoint thread's RESTART) as beginMs", () => {
    const wait = () => {
      const until = performance.now() + 30;
      while (performance.now() < until);
    };
    store.db.beforeWrite = wait;
    const r = store.ingest({ messages: [msg(acc, JID, { body: 'halo' })] });
    expect(r.messagesInserted).toBe(1);
    expect(r.timing.beginMs).toBeGreaterThanOrEqual(30);
  });
});
