import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireChat } from '../../../common/protocol';
import { revokeSession } from '../../../sync-server/src/db/repositories/members';
import { rooms } from '../../../sync-server/src/handlers/rooms';
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
  it('signs in and pushes a chat; a teammate pulls it with its messages, the host without its own messages', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const page = await must(admin.socket, 'sync:pull', { cursor: 0 });
    const types = page.events.map(e => e.type);
    expect(types).toContain('chat:upserted');
    expect(types).toContain('messages:upserted');
    const chat = page.events.find(e => e.type === 'chat:upserted');
    expect(chat && chat.type === 'chat:upserted' ? chat.chat.id : null).toBe(chatId);
    expect(page.hasMore).toBe(false);
    // The host has the messages it pushed: its pull leaves them out (the chat, with the
    // workspace's fields, still comes).
    const own = await must(host.socket, 'sync:pull', { cursor: 0 });
    const ownChats = own.events.filter(e => e.type === 'chat:upserted' && e.chat.id === chatId);
    expect(ownChats).toHaveLength(1);
    expect(own.events.filter(e => e.type === 'messages:upserted' && e.chatId === chatId)).toEqual([]);
  });

  it('refuses a bad token in the handshake', async () => {
    // The reason tells the device to sign in again but keep its data (nothing says access ended).
    await expect(stack.connect('x'.repeat(43))).rejects.toMatchObject({
      message: 'unauthenticated',
      data: { reason: 'unknown_token' },
    });
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

describe('who sees what', () => {
  it('an agent gets only their chats live, and chat:revoked when assigned away', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
    try {
      const agent = await stack.device('agent');
      const other = await stack.device('agent');
      for (const m of [agent, other]) await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });
      const seen = recorder(agent.socket);
      const otherSeen = recorder(other.socket);
      const granted = seen.next('chat:granted');
      await must(host.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: 0 });
      expect(((await granted) as { chat: WireChat }).chat.id).toBe(chatId);
      const live = seen.next('messages:upserted');
      await must(host.socket, 'sync:push', {
        messages: [
          {
            accountId,
            chatJid: '628123@c.us',
            providerMessageId: 'm2',
            fromMe: false,
            type: 'text',
            body: 'still there?',
            timestamp: Date.now() - 1000,
          },
        ],
      });
      await live;
      const revoked = seen.next('chat:revoked');
      await must(host.socket, 'chat:assign', { chatId, assigneeId: other.id, version: 1 });
      expect(await revoked).toMatchObject({ chatId, reason: 'unassigned' });
      // The other agent never saw the first message batch, only what came after the grant.
      expect(otherSeen.events.filter(e => e.name === 'messages:upserted')).toHaveLength(0);
      const read = await call(agent.socket, 'messages:list', { chatId });
      expect(read.ok ? 'ok' : read.error.code).toBe('not_found');
      // Pull from zero shows the agent the revoke and none of the chat's messages.
      const page = await must(agent.socket, 'sync:pull', { cursor: 0, limit: 1000 });
      expect(page.events.some(e => e.type === 'chat:revoked')).toBe(true);
      expect(page.events.some(e => e.type === 'messages:upserted')).toBe(false);
    } finally {
      await must(admin.socket, 'settings:update', { agentsSeeUnassigned: true });
    }
  });

  it('removing a member from an account sends account:revoked and stops live events', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const lead = await stack.device('lead');
    await must(admin.socket, 'account:add-member', { accountId, memberId: lead.id });
    const seen = recorder(lead.socket);
    const revoked = seen.next('account:revoked');
    await must(admin.socket, 'account:remove-member', { accountId, memberId: lead.id });
    expect(await revoked).toMatchObject({ accountId });
    await must(host.socket, 'chat:set-status', { chatId, status: 'resolved', version: 0 });
    // A later event to the admin proves the lead had the chance to receive it and did not.
    const adminSeen = recorder(admin.socket);
    const note = adminSeen.next('note:added');
    await must(host.socket, 'note:add', { chatId, body: 'after removal' });
    await note;
    expect(seen.events.filter(e => e.name === 'chat:updated' || e.name === 'note:added')).toHaveLength(0);
  });

  it('deactivating a member disconnects their devices at once and refuses their token', async () => {
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    const gone = new Promise<string>(resolve => agent.socket.on('disconnect', reason => resolve(reason)));
    await must(admin.socket, 'member:update', { memberId: agent.id, active: false });
    expect(await gone).toBe('io server disconnect');
    await expect(stack.connect(agent.token)).rejects.toMatchObject({
      message: 'unauthenticated',
      data: { reason: 'member_deactivated' },
    });
  });

  it('a revoked token is disconnected at once', async () => {
    const lead = await stack.device('lead');
    const gone = new Promise<string>(resolve => lead.socket.on('disconnect', reason => resolve(reason)));
    const res = await fetch(`${stack.node.url}/api/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lead.token}` },
    });
    expect(res.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    await expect(stack.connect(lead.token)).rejects.toMatchObject({
      message: 'unauthenticated',
      data: { reason: 'session_revoked' },
    });
  });

  it("a device whose token was revoked behind the server's back cannot act", async () => {
    const lead = await stack.device('lead');
    // Once its rooms are joined: a revocation during the join drops the socket instead (room-join.ts).
    await expect
      .poll(async () => (await stack.node.app.sync.in(rooms.device(lead.sessionId)).fetchSockets()).length)
      .toBe(1);
    await revokeSession(stack.node.app.database.db, lead.sessionId, Date.now());
    const reply = await call(lead.socket, 'member:list', {});
    expect(reply.ok ? 'ok' : reply.error.code).toBe('unauthenticated');
  });

  it('pushing the same batch twice stores each message once', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const batch = {
      messages: [1, 2, 3].map(i => ({
        accountId,
        chatJid: '628123@c.us',
        providerMessageId: `dup-${i}`,
        fromMe: false,
        type: 'text',
        body: `m${i}`,
        timestamp: Date.now() - 5000 + i,
      })),
      acks: [{ accountId, providerMessageId: 'dup-1', ack: 'read' }],
    };
    await must(host.socket, 'sync:push', batch);
    await must(host.socket, 'sync:push', {
      ...batch,
      acks: [{ accountId, providerMessageId: 'dup-1', ack: 'delivered' }],
    });
    const list = await must(host.socket, 'messages:list', { chatId, limit: 50 });
    expect(list.filter(m => m.providerMessageId.startsWith('dup-'))).toHaveLength(3);
    // Acks only move forward: 'delivered' after 'read' keeps 'read'.
    expect(list.find(m => m.providerMessageId === 'dup-1')?.ack).toBe('read');
  });
});
