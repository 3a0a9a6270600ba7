/**
 * A demotion takes away what the new role may not see: a lead (or admin) who becomes an
 * agent gets chat:revoked ('role_changed') for the chats assigned to others and, when the
 * workspace hides them, the unassigned ones, live and in pull; an ex-admin loses the
 * accounts they are not a member of (account:revoked). Their own chats stay.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../common/protocol';
import { until } from '../../helpers/core';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Revoked = Extract<SyncEvent, { type: 'chat:revoked' }>;

/** The server drops a member's sockets on a role change; a client reconnects itself. */
async function reconnect(socket: Client): Promise<void> {
  await until('the server drops the socket', () => !socket.connected);
  socket.connect();
  await until('the socket reconnects', () => socket.connected);
}

/** An account with a chat assigned to `member`, one to another agent and one unassigned. */
async function accountFor(memberId: string) {
  const { host, accountId, chatId: unassigned } = await hostWithChat(stack, `role-${randomUUID().slice(0, 8)}`);
  const admin = await stack.device('admin');
  const otherAgent = await stack.device('agent');
  await must(host.socket, 'sync:push', {
    chats: ['6201@c.us', '6202@c.us'].map(jid => ({ accountId, jid, isGroup: false, name: jid })),
  });
  const own = `${accountId}:6201@c.us`;
  const others = `${accountId}:6202@c.us`;
  for (const m of [memberId, otherAgent.id]) await must(admin.socket, 'account:add-member', { accountId, memberId: m });
  await must(admin.socket, 'chat:assign', { chatId: own, assigneeId: memberId, version: 0 });
  await must(admin.socket, 'chat:assign', { chatId: others, assigneeId: otherAgent.id, version: 0 });
  return { admin, accountId, own, others, unassigned };
}

describe('member:update demoting to agent', () => {
  it('revokes the chats an agent may not see (unassigned hidden), live and in pull; their own chat stays', async () => {
    const lead = await stack.device('lead');
    const { admin, own, others, unassigned } = await accountFor(lead.id);
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
    try {
      const { cursor } = await must(lead.socket, 'sync:pull', { cursor: 0, limit: 1000 });
      const seen = recorder(lead.socket);
      await must(admin.socket, 'member:update', { memberId: lead.id, role: 'agent' });
      const live = await until('the revokes arrive live', () => {
        const ids = seen.events.filter(e => e.name === 'chat:revoked').map(e => (e.payload as Revoked).chatId);
        return ids.length >= 2 && ids.sort();
      });
      expect(live).toEqual([others, unassigned].sort());
      expect(seen.events.filter(e => e.name === 'chat:revoked').map(e => (e.payload as Revoked).reason)).toEqual([
        'role_changed',
        'role_changed',
      ]);

      // The server dropped the sockets; the reconnected one pulls the same facts and can read only its own chat.
      await reconnect(lead.socket);
      const page = await must(lead.socket, 'sync:pull', { cursor, limit: 1000 });
      const pulled = page.events.filter((e): e is Revoked => e.type === 'chat:revoked').map(e => e.chatId);
      expect(pulled.sort()).toEqual([others, unassigned].sort());
      expect((await must(lead.socket, 'chat:get', { chatId: own })).chat.id).toBe(own);
      for (const chatId of [others, unassigned])
        expect(await call(lead.socket, 'chat:get', { chatId })).toMatchObject({
          ok: false,
          error: { code: 'not_found' },
        });
    } finally {
      await must(admin.socket, 'settings:update', { agentsSeeUnassigned: true });
    }
  });

  it('leaves the unassigned chats when agents may see them', async () => {
    const lead = await stack.device('lead');
    const { admin, others } = await accountFor(lead.id);
    const { cursor } = await must(lead.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    await must(admin.socket, 'member:update', { memberId: lead.id, role: 'agent' });
    await reconnect(lead.socket);
    const page = await must(lead.socket, 'sync:pull', { cursor, limit: 1000 });
    const pulled = page.events.filter((e): e is Revoked => e.type === 'chat:revoked').map(e => e.chatId);
    expect(pulled).toEqual([others]);
  });

  it('an ex-admin loses the accounts they are not a member of; promotions revoke nothing', async () => {
    const exAdmin = await stack.device('admin');
    const { admin, accountId: theirs, others, unassigned } = await accountFor(exAdmin.id);
    const { accountId: foreign } = await hostWithChat(stack, `foreign-${randomUUID().slice(0, 8)}`);
    const { cursor } = await must(exAdmin.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    await must(admin.socket, 'member:update', { memberId: exAdmin.id, role: 'agent' });
    await reconnect(exAdmin.socket);
    const page = await must(exAdmin.socket, 'sync:pull', { cursor, limit: 1000 });
    const accounts = page.events
      .filter((e): e is Extract<SyncEvent, { type: 'account:revoked' }> => e.type === 'account:revoked')
      .map(e => e.accountId);
    expect(accounts).toContain(foreign);
    expect(accounts).not.toContain(theirs);
    const chats = page.events.filter((e): e is Revoked => e.type === 'chat:revoked').map(e => e.chatId);
    expect(chats).toEqual([others]);
    expect(chats).not.toContain(unassigned);

    // Back up to lead: nothing is revoked.
    const { cursor: c2 } = await must(exAdmin.socket, 'sync:pull', { cursor: page.cursor, limit: 1000 });
    await must(admin.socket, 'member:update', { memberId: exAdmin.id, role: 'lead' });
    await reconnect(exAdmin.socket);
    const after = await must(exAdmin.socket, 'sync:pull', { cursor: c2, limit: 1000 });
    expect(after.events.filter(e => e.type === 'chat:revoked' || e.type === 'account:revoked')).toEqual([]);
  });
});
