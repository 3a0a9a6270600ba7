/**
 * Reactions pushed by the host reach teammates with their messages: live, in pulls and in
 * messages:list. The newest reaction per sender wins whatever order pushes arrive in, a
 * removal reaches devices as an empty emoji, and a reaction pushed before its message
 * travels with the message once it comes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireMessage } from '../../../common/protocol';
import type { Stack } from './harness';
import { NOW, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SENDER = '628555@c.us';
const OTHER = '628666@c.us';

type Upserted = Extract<SyncEvent, { type: 'messages:upserted' }>;

/** The message as a pull from the start shows it (the last fact that carries it). */
async function pulled(socket: Awaited<ReturnType<Stack['device']>>['socket'], id: string): Promise<WireMessage> {
  const page = await must(socket, 'sync:pull', { cursor: 0, limit: 1000 });
  const found = page.events
    .filter((e): e is Upserted => e.type === 'messages:upserted')
    .flatMap(e => e.messages)
    .filter(m => m.providerMessageId === id);
  expect(found.length).toBeGreaterThan(0);
  return found[found.length - 1]!;
}

const reaction = (accountId: string, emoji: string, timestamp: number, senderJid = SENDER) => ({
  accountId,
  providerMessageId: 'm1',
  senderJid,
  emoji,
  timestamp,
});

describe('reactions', () => {
  it('reach a teammate live, in a pull and in the chat’s history, newest per sender', async () => {
    const { host, accountId, chatId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const seen = recorder(admin.socket);
    const live = seen.next('messages:upserted');
    const t = NOW();
    // Out of order: the older 👍 arrives after the newer ❤️ and must not replace it.
    await must(host.socket, 'sync:push', {
      reactions: [reaction(accountId, '❤️', t + 2_000), reaction(accountId, '😂', t + 1_000, OTHER)],
    });
    await must(host.socket, 'sync:push', { reactions: [reaction(accountId, '👍', t + 1_000)] });
    const first = (await live) as Upserted;
    expect(first.messages[0]?.reactions).toEqual(
      expect.arrayContaining([
        { senderJid: SENDER, emoji: '❤️', timestamp: t + 2_000 },
        { senderJid: OTHER, emoji: '😂', timestamp: t + 1_000 },
      ]),
    );
    const expected = [
      { senderJid: SENDER, emoji: '❤️', timestamp: t + 2_000 },
      { senderJid: OTHER, emoji: '😂', timestamp: t + 1_000 },
    ];
    const bySender = (list: WireMessage['reactions']) =>
      [...(list ?? [])].sort((a, b) => a.senderJid.localeCompare(b.senderJid));
    expect(bySender((await pulled(admin.socket, 'm1')).reactions)).toEqual(expected);
    const history = await must(admin.socket, 'messages:list', { chatId, limit: 50 });
    expect(bySender(history.find(m => m.providerMessageId === 'm1')?.reactions)).toEqual(expected);
  });

  it('a removal reaches devices as an empty emoji, and an older reaction cannot bring it back', async () => {
    const { host, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const t = NOW();
    await must(host.socket, 'sync:push', { reactions: [reaction(accountId, '👍', t)] });
    await must(host.socket, 'sync:push', { reactions: [reaction(accountId, '', t + 500)] });
    await must(host.socket, 'sync:push', { reactions: [reaction(accountId, '🙏', t + 100)] });
    expect((await pulled(admin.socket, 'm1')).reactions).toEqual([
      { senderJid: SENDER, emoji: '', timestamp: t + 500 },
    ]);
  });

  it('a reaction pushed before its message travels with the message', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const t = NOW();
    await must(host.socket, 'sync:push', {
      reactions: [{ accountId, providerMessageId: 'later', senderJid: SENDER, emoji: '🔥', timestamp: t }],
    });
    const seen = recorder(admin.socket);
    const live = seen.next('messages:upserted');
    await must(host.socket, 'sync:push', {
      messages: [
        { accountId, chatJid: jid, providerMessageId: 'later', fromMe: false, type: 'text', body: 'hi', timestamp: t },
      ],
    });
    const delivered = (await live) as Upserted;
    expect(delivered.messages.map(m => [m.providerMessageId, m.reactions])).toEqual([
      ['later', [{ senderJid: SENDER, emoji: '🔥', timestamp: t }]],
    ]);
    expect((await pulled(admin.socket, 'later')).reactions).toEqual([{ senderJid: SENDER, emoji: '🔥', timestamp: t }]);
  });

  it('only the host of the account may push its reactions', async () => {
    const { accountId } = await hostWithChat(stack);
    const other = await stack.device('lead', 'not the host');
    const reply = await other.socket.timeout(5_000).emitWithAck('sync:push', {
      reactions: [reaction(accountId, '👍', NOW())],
    });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
  });
});
