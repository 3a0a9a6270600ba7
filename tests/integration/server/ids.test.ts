/**
 * Ids are checked as ids at the server's boundary (issue #15, point 5): an account id with
 * ':' would let a host build another account's chat id (`accountId:jid`), so it is refused,
 * as are jids and message ids that are not of their kind.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from './harness';
import { call, must, NOW, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const register = (accountId: string) => ({ accountId, name: 'Line', phone: null, provider: 'simulator' });

describe('ids at the boundary', () => {
  it("refuses an account id that would make another account's chat ids", async () => {
    const victimId = `v${randomUUID().slice(0, 8)}`;
    const victim = await stack.device('lead', 'victim');
    await must(victim.socket, 'account:register', register(victimId));
    // A device jid has a ':' of its own: victim:1:2@s.whatsapp.net
    await must(victim.socket, 'sync:push', {
      chats: [{ accountId: victimId, jid: '628123:2@s.whatsapp.net', isGroup: false, name: 'Victim chat' }],
    });
    const attacker = await stack.device('lead', 'attacker');
    const reply = await call(attacker.socket, 'account:register', register(`${victimId}:628123`));
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid_args');
    // Had it been accepted, this push would rename the victim's chat.
    await call(attacker.socket, 'sync:push', {
      chats: [{ accountId: `${victimId}:628123`, jid: '2@s.whatsapp.net', isGroup: false, name: 'Hijacked' }],
    });
    const { chat } = await must(victim.socket, 'chat:get', { chatId: `${victimId}:628123:2@s.whatsapp.net` });
    expect(chat.name).toBe('Victim chat');
    expect(chat.accountId).toBe(victimId);
  });

  it('refuses pushed jids and message ids that are not of their kind, and the whole batch with them', async () => {
    const accountId = `acc_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const host = await stack.device('lead');
    await must(host.socket, 'account:register', register(accountId));
    const message = (over: Record<string, unknown>) => ({
      accountId,
      chatJid: '628123@c.us',
      providerMessageId: randomUUID(),
      fromMe: false,
      type: 'text',
      body: 'x',
      timestamp: NOW(),
      ...over,
    });
    for (const bad of [
      { chatJid: 'someone' },
      { chatJid: '628123@c.us:x' },
      { author: '../etc@c.us' },
      { providerMessageId: 'a b' },
      { providerMessageId: 'x\u0000y' },
    ]) {
      const reply = await call(host.socket, 'sync:push', { messages: [message(bad)] });
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('invalid_args');
    }
    await must(host.socket, 'sync:push', { messages: [message({})] });
  });

  it('refuses chat ids that do not split into an account id and a jid', async () => {
    const admin = await stack.device('admin');
    for (const chatId of ['nocolon', 'a:b', ':628@c.us', `a:628@c.us${'1'.repeat(200)}`]) {
      const reply = await call(admin.socket, 'chat:get', { chatId });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code, chatId).toBe('invalid_args');
    }
  });
});
