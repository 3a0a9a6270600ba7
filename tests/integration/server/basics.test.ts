import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireChat } from '../../../common/protocol';
import { call, hostWithChat, must, recorder, startStack } from './harness';
import type { Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('workspace server basics', () => {
  it('signs in, pushes a chat and pulls it back', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const page = await must(host.socket, 'sync:pull', { cursor: 0 });
    const types = page.events.map(e => e.type);
    expect(types).toContain('chat:upserted');
    expect(types).toContain('messages:upserted');
    const chat = page.events.find(e => e.type === 'chat:upserted');
    expect(chat && chat.type === 'chat:upserted' ? chat.chat.id : null).toBe(chatId);
    expect(page.hasMore).toBe(false);
  });

  it('refuses a bad token in the handshake', async () => {
    await expect(stack.connect('x'.repeat(43))).rejects.toThrow(/unauthenticated/);
  });

  it('assigns with a version and refuses a stale one with the current chat', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const agent = await stack.device('agent');
    const admin = await stack.device('admin');
    const accountId = chatId.split(':')[0]!;
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const events = recorder(agent.socket);
    const assigned = await must(host.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: 0 });
    expect(assigned.assigneeId).toBe(agent.id);
    expect(assigned.version).toBe(1);
    const updated = (await events.next('chat:updated')) as { chat: WireChat; seq: number };
    expect(updated.chat.assigneeId).toBe(agent.id);
    const stale = await call(host.socket, 'chat:assign', { chatId, assigneeId: null, version: 0 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('conflict');
      expect((stale.error.details as { chat: WireChat }).chat.version).toBe(1);
    }
  });
});
