/**
 * What the desktop does with malformed payloads from the workspace server: the event log
 * (main/sync/event-log.ts, parsing in facts.ts) on a real SQLite store with the real
 * applySyncEvent, fed live packets and pull pages as they would come off the socket.
 * tests/integration/sync/malformed-wire.test.ts sends the same through a real socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatId, MessageId } from '../../../common/domain';
import type { SyncEvent } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { Logger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import type { ApplyContext } from '../../../main/sync/apply';
import { applySyncEvent } from '../../../main/sync/apply';
import { createEventLog, readCursor } from '../../../main/sync/event-log';
import { createTypingRelay } from '../../../main/sync/typing';
import { memoryStore } from '../store/fixtures';
import { REMOTE, chatIdOf, wireChat, wireMessage, wireTyping, withValue } from './wire-samples';

type Line = { level: 'info' | 'warn' | 'error'; msg: string; data?: Record<string, unknown> };

function recordingLog(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  return {
    lines,
    info: (msg, data) => lines.push({ level: 'info', msg, data }),
    warn: (msg, data) => lines.push({ level: 'warn', msg, data }),
    error: (msg, data) => lines.push({ level: 'error', msg, data }),
  };
}

const chatUpserted = (seq: number, n: number): SyncEvent => ({ type: 'chat:upserted', seq, chat: wireChat(n) });
const messagesUpserted = (seq: number, n: number, pm: string): SyncEvent => ({
  type: 'messages:upserted',
  seq,
  chatId: chatIdOf(n),
  messages: [wireMessage(n, pm, { type: 'text', body: `text of ${pm}`, caption: null, media: null })],
});

let store: Store | undefined;
afterEach(() => store?.close());

/** An event log as workspace-sync builds it, with the server's replies scripted per pull. */
function eventLog(pages: unknown[] = []) {
  const s = memoryStore();
  store = s;
  const log = recordingLog();
  const ctx: ApplyContext = { store: s, isHosted: () => false, onMember: () => {}, memberName: () => 'Teammate' };
  let chain: Promise<void> = Promise.resolve();
  const pulls: { cursor: number }[] = [];
  const events = createEventLog({
    store: s,
    pull: async args => {
      pulls.push({ cursor: args.cursor });
      return pages.length > 0 ? pages.shift() : { events: [], cursor: args.cursor, hasMore: false };
    },
    apply: (fx, ev) => applySyncEvent(ctx, fx, ev),
    emitEffects: () => {},
    enqueue: work => (chain = chain.then(work)),
    // Offline: the debounced pull after live facts does not run; the tests pull themselves.
    isOnline: () => false,
    announce: () => {},
    log,
  });
  return {
    store: s,
    log,
    events,
    pulls,
    settled: () => chain,
    hasChat: (n: number) => s.getChat(chatIdOf(n) as ChatId) !== null,
    hasMessage: (pm: string) => s.getMessages([`${REMOTE}:${pm}` as MessageId]).length === 1,
    errors: () => log.lines.filter(l => l.level === 'error'),
  };
}

describe('a live sync:facts packet with a malformed fact', () => {
  it('applies the valid facts in order and logs the malformed one once, by seq, type and field', async () => {
    const t = eventLog();
    const badChat = withValue(chatUpserted(2, 2), ['chat', 'version'], 'v2');
    const badMessages = withValue(messagesUpserted(4, 1, 'pm-bad'), ['messages', 0, 'fromMe'], 'no');
    t.events.live([chatUpserted(1, 1), badChat, messagesUpserted(3, 1, 'pm-1'), badMessages, chatUpserted(5, 3)]);
    await t.settled();
    t.events.close();

    expect([t.hasChat(1), t.hasChat(2), t.hasChat(3)]).toEqual([true, false, true]);
    expect([t.hasMessage('pm-1'), t.hasMessage('pm-bad')]).toEqual([true, false]);
    expect(t.errors()).toHaveLength(1);
    expect(t.errors()[0]!.data).toMatchObject({
      source: 'sync:facts',
      dropped: 2,
      of: 5,
      facts: [
        { seq: 2, type: 'chat:upserted', issues: [expect.stringMatching(/^chat\.version: /)] },
        { seq: 4, type: 'messages:upserted', issues: [expect.stringMatching(/^messages\.0\.fromMe: /)] },
      ],
    });
    // Live facts never move the cursor (only pull pages do).
    expect(readCursor(t.store)).toBe(0);
  });

  it('a packet that is not an array is logged and ignored', async () => {
    const t = eventLog();
    t.events.live({ 0: chatUpserted(1, 1) });
    t.events.live(null);
    await t.settled();
    t.events.close();
    expect(t.hasChat(1)).toBe(false);
    expect(t.errors().map(l => l.msg)).toEqual([
      'malformed workspace packet ignored',
      'malformed workspace packet ignored',
    ]);
  });

  it('a fact whose type and seq cannot be read is still named as far as possible', async () => {
    const t = eventLog();
    t.events.live(['chat:upserted', chatUpserted(1, 1)]);
    await t.settled();
    t.events.close();
    expect(t.hasChat(1)).toBe(true);
    expect(t.errors()[0]!.data).toMatchObject({ facts: [{ seq: null, type: null, issues: [expect.any(String)] }] });
  });
});

