/**
 * Poll votes shared with the team: a host pushes a poll and its votes, a teammate's device
 * sees the question, options and each voter's current choice, live, in a pull and in the
 * chat's history; a changed vote replaces the old one; a hostile push (too many votes, a
 * vote for a message that is no poll) is refused with a code and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireMessage } from '../../../common/protocol';
import { MAX_PUSH_ITEMS } from '../../../common/protocol';
import type { Stack } from './harness';
import { NOW, call, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Upserted = Extract<SyncEvent, { type: 'messages:upserted' }>;
const ANA = '628555@c.us';
const BUDI = '628666@c.us';

const pollMessage = (accountId: string, jid: string, t: number) => ({
  accountId,
  chatJid: jid,
  providerMessageId: 'poll-1',
  fromMe: false,
  type: 'poll',
  body: 'Lunch?',
  timestamp: t,
  poll: { question: 'Lunch?', options: ['Rice', 'Noodles'], multiple: false },
});
const vote = (accountId: string, voterJid: string, options: string[], timestamp: number, id = 'poll-1') => ({
  accountId,
  providerMessageId: id,
  voterJid,
  options,
  timestamp,
});
const byVoter = (m: WireMessage | undefined) =>
  [...(m?.poll?.votes ?? [])].sort((a, b) => a.voterJid.localeCompare(b.voterJid)).map(v => [v.voterJid, v.options]);

async function pulled(socket: Awaited<ReturnType<Stack['device']>>['socket']): Promise<WireMessage | undefined> {
  const page = await must(socket, 'sync:pull', { cursor: 0, limit: 1000 });
  const found = page.events
    .filter((e): e is Upserted => e.type === 'messages:upserted')
    .flatMap(e => e.messages)
    .filter(m => m.providerMessageId === 'poll-1');
  return found[found.length - 1];
}

describe('poll votes', () => {
  it('reach a teammate with the poll (live, pull, history); a changed vote replaces the old one', async () => {
    const { host, accountId, chatId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const seen = recorder(admin.socket);
    const t = NOW();
    const live = seen.next('messages:upserted');
    await must(host.socket, 'sync:push', {
      messages: [pollMessage(accountId, jid, t)],
      votes: [vote(accountId, ANA, ['Rice'], t + 1_000), vote(accountId, BUDI, ['Noodles'], t + 1_000)],
    });
    const first = (await live) as Upserted;
    const liveMsg = first.messages.find(m => m.providerMessageId === 'poll-1');
    expect(liveMsg?.poll?.question).toBe('Lunch?');
    expect(liveMsg?.poll?.options).toEqual(['Rice', 'Noodles']);
    expect(byVoter(liveMsg)).toEqual([
      [ANA, ['Rice']],
      [BUDI, ['Noodles']],
    ]);
    // Ana changes her mind; an older update arriving late must not bring the old choice back.
    await must(host.socket, 'sync:push', { votes: [vote(accountId, ANA, ['Noodles'], t + 3_000)] });
    await must(host.socket, 'sync:push', { votes: [vote(accountId, ANA, ['Rice'], t + 2_000)] });
    const expected = [
      [ANA, ['Noodles']],
      [BUDI, ['Noodles']],
    ];
    expect(byVoter(await pulled(admin.socket))).toEqual(expected);
    const history = await must(admin.socket, 'messages:list', { chatId, limit: 50 });
    expect(byVoter(history.find(m => m.providerMessageId === 'poll-1'))).toEqual(expected);
    // Other messages carry no poll.
    expect(history.find(m => m.providerMessageId === 'm1')?.poll).toBeUndefined();
  });

  it('refuses a vote for a message that is no poll, and one too many votes, with codes', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const t = NOW();
    const unknown = await call(host.socket, 'sync:push', {
      acks: [{ accountId, providerMessageId: 'm1', ack: 'read' }],
      votes: [vote(accountId, ANA, ['Rice'], t, 'm1')],
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('invalid_args');
      expect(unknown.error.details).toEqual({ reason: 'unknown_poll' });
    }
    const huge = await call(host.socket, 'sync:push', {
      votes: Array.from({ length: MAX_PUSH_ITEMS + 1 }, (_, i) => vote(accountId, `62800${i}@c.us`, ['Rice'], t)),
    });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error.code).toBe('invalid_args');
    // The server still serves this device.
    await must(host.socket, 'sync:push', {
      messages: [pollMessage(accountId, jid, t)],
      votes: [vote(accountId, ANA, ['Rice'], t + 1)],
    });
  });
});
