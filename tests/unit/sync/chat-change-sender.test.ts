/**
 * The status/tag queue's answers from the server: accepted, a repeat of something already
 * applied (a conflict that already holds our value), a real conflict, and no connection.
 */
import { describe, expect, it } from 'vitest';
import type { ChatId, ChatStatus } from '../../../common/domain';
import type { WireChat } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { createChatChangeSender } from '../../../main/sync/chat-change-sender';
import { addAccount, memoryStore, msg } from '../store/fixtures';

function setup(
  answer: (chat: WireChat) => WireChat | CommandError,
  flagAnswer: (chat: WireChat) => WireChat | CommandError = w => w,
) {
  const store = memoryStore();
  const accountId = addAccount(store);
  const chatId = store.ingest({ messages: [msg(accountId, '6281@c.us')] }).chatIds[0]!;
  store.applyChatWorkspace(chatId, { status: 'open', assigneeId: null, tags: [], version: 4 });
  const sent: { status: ChatStatus; version: number }[] = [];
  const flagsSent: { pinned?: boolean; archived?: boolean }[] = [];
  const wire = (over: Partial<WireChat>): WireChat => ({
    id: chatId,
    accountId,
    jid: '6281@c.us',
    isGroup: false,
    name: 'x',
    lastMessageAt: null,
    unreadCount: 0,
    status: 'open',
    assigneeId: null,
    tags: [],
    version: 4,
    ...over,
  });
  let online = true;
  const sender = createChatChangeSender({
    store,
    setStatus: args => {
      sent.push({ status: args.status, version: args.version });
      const r = answer(wire({ status: args.status, version: args.version + 1 }));
      return r instanceof CommandError ? Promise.reject(r) : Promise.resolve(r);
    },
    setTags: () => Promise.reject(new CommandError('internal', 'not used')),
    setFlags: ({ chatId: _id, ...flags }) => {
      flagsSent.push(flags);
      const r = flagAnswer(wire({ ...flags, version: 5 }));
      return r instanceof CommandError ? Promise.reject(r) : Promise.resolve(r);
    },
    isOnline: () => online,
    events: { emit: () => {} },
    log: silentLogger,
  });
  return { store, chatId, sent, flagsSent, wire, sender, goOnline: (v: boolean) => (online = v) };
}

const statusOf = (store: Store, chatId: ChatId) => store.getChat(chatId)?.status;

describe('chat change sender', () => {
  it('sends a queued status once with the version the agent saw', async () => {
    const { store, chatId, sent, sender } = setup(w => w);
    sender.enqueue(chatId, 'status', 'resolved');
    await sender.flush();
    expect(sent).toEqual([{ status: 'resolved', version: 4 }]);
    expect(store.listChatChanges()).toEqual([]);
    expect(store.getChat(chatId)).toMatchObject({ status: 'resolved', version: 5 });
  });

  it('a conflict whose chat already holds our value is done (our earlier send landed)', async () => {
    const t = setup(w => new CommandError('conflict', 'stale', { chat: { ...w, version: 9 } }));
    t.sender.enqueue(t.chatId, 'status', 'resolved');
    await t.sender.flush();
    expect(t.store.listChatChanges()).toEqual([]);
    expect(t.store.getChat(t.chatId)).toMatchObject({ status: 'resolved', version: 9 });
  });

  it('a conflict with another value is kept for the agent; Keep theirs drops ours', async () => {
    const t = setup(w => new CommandError('conflict', 'stale', { chat: { ...w, status: 'pending', version: 9 } }));
    t.sender.enqueue(t.chatId, 'status', 'resolved');
    await t.sender.flush();
    expect(t.store.getChatChange(t.chatId, 'status')).toMatchObject({ state: 'conflict', serverValue: 'pending' });
    expect(statusOf(t.store, t.chatId)).toBe('pending');
    // Conflicts wait: another flush sends nothing.
    await t.sender.flush();
    expect(t.sent).toHaveLength(1);
    expect(t.sender.keepTheirs(t.chatId, 'status')).toBe(true);
    expect(t.store.listChatChanges()).toEqual([]);
  });

  it('offline nothing is sent and the change stays shown; unreachable keeps it queued', async () => {
    const t = setup(() => new CommandError('unavailable', 'no link'));
    t.goOnline(false);
    t.sender.enqueue(t.chatId, 'status', 'pending');
    await t.sender.flush();
    expect(t.sent).toEqual([]);
    expect(statusOf(t.store, t.chatId)).toBe('pending');
    t.goOnline(true);
    await t.sender.flush();
    expect(t.store.getChatChange(t.chatId, 'status')?.state).toBe('queued');
    expect(statusOf(t.store, t.chatId)).toBe('pending');
    t.sender.close();
  });

  it('pin and archive made offline wait, show at once, go once online, and never ask the agent', async () => {
    const t = setup(w => w);
    t.goOnline(false);
    t.sender.shareFlags(t.chatId, { pinned: true, archived: true });
    expect(t.store.getChat(t.chatId)).toMatchObject({ pinned: true, archived: true });
    expect(t.flagsSent).toEqual([]);
    // The agent's pending list is for status and tags only.
    expect(t.sender.pending(t.chatId)).toEqual([]);
    t.goOnline(true);
    await t.sender.flush();
    expect(t.flagsSent).toEqual([{ pinned: true }, { archived: true }]);
    expect(t.store.listChatChanges()).toEqual([]);
    expect(t.store.getChat(t.chatId)).toMatchObject({ pinned: true, archived: true, version: 5 });
  });

  it('a refused flag is dropped; one that kept racing other writes goes again', async () => {
    const refused = setup(
      w => w,
      () => new CommandError('not_found', 'gone'),
    );
    refused.sender.shareFlags(refused.chatId, { pinned: true });
    await refused.sender.flush();
    expect(refused.store.listChatChanges()).toEqual([]);

    const raced = setup(
      w => w,
      w => new CommandError('conflict', 'raced', { chat: { ...w, pinned: false, version: 9 } }),
    );
    raced.sender.shareFlags(raced.chatId, { pinned: true });
    await raced.sender.flush();
    expect(raced.store.getChatChange(raced.chatId, 'pinned')).toMatchObject({ state: 'queued', value: true });
    expect(raced.store.getChat(raced.chatId)).toMatchObject({ pinned: true });
    raced.sender.close();
  });
});
