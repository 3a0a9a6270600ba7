/**
 * Unread is team state (chat:read): a teammate's read mark clears what came up to it on this
 * device, keeps what came after it unread, and an older mark changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { applySyncEvent, emptyEffects } from '../../../main/sync/apply';
import { REMOTE, chatIdOf, wireChat, wireMessage } from '../sync/wire-samples';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
const JID = '628111@c.us';

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

describe('a teammate’s read mark', () => {
  it('clears what came up to it and keeps newer customer messages unread', () => {
    const chatId = chatOfJid(acc, JID);
    store.ingest({
      messages: [
        msg(acc, JID, { timestamp: T0 + 1_000 }),
        msg(acc, JID, { timestamp: T0 + 2_000 }),
        msg(acc, JID, { timestamp: T0 + 3_000 }),
        msg(acc, JID, { timestamp: T0 + 4_000, fromMe: true }),
        msg(acc, JID, { timestamp: T0 + 5_000, type: 'system' }),
      ],
    });
    expect(store.getChat(chatId)?.unreadCount).toBe(3);
    store.markChatReadUpTo(chatId, T0 + 2_000);
    expect(store.getChat(chatId)?.unreadCount).toBe(1);
    // An older mark (a fact applied late) does not bring messages back.
    store.markChatReadUpTo(chatId, T0 + 1_000);
    expect(store.getChat(chatId)?.unreadCount).toBe(1);
    store.markChatReadUpTo(chatId, T0 + 3_000);
    expect(store.getChat(chatId)?.unreadCount).toBe(0);
    // A message after the mark counts as new again.
    store.ingest({ messages: [msg(acc, JID, { timestamp: T0 + 6_000 })] });
    expect(store.getChat(chatId)?.unreadCount).toBe(1);
  });
});

describe('chat:updated with readAt, applied on a desktop that does not host the number', () => {
  it('clears the unread a teammate read and leaves a hosted number to its own WhatsApp session', () => {
    const s = memoryStore();
    const apply = (hosted: string[], ev: Parameters<typeof applySyncEvent>[2]) =>
      applySyncEvent(
        { store: s, isHosted: id => hosted.includes(id), onMember: () => {}, memberName: () => 'someone' },
        emptyEffects(),
        ev,
      );
    const chatId = chatIdOf(1) as Parameters<Store['getChat']>[0];
    apply([], { type: 'chat:upserted', seq: 1, chat: wireChat(1) });
    apply([], {
      type: 'messages:upserted',
      seq: 2,
      chatId,
      messages: [
        wireMessage(1, 'a', { type: 'text', media: null, caption: null, body: 'one', timestamp: T0 + 1_000 }),
        wireMessage(1, 'b', {
          rowId: 42,
          type: 'text',
          media: null,
          caption: null,
          body: 'two',
          timestamp: T0 + 2_000,
        }),
      ],
    });
    expect(s.getChat(chatId)?.unreadCount).toBe(2);
    apply([], { type: 'chat:updated', seq: 3, chat: wireChat(1, { unreadCount: 0, readAt: T0 + 1_000 }) });
    expect(s.getChat(chatId)?.unreadCount).toBe(1);
    // Hosted here: WhatsApp's own count stands (the host marks it read through its session).
    apply([REMOTE], { type: 'chat:updated', seq: 4, chat: wireChat(1, { unreadCount: 0, readAt: T0 + 2_000 }) });
    expect(s.getChat(chatId)?.unreadCount).toBe(1);
    s.close();
  });
});