describe('a sync:pull page with a malformed fact', () => {
  it('applies the rest, drops that fact with a log line, and moves the cursor to the page’s', async () => {
    const bad = withValue(chatUpserted(7, 3), ['chat', 'status'], 'closed');
    const t = eventLog([
      { events: [chatUpserted(5, 1), messagesUpserted(6, 1, 'pm-1'), bad], cursor: 7, hasMore: true },
      { events: [chatUpserted(9, 2)], cursor: 9, hasMore: false },
    ]);
    await t.events.pullAll();

    expect([t.hasChat(1), t.hasMessage('pm-1'), t.hasChat(3), t.hasChat(2)]).toEqual([true, true, false, true]);
    expect(readCursor(t.store)).toBe(9);
    // The second page was asked for from past the dropped fact: it is not fetched again.
    expect(t.pulls).toEqual([{ cursor: 0 }, { cursor: 7 }]);
    expect(t.errors()).toHaveLength(1);
    expect(t.errors()[0]!.data).toMatchObject({
      source: 'sync:pull',
      dropped: 1,
      facts: [{ seq: 7, type: 'chat:upserted', issues: [expect.stringMatching(/^chat\.status: /)] }],
    });
  });

  it('a fact a newer server extended, in an extended page, is applied', async () => {
    const newer = { ...chatUpserted(1, 1), origin: 'web', chat: { ...wireChat(1), priority: 'high' } };
    const t = eventLog([{ events: [newer], cursor: 1, hasMore: false, serverTime: 1 }]);
    await t.events.pullAll();
    expect(t.hasChat(1)).toBe(true);
    expect(readCursor(t.store)).toBe(1);
    expect(t.errors()).toEqual([]);
  });
});

describe('a sync:pull reply whose envelope is malformed', () => {
  it.each([
    ['a cursor that is not a number', { events: [chatUpserted(1, 1)], cursor: '1', hasMore: false }],
    ['events that are not a list', { events: { 0: chatUpserted(1, 1) }, cursor: 1, hasMore: false }],
    ['no hasMore', { events: [chatUpserted(1, 1)], cursor: 1 }],
    ['nothing at all', null],
  ])('(%s) fails the pull, applies nothing, and the next pull starts from the same cursor', async (_what, reply) => {
    const t = eventLog([reply, { events: [chatUpserted(1, 1)], cursor: 1, hasMore: false }]);
    const failed = await t.events.pullAll().then(
      () => null,
      (err: unknown) => err,
    );
    expect(failed).toBeInstanceOf(CommandError);
    expect(failed).toMatchObject({ code: 'internal', details: { reason: 'invalid_reply' } });
    expect(t.hasChat(1)).toBe(false);
    expect(readCursor(t.store)).toBe(0);

    // Retried like any failed pull: a good page then applies.
    await t.events.pullAll();
    expect(t.pulls).toEqual([{ cursor: 0 }, { cursor: 0 }]);
    expect(t.hasChat(1)).toBe(true);
    expect(readCursor(t.store)).toBe(1);
  });
});

describe('typing:changed', () => {
  it('a malformed one is logged and dropped; a valid one is shown', () => {
    const log = recordingLog();
    const shown: unknown[] = [];
    const typing = createTypingRelay({
      call: async () => undefined,
      isOnline: () => true,
      myMemberId: () => 'someone-else',
      events: { emit: (_name, payload) => shown.push(payload) },
      log,
    });
    typing.received(withValue(wireTyping, ['expiresAt'], 'soon'));
    expect(shown).toEqual([]);
    expect(log.lines).toMatchObject([
      { level: 'warn', data: { event: 'typing:changed', issues: [expect.stringMatching(/^expiresAt: /)] } },
    ]);
    typing.received({ ...wireTyping, addedLater: true });
    expect(shown).toEqual([{ typing: wireTyping }]);
  });
});
