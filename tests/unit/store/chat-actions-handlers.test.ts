import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatActionsCommands } from '../../../common/api/chat-actions';
import type { AccountId, Chat } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { ProviderRequestInput } from '../../../main/accounts/provider';
import { chatActionsHandlers } from '../../../main/core/handlers/chat-actions';
import type { CallContext } from '../../../main/core/router';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from './fixtures';

let store: Store;
let acc: AccountId;
let requests: ProviderRequestInput[];
let emitted: Chat[][];
let remote: boolean;
let refuse: boolean;
const ctx: CallContext = { transport: 'internal' };

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
  store.ingest({
    chats: [{ accountId: acc, jid: '6281@c.us', isGroup: false, name: 'Rina Kusuma' }],
    messages: [msg(acc, '6281@c.us', { body: 'tolong cek resi' })],
  });
  store.markChatRead(chatOfJid(acc, '6281@c.us'));
  requests = [];
  emitted = [];
  remote = false;
  refuse = false;
});
afterEach(() => store.close());

/** The handlers over this test's store, recording what reaches the number and the UI. */
function handlers() {
  return chatActionsHandlers({
    store,
    accounts: {
      request: vi.fn((_id: string, req: ProviderRequestInput) => {
        requests.push(req);
        return refuse ? Promise.reject(new CommandError('unavailable', 'not connected')) : Promise.resolve(null);
      }) as never,
    },
    events: { emit: ((_name: string, p: { chats: Chat[] }) => emitted.push(p.chats)) as never },
    log: silentLogger,
    isRemote: () => remote,
  });
}

function setFlags(raw: unknown) {
  const args = chatActionsCommands['chats:setFlags'].args.parse(raw);
  return handlers()['chats:setFlags'](args, ctx) as Chat;
}

describe('chats:setFlags', () => {
  it('applies pin, archive, mute and unread locally, tells the UI and the number', () => {
    const chatId = chatOfJid(acc, '6281@c.us');
    const chat = setFlags({ chatId, pinned: true, muted: true, unread: true });
    expect(chat).toMatchObject({ pinned: true, muted: true, archived: false, unreadCount: 1 });
    expect(emitted).toEqual([[chat]]);
    expect(requests).toEqual([{ op: 'setChatFlags', chatJid: '6281@c.us', pinned: true, muted: true, unread: true }]);
    expect(setFlags({ chatId, archived: true, unread: false })).toMatchObject({
      pinned: true,
      archived: true,
      unreadCount: 0,
    });
    expect(store.inboxPage({ archived: true, limit: 10 }).items.map(c => c.id)).toEqual([chatId]);
    expect(store.inboxPage({ limit: 10 }).items).toEqual([]);
  });

  it('keeps the change on this device when the number is offline, and never asks a remote number', async () => {
    const chatId = chatOfJid(acc, '6281@c.us');
    refuse = true;
    expect(setFlags({ chatId, pinned: true })).toMatchObject({ pinned: true });
    await Promise.resolve();
    expect(store.getChat(chatId)).toMatchObject({ pinned: true });
    remote = true;
    requests = [];
    expect(setFlags({ chatId, muted: true })).toMatchObject({ muted: true });
    expect(requests).toEqual([]);
  });

  it('refuses an unknown chat and an empty change', () => {
    expect(() => setFlags({ chatId: 'acc1:nobody@c.us', pinned: true })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(chatActionsCommands['chats:setFlags'].args.safeParse({ chatId: chatOfJid(acc, '6281@c.us') }).success).toBe(
      false,
    );
    expect(
      chatActionsCommands['chats:setFlags'].args.safeParse({ chatId: chatOfJid(acc, '6281@c.us'), pinned: 'yes' })
        .success,
    ).toBe(false);
  });
});

describe('chats:setBlocked', () => {
  const setBlocked = (raw: unknown) =>
    handlers()['chats:setBlocked'](chatActionsCommands['chats:setBlocked'].args.parse(raw), ctx) as Promise<Chat>;
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'ok';
    } catch (err) {
      return err instanceof CommandError
        ? `${err.code}:${String((err.details as { reason?: string } | undefined)?.reason ?? '')}`
        : 'thrown';
    }
  };

  it('asks WhatsApp first, then marks the chat blocked and tells the UI; unblock undoes it', async () => {
    const chatId = chatOfJid(acc, '6281@c.us');
    const chat = await setBlocked({ chatId, blocked: true });
    expect(requests).toEqual([{ op: 'setBlocked', chatJid: '6281@c.us', blocked: true }]);
    expect(chat.blocked).toBe(true);
    expect(store.getChat(chatId)?.blocked).toBe(true);
    expect(emitted).toEqual([[chat]]);
    expect((await setBlocked({ chatId, blocked: false })).blocked).toBeUndefined();
  });

  it('changes nothing when the number cannot do it, and refuses groups and numbers run elsewhere', async () => {
    const chatId = chatOfJid(acc, '6281@c.us');
    refuse = true;
    expect(await codeOf(setBlocked({ chatId, blocked: true }))).toBe('unavailable:');
    expect(store.getChat(chatId)?.blocked).toBeUndefined();
    refuse = false;
    store.ingest({ chats: [{ accountId: acc, jid: '1203@g.us', isGroup: true, name: 'Grup' }] });
    expect(await codeOf(setBlocked({ chatId: chatOfJid(acc, '1203@g.us'), blocked: true }))).toBe('invalid_args:group');
    remote = true;
    expect(await codeOf(setBlocked({ chatId, blocked: true }))).toBe('invalid_args:remote');
    expect(requests).toHaveLength(1);
  });
});
