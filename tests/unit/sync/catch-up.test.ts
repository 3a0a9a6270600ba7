/**
 * A chat that becomes visible on this desktop gets its history fetched once; no event
 * brings it later, so a failed fetch is tried again (and, after a long outage, on the next
 * connect), and a chat revoked meanwhile does not come back with its messages.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatId } from '../../../common/domain';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { ingestWireMessages } from '../../../main/sync/message-inputs';
import { createCatchUp } from '../../../main/sync/catch-up';
import { CommandError } from '../../../common/result';
import { addAccount, memoryStore } from '../store/fixtures';
import { REMOTE, T0, chatIdOf, jidOf, wireMessage } from './wire-samples';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  vi.useRealTimers();
});

function setUp(replies: Array<() => unknown>) {
  const s = (store = memoryStore());
  addAccount(s, REMOTE);
  s.ingest({ chats: [{ accountId: REMOTE, jid: jidOf(1), isGroup: false, name: 'Customer 1' }] });
  let asked = 0;
  const call = vi.fn(async (name: string) => {
    if (name === 'chat:get') return { notes: [] };
    const reply = replies[Math.min(asked++, replies.length - 1)]!;
    return reply();
  });
  const queue: Promise<void>[] = [];
  const catchUp = createCatchUp(
    {
      store: s,
      call: call as never,
      applyContext: { store: s, isHosted: () => false, onMember: () => undefined, memberName: () => 'Teammate' },
      emitEffects: () => undefined,
      events: { emit: () => undefined },
      log: silentLogger,
      loaded: { add: () => undefined },
    },
    work => {
      const p = work();
      queue.push(p);
      return p;
    },
  );
  const messages = () => s.chatPage({ chatId: chatIdOf(1) as ChatId, limit: 50 }).messages;
  return { s, call, catchUp, queue, messages };
}

const unavailable = () => {
  throw new CommandError('unavailable', 'The workspace server is not reachable right now.');
};

describe('chat history of a newly visible chat', () => {
  it('is fetched again after a failure, until it arrives', async () => {
    vi.useFakeTimers();
    const t = setUp([
      unavailable,
      unavailable,
      () => [wireMessage(1, 'h1', { type: 'text', body: 'halo', media: null })],
    ]);
    await t.catchUp.backfill(chatIdOf(1));
    expect(t.messages()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(t.queue);
    expect(t.messages()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(t.queue);
    expect(t.messages().map(m => m.body)).toEqual(['halo']);
    expect(t.call.mock.calls.filter(c => c[0] === 'messages:list')).toHaveLength(3);
  });

  it('gives up after a few tries, and a closed sync tries no more', async () => {
    vi.useFakeTimers();
    const t = setUp([unavailable]);
    await t.catchUp.backfill(chatIdOf(1));
    await vi.advanceTimersByTimeAsync(1_000 + 5_000 + 30_000 + 60_000);
    await Promise.all(t.queue);
    expect(t.call.mock.calls.filter(c => c[0] === 'messages:list')).toHaveLength(4);

    const closed = setUp([unavailable]);
    await closed.catchUp.backfill(chatIdOf(1));
    closed.catchUp.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(closed.call.mock.calls.filter(c => c[0] === 'messages:list')).toHaveLength(1);
  });

  it('one that ran out of tries in a long outage is fetched on the next connect, once', async () => {
    vi.useFakeTimers();
    let down = true;
    const t = setUp([
      () => (down ? unavailable() : [wireMessage(1, 'h1', { type: 'text', body: 'halo', media: null })]),
    ]);
    await t.catchUp.backfill(chatIdOf(1));
    await vi.advanceTimersByTimeAsync(1_000 + 5_000 + 30_000);
    await Promise.all(t.queue);
    expect(t.messages()).toHaveLength(0);
    down = false;
    t.catchUp.retryOwed();
    await Promise.all(t.queue);
    expect(t.messages().map(m => m.body)).toEqual(['halo']);
    // Paid: a later connect asks for nothing more.
    const asked = t.call.mock.calls.filter(c => c[0] === 'messages:list').length;
    t.catchUp.retryOwed();
    await Promise.all(t.queue);
    expect(t.call.mock.calls.filter(c => c[0] === 'messages:list')).toHaveLength(asked);
  });

  it('a chat revoked while its history was on the way stays gone, messages and all', async () => {
    const t = setUp([
      () => {
        t.s.deleteChat(chatIdOf(1) as ChatId);
        return [wireMessage(1, 'late', { type: 'text', body: 'too late', media: null })];
      },
    ]);
    await t.catchUp.backfill(chatIdOf(1));
    expect(t.s.getChat(chatIdOf(1) as ChatId)).toBeNull();
    expect(t.s.getMessages([`${REMOTE}:late` as never])).toEqual([]);
  });
});

describe('reactions from the workspace', () => {
  it('are stored with their message, and a removal takes the sender’s reaction away', () => {
    const t = setUp([]);
    const react = (emoji: string, timestamp: number) =>
      wireMessage(1, 'r1', {
        type: 'text',
        body: 'hi',
        media: null,
        reactions: [{ senderJid: jidOf(9), emoji, timestamp }],
      });
    ingestWireMessages(t.s, [react('👍', T0 + 10)]);
    expect(t.messages()[0]?.reactions.map(r => r.emoji)).toEqual(['👍']);
    ingestWireMessages(t.s, [react('', T0 + 20)]);
    expect(t.messages()[0]?.reactions).toEqual([]);
  });
});
