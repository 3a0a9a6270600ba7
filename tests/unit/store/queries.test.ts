import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, ChatId, MemberId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { inboxQuery, UNREAD_COUNTS_SQL } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let a1: AccountId;
let a2: AccountId;

beforeEach(() => {
  store = memoryStore();
  a1 = addAccount(store, 'acc1');
  a2 = addAccount(store, 'acc2');
});
afterEach(() => store.close());

/** n chats per account, chat i's last message at T0 + i minutes. */
function seedChats(n: number): ChatId[] {
  const ids: ChatId[] = [];
  for (let i = 0; i < n; i++) {
    const acc = i % 2 === 0 ? a1 : a2;
    const jid = `62800${i}@c.us`;
    store.ingest({ messages: [msg(acc, jid, { timestamp: T0 + i * 60_000 })] });
    ids.push(chatOfJid(acc, jid));
  }
  return ids;
}

describe('unified inbox', () => {
  it('pages newest first across accounts with a keyset cursor, without gaps or overlaps', () => {
    const ids = seedChats(23);
    const seen: ChatId[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = store.inboxPage({ cursor, limit: 5 });
      seen.push(...page.items.map(c => c.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual([...ids].reverse());
  });

  it('keeps pinned chats on top and archived chats in their own list', () => {
    const ids = seedChats(4);
    store.setChatLocalState(ids[0] as ChatId, { pinned: true });
    store.setChatLocalState(ids[3] as ChatId, { archived: true });
    expect(store.inboxPage({}).items.map(c => c.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(store.inboxPage({ archived: true }).items.map(c => c.id)).toEqual([ids[3]]);
  });

  it('filters by account, status, assignee, unread and tag', () => {
    const ids = seedChats(6);
    const [c0, c1, c2, c3] = ids as [ChatId, ChatId, ChatId, ChatId];
    store.applyChatWorkspace(c0, { status: 'pending', assigneeId: 'm1' as MemberId, tags: ['vip'], version: 1 });
    store.applyChatWorkspace(c1, {
      status: 'resolved',
      assigneeId: 'm2' as MemberId,
      tags: ['refund', 'vip'],
      version: 1,
    });
    store.applyChatWorkspace(c2, { status: 'open', assigneeId: 'm1' as MemberId, tags: [], version: 1 });
    store.markChatRead(c3);
    const ids0 = (f: Parameters<Store['inboxPage']>[0]) => store.inboxPage(f).items.map(c => c.id);
    expect(ids0({ accountIds: [a2] })).toEqual([ids[5], ids[3], ids[1]]);
    expect(ids0({ statuses: ['pending', 'resolved'] })).toEqual([c1, c0]);
    expect(ids0({ assigneeId: 'm1' })).toEqual([c2, c0]);
    expect(ids0({ assigneeId: null })).toEqual([ids[5], ids[4], c3]);
    expect(ids0({ tag: 'vip' })).toEqual([c1, c0]);
    expect(ids0({ unreadOnly: true, accountIds: [a2] })).toEqual([ids[5], c1]);
    expect(ids0({ accountIds: [a1], statuses: ['open'], assigneeId: null })).toEqual([ids[4]]);
  });

  it('applies workspace state only when its version is newer', () => {
    const [c0] = seedChats(1) as [ChatId];
    expect(store.applyChatWorkspace(c0, { status: 'pending', assigneeId: null, tags: ['a'], version: 2 })).toBe(true);
    expect(store.applyChatWorkspace(c0, { status: 'open', assigneeId: null, tags: [], version: 1 })).toBe(false);
    expect(store.getChat(c0)).toMatchObject({ status: 'pending', tags: ['a'], version: 2 });
  });

  it('counts unread chats and messages per account, and gives per-chat watermarks', () => {
    const ids = seedChats(4);
    store.ingest({ messages: [msg(a1, '628000@c.us', { timestamp: T0 + 999_000 })] });
    store.setChatLocalState(ids[2] as ChatId, { archived: true });
    expect(store.unreadCounts()).toEqual([
      { accountId: a1, unreadChats: 1, unreadMessages: 2 },
      { accountId: a2, unreadChats: 2, unreadMessages: 2 },
    ]);
    const marks = store.chatWatermarks(a1);
    expect(marks.get('628000@c.us')).toBe(T0 + 999_000);
    expect(marks.get('628002@c.us')).toBe(T0 + 2 * 60_000);
    expect(marks.size).toBe(2);
  });
});

describe('chat page', () => {
  const JID = '62899@c.us';
  let chatId: ChatId;
  let pmids: string[];

  beforeEach(() => {
    const ms = Array.from({ length: 30 }, (_, i) => msg(a1, JID, { timestamp: T0 + i * 1000, body: `m${i}` }));
    store.ingest({ messages: ms, chats: [] });
    store.ingest({ messages: [msg(a1, '62800@c.us')] }); // another chat must never leak in
    chatId = chatOfJid(a1, JID);
    pmids = ms.map(m => m.providerMessageId);
  });

  const bodies = (p: { messages: { body: string | null }[] }) => p.messages.map(m => m.body);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

  it('returns the newest messages oldest-first, then older pages by cursor', () => {
    const newest = store.chatPage({ chatId, limit: 10 });
    expect(bodies(newest)).toEqual(range(20, 30));
    expect(newest.newerCursor).toBeNull();
    const older = store.chatPage({ chatId, limit: 10, before: newest.olderCursor });
    expect(bodies(older)).toEqual(range(10, 20));
    const oldest = store.chatPage({ chatId, limit: 10, before: older.olderCursor });
    expect(bodies(oldest)).toEqual(range(0, 10));
    expect(oldest.olderCursor).toBeNull();
  });

  it('jumps to a message with it in the middle, then pages both ways', () => {
    const around = store.chatPage({ chatId, limit: 10, aroundMessageId: `${a1}:${pmids[12]}` as never });
    expect(bodies(around)).toEqual(range(8, 18));
    const newer = store.chatPage({ chatId, limit: 10, after: around.newerCursor });
    expect(bodies(newer)).toEqual(range(18, 28));
    const last = store.chatPage({ chatId, limit: 10, after: newer.newerCursor });
    expect(bodies(last)).toEqual(range(28, 30));
    expect(last.newerCursor).toBeNull();
    const before = store.chatPage({ chatId, limit: 10, before: around.olderCursor });
    expect(bodies(before)).toEqual(range(0, 8));
  });

  it('gets messages by id for events, and ignores unknown ids', () => {
    const got = store.getMessages([`${a1}:${pmids[3]}`, `${a1}:nope`, `${a1}:${pmids[1]}`] as never);
    expect(got.map(m => m.body)).toEqual(['m1', 'm3']);
  });
});

describe('query plans', () => {
  // Not a timing test: it pins the plan the inbox's speed depends on (walk the inbox index
  // in order and stop at the page size, never sort every chat).
  it('walks the inbox index in order for every filter, without a sort', () => {
    seedChats(3);
    const requests: Parameters<typeof inboxQuery>[0][] = [
      {},
      { accountIds: [a1], statuses: ['open', 'pending'], cursor: '0:123:acc1:x' },
      { unreadOnly: true, assigneeId: null },
      { tag: 'vip', assigneeId: 'm1', archived: true },
    ];
    for (const req of requests) {
      const { sql, params } = inboxQuery(req);
      const steps = store.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as {
        parent: number;
        detail: string;
      }[];
      const plan = steps.map(p => p.detail);
      expect(plan.some(d => /INDEX chats_inbox/.test(d))).toBe(true);
      // The chats themselves are never sorted (a sort inside the last message's mentions
      // picks one contact per mentioned person, only for rows whose last message mentions).
      expect(steps.some(p => p.parent === 0 && /TEMP B-TREE/.test(p.detail))).toBe(false);
      // The last message (for its mentions) is found by its rowid, not searched for.
      expect(plan.some(d => /SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/.test(d))).toBe(true);
    }
  });

  it("counts each number's unread badge from the unread chats only", () => {
    seedChats(3);
    const plan = (store.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${UNREAD_COUNTS_SQL}`).all() as { detail: string }[])
      .map(p => p.detail)
      .join(' | ');
    // A range of the partial index per number; the old join walked every chat per number.
    expect(plan).toMatch(/SEARCH c USING COVERING INDEX chats_unread \(account_id=\? AND unread_count>\?\)/);
    expect(plan).not.toMatch(/chats_inbox|SCAN c/);
  });

  it('pages a chat and newest search matches without a sort', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      (store.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map(p => p.detail)
        .join(' | ');
    const chat = plan(
      'SELECT seq FROM messages m WHERE m.chat_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT 51',
      'x',
      1,
    );
    expect(chat).toMatch(/INDEX messages_chat_seq/);
    expect(chat).not.toMatch(/TEMP B-TREE/);
    const search = plan(
      'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 51',
      '"x"',
    );
    expect(search).not.toMatch(/TEMP B-TREE/);
  });
});
