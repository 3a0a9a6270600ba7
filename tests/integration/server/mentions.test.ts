/**
 * Mentions shared with the team (0035): a host pushes a message that @mentions people, and a
 * teammate's device gets the mentioned ids with it, live, in a pull and in the chat's
 * history, so it shows names where the host does. A copy pushed later without mentions (an
 * older desktop, a re-send) keeps them; one with other mentions replaces them; a message
 * without an `@` carries none.
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

type Upserted = Extract<SyncEvent, { type: 'messages:upserted' }>;
const ANA = '6281234567890@c.us';
const HIDDEN = '123456789012345@lid';

const mentioning = (accountId: string, jid: string, t: number, mentions?: string[], id = 'mention-1') => ({
  accountId,
  chatJid: jid,
  providerMessageId: id,
  fromMe: false,
  type: 'text',
  body: 'Thanks @6281234567890 and @123456789012345',
  timestamp: t,
  ...(mentions ? { mentions } : {}),
});

async function pulled(socket: Awaited<ReturnType<Stack['device']>>['socket'], id: string) {
  const page = await must(socket, 'sync:pull', { cursor: 0, limit: 1000 });
  const found = page.events
    .filter((e): e is Upserted => e.type === 'messages:upserted')
    .flatMap(e => e.messages)
    .filter(m => m.providerMessageId === id);
  return found[found.length - 1];
}
const history = async (socket: Awaited<ReturnType<Stack['device']>>['socket'], chatId: string, id: string) =>
  ((await must(socket, 'messages:list', { chatId, limit: 50 })) as WireMessage[]).find(m => m.providerMessageId === id);

describe('mentions', () => {
  it('reach a teammate with their message (live, pull, history)', async () => {
    const { host, accountId, chatId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const seen = recorder(admin.socket);
    const t = NOW();
    const live = seen.next('messages:upserted');
    await must(host.socket, 'sync:push', { messages: [mentioning(accountId, jid, t, [ANA, HIDDEN, ANA])] });
    const liveMsg = ((await live) as Upserted).messages.find(m => m.providerMessageId === 'mention-1');
    // Each id once, in the order the host gave them.
    expect(liveMsg?.mentions).toEqual([ANA, HIDDEN]);
    expect((await pulled(admin.socket, 'mention-1'))?.mentions).toEqual([ANA, HIDDEN]);
    expect((await history(admin.socket, chatId, 'mention-1'))?.mentions).toEqual([ANA, HIDDEN]);
    // A message that mentions no one carries no field.
    expect((await history(admin.socket, chatId, 'm1'))?.mentions).toBeUndefined();
  });

  it('are kept by a copy pushed without them, and replaced by one with other mentions', async () => {
    const { host, accountId, chatId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const t = NOW();
    await must(host.socket, 'sync:push', { messages: [mentioning(accountId, jid, t, [ANA, HIDDEN])] });
    await must(host.socket, 'sync:push', { messages: [mentioning(accountId, jid, t)] });
    expect((await history(admin.socket, chatId, 'mention-1'))?.mentions).toEqual([ANA, HIDDEN]);
    await must(host.socket, 'sync:push', { messages: [mentioning(accountId, jid, t, [HIDDEN])] });
    expect((await history(admin.socket, chatId, 'mention-1'))?.mentions).toEqual([HIDDEN]);
    expect((await pulled(admin.socket, 'mention-1'))?.mentions).toEqual([HIDDEN]);
  });
});
