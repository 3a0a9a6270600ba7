/**
 * Joining an account mirrors leaving it: the new member's devices get chat:granted for
 * every chat they may now see, live and in their pull, and nothing for the others.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireChat } from '../../../common/protocol';
import { until } from '../../helpers/core';
import type { Stack } from './harness';
import { hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Granted = Extract<SyncEvent, { type: 'chat:granted' }>;
const grantedIds = (events: SyncEvent[], accountId: string) =>
  events
    .filter((e): e is Granted => e.type === 'chat:granted' && e.chat.accountId === accountId)
    .map(e => e.chat.id)
    .sort();

/** An account with three chats: two unassigned, one assigned to the host lead. */
async function accountWithChats() {
  const { host, accountId, chatId: unassigned } = await hostWithChat(stack, `join-${randomUUID().slice(0, 8)}`);
  const admin = await stack.device('admin');
  await must(host.socket, 'sync:push', {
    chats: ['6201@c.us', '6202@c.us'].map(jid => ({ accountId, jid, isGroup: false, name: jid })),
  });
  const leadsChat = `${accountId}:6201@c.us`;
  const other = `${accountId}:6202@c.us`;
  await must(admin.socket, 'chat:assign', { chatId: leadsChat, assigneeId: host.id, version: 0 });
  return { host, admin, accountId, unassigned, leadsChat, other };
}

describe('account:add-member', () => {
  it('grants an agent the unassigned chats (workspace default) and none assigned to others, live and in pull', async () => {
    const { admin, accountId, unassigned, other } = await accountWithChats();
    const agent = await stack.device('agent');
    const seen = recorder(agent.socket);
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const expected = [unassigned, other].sort();
    const live = await until('the grants arrive live', () => {
      const ids = grantedIds(
        seen.events.map(e => ({ ...(e.payload as SyncEvent), type: e.name }) as SyncEvent),
        accountId,
      );
      return ids.length >= expected.length && ids;
    });
    expect(live).toEqual(expected);
    const page = await must(agent.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    expect(grantedIds(page.events, accountId)).toEqual(expected);
    // The granted chats are readable now; the lead's is not.
    expect((await must(agent.socket, 'chat:get', { chatId: unassigned })).chat.id).toBe(unassigned);
  });

  it('grants an agent nothing on joining when agents do not see unassigned chats; assigning then grants it', async () => {
    const { admin, accountId, other } = await accountWithChats();
    const agent = await stack.device('agent');
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
    try {
      // An agent cannot hold a chat of an account they are not in (assign checks, removal unassigns),
      // so on joining only the unassigned chats could be theirs, and the setting hides those.
      const { cursor } = await must(agent.socket, 'sync:pull', { cursor: 0, limit: 1000 });
      await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
      const page = await must(agent.socket, 'sync:pull', { cursor, limit: 1000 });
      expect(grantedIds(page.events, accountId)).toEqual([]);
      const { chat } = await must(admin.socket, 'chat:get', { chatId: other });
      await must(admin.socket, 'chat:assign', { chatId: other, assigneeId: agent.id, version: chat.version });
      const after = await must(agent.socket, 'sync:pull', { cursor, limit: 1000 });
      expect(grantedIds(after.events, accountId)).toEqual([other]);
    } finally {
      await must(admin.socket, 'settings:update', { agentsSeeUnassigned: true });
    }
  });

  it('grants a lead every chat of the account, once; an admin gets no grants', async () => {
    const { admin, accountId, unassigned, leadsChat, other } = await accountWithChats();
    const lead = await stack.device('lead');
    await must(admin.socket, 'account:add-member', { accountId, memberId: lead.id });
    // Adding again is harmless and grants nothing more.
    await must(admin.socket, 'account:add-member', { accountId, memberId: lead.id });
    const page = await must(lead.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    expect(grantedIds(page.events, accountId)).toEqual([unassigned, leadsChat, other].sort());
    const chats = page.events.filter((e): e is Granted => e.type === 'chat:granted').map(e => e.chat as WireChat);
    expect(chats.find(c => c.id === leadsChat)?.assigneeId).not.toBeNull();

    const otherAdmin = await stack.device('admin');
    const { cursor } = await must(otherAdmin.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    await must(admin.socket, 'account:add-member', { accountId, memberId: otherAdmin.id });
    const adminPage = await must(otherAdmin.socket, 'sync:pull', { cursor, limit: 1000 });
    expect(grantedIds(adminPage.events, accountId)).toEqual([]);
  });

  it('a connected member hears account:updated and the grants live, with nothing else happening', async () => {
    const { admin, accountId, unassigned, other } = await accountWithChats();
    const agent = await stack.device('agent');
    const seen = recorder(agent.socket);
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const updated = await until('account:updated arrives live', () =>
      seen.events.find(
        e => e.name === 'account:updated' && (e.payload as { account: { id: string } }).account.id === accountId,
      ),
    );
    expect((updated.payload as { account: { memberIds: string[] } }).account.memberIds).toContain(agent.id);
    const granted = seen.events
      .filter(e => e.name === 'chat:granted')
      .map(e => (e.payload as { chat: WireChat }).chat.id)
      .sort();
    expect(granted).toEqual([unassigned, other].sort());
    // And it is in the account's rooms now: the next fact about one of its chats arrives live too.
    const { chat } = await must(admin.socket, 'chat:get', { chatId: unassigned });
    await must(admin.socket, 'chat:set-status', { chatId: unassigned, status: 'pending', version: chat.version });
    await until('chat:updated arrives live', () => seen.events.find(e => e.name === 'chat:updated'));
  });
});
