/**
 * Two desktops and a real workspace server on a real MariaDB: device A (a lead) hosts a
 * simulated WhatsApp account, device B (an agent) hosts nothing and works through the
 * server. Both are full cores, exactly as the app runs them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../common/api';
import type { Core } from '../../../main/core/core';
import { callCore, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { desktops, hostSimulatedNumber, pushedEverything } from './desktops';
import { PASSWORD, must, startNode, startStack } from '../server/harness';

let stack: Stack;
let admin: Awaited<ReturnType<Stack['device']>>;
let lead: { id: string; email: string };
let agent: { id: string; email: string };
let deviceA: Core;
let deviceB: Core;
const desks = desktops('device');
afterEach(ctx => desks.printLogsIfFailed(ctx));
const ctx = { transport: 'internal' } as const;

const call = callCore;

const device = () => desks.open();

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.device('admin', 'Ada Admin');
  lead = await stack.member('lead', 'Lena Lead');
  agent = await stack.member('agent', 'Arif Agent');
  deviceA = await device();
  deviceB = await device();
}, 120_000);

afterAll(async () => {
  await deviceA?.close();
  await deviceB?.close();
  await stack?.stop();
  desks.removeAll();
});

describe('team sync between two desktops', () => {
  let chatId: string;
  let accountId: string;

  it('the lead’s desktop hosts an account and pushes its chats to the workspace', async () => {
    ({ accountId: accountId, chatId: chatId } = await hostSimulatedNumber(deviceA, 'Sales'));

    const status = await call(deviceA, 'workspace:signIn', {
      serverUrl: stack.node.url,
      email: lead.email,
      password: PASSWORD,
      deviceName: 'Lena laptop',
    });
    expect(status.member).toMatchObject({ id: lead.id, role: 'lead' });
    await pushedEverything(deviceA);
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const seen = await must(admin.socket, 'chat:get', { chatId });
    expect(seen.chat.accountId).toBe(accountId);
  });

  it('the agent signs in on another desktop and the lead’s assignment reaches it', async () => {
    await call(deviceB, 'workspace:signIn', {
      serverUrl: stack.node.url,
      email: agent.email,
      password: PASSWORD,
      deviceName: 'Arif desktop',
    });
    await until('B online', async () => (await call(deviceB, 'workspace:status', {})).connection === 'online');

    const assigned = await call(deviceA, 'chats:assign', { chatId, assigneeId: agent.id });
    expect(assigned.assigneeId).toBe(agent.id);
    const onB = await until('assignment visible on B', async () => {
      const r = await deviceB.dispatch('chats:get', { chatId }, ctx);
      const chat = r.ok ? (r.value as CommandResult<'chats:get'>) : null;
      return chat?.assigneeId === agent.id && chat;
    });
    expect(onB.accountId).toBe(accountId);
  });

  it('the agent’s desktop lists the lead’s number as a teammate’s, which it cannot run', async () => {
    const remote = await until('A’s number listed on B', async () =>
      (await call(deviceB, 'accounts:list', {})).find(a => a.id === accountId),
    );
    expect(remote.remote).toEqual({ hostOnline: true, hostedBy: 'teammate' });
    expect(remote.state).toBe('ready');
    const stop = await deviceB.dispatch('accounts:stop', { accountId }, ctx);
    expect(stop).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('teammate') },
    });
    // The lead's own desktop lists it as its own.
    expect((await call(deviceA, 'accounts:list', {})).find(a => a.id === accountId)?.remote).toBeUndefined();
  });

  it('two leads assigning at once: one wins, the other is told who has the chat', async () => {
    const [first, second] = await Promise.all([
      deviceA.dispatch('chats:assign', { chatId, assigneeId: lead.id }, ctx),
      deviceA.dispatch('chats:assign', { chatId, assigneeId: agent.id }, ctx),
    ]);
    const outcomes = [first, second];
    expect(outcomes.filter(r => r.ok)).toHaveLength(1);
    const refused = outcomes.find(r => !r.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (refused && !refused.ok) expect(refused.error.message).toMatch(/now assigned to (Lena Lead|Arif Agent)/);
  });

  it('a chat assigned away leaves the agent’s desktop and comes back, with its messages, when reassigned', async () => {
    await call(deviceA, 'chats:assign', { chatId, assigneeId: lead.id });
    await until('chat gone from B', async () => !(await deviceB.dispatch('chats:get', { chatId }, ctx)).ok);
    await call(deviceA, 'chats:assign', { chatId, assigneeId: agent.id });
    await until('chat back on B', async () => (await deviceB.dispatch('chats:get', { chatId }, ctx)).ok);
    const history = await until('history on B', async () => {
      const msgs = (await call(deviceB, 'messages:list', { chatId })).messages;
      return msgs.length > 0 && msgs;
    });
    const onA = (await call(deviceA, 'messages:list', { chatId })).messages;
    expect(history.map(m => m.providerMessageId)).toEqual(onA.map(m => m.providerMessageId));
  });

  it('the agent’s reply goes out once, from the desktop that hosts the number', async () => {
    const sent = await call(deviceB, 'messages:send', {
      chatId,
      text: 'Terima kasih, pesanan Anda sedang kami proses.',
    });
    expect(sent.ack).toBe('pending');
    const onA = await until('A sent it through the account', async () => {
      const msgs = (await call(deviceA, 'messages:list', { chatId })).messages.filter(
        m => m.clientMessageId === sent.clientMessageId,
      );
      return msgs.length === 1 && msgs[0]!.ack !== 'pending' && msgs;
    });
    expect(onA[0]).toMatchObject({ fromMe: true, body: 'Terima kasih, pesanan Anda sedang kami proses.' });
    await until('B sees it sent', async () => {
      const msgs = (await call(deviceB, 'messages:list', { chatId })).messages.filter(
        m => m.clientMessageId === sent.clientMessageId,
      );
      return msgs.length === 1 && ['sent', 'delivered', 'read'].includes(msgs[0]!.ack);
    });
    // Exactly once on the host, whatever was retried in between.
    const all = (await call(deviceA, 'messages:list', { chatId })).messages.filter(
      m => m.body === 'Terima kasih, pesanan Anda sedang kami proses.',
    );
    expect(all).toHaveLength(1);
  });

  it('internal notes reach the teammate and never the customer', async () => {
    const note = await call(deviceB, 'notes:add', { chatId, body: 'Customer prefers a call after 5pm' });
    await until('note on A', async () => (await call(deviceA, 'notes:list', { chatId })).some(n => n.id === note.id));
    const messages = (await call(deviceA, 'messages:list', { chatId })).messages;
    expect(messages.some(m => m.body?.includes('after 5pm'))).toBe(false);
  });

  it('a server outage loses and duplicates nothing: queued replies and pushes go through after it', async () => {
    const port = stack.node.port;
    await stack.node.app.close();
    await until(
      'both desktops notice',
      async () =>
        (await call(deviceA, 'workspace:status', {})).connection === 'offline' &&
        (await call(deviceB, 'workspace:status', {})).connection === 'offline',
    );
    const fromB = await call(deviceB, 'messages:send', { chatId, text: 'Sent while the server was down' });
    const fromA = await call(deviceA, 'messages:send', { chatId, text: 'Lead reply while the server was down' });
    await until('A sent its own reply through the account', async () =>
      (await call(deviceA, 'messages:list', { chatId })).messages.some(
        m => m.clientMessageId === fromA.clientMessageId && m.ack !== 'pending',
      ),
    );
    expect((await call(deviceA, 'workspace:status', {})).pendingPush).toBeGreaterThan(0);

    stack.node = await startNode(stack.mariadb.url, { port });
    await until(
      'A reconnected and pushed everything',
      async () => {
        const st = await call(deviceA, 'workspace:status', {});
        return st.connection === 'online' && st.pendingPush === 0;
      },
      30_000,
    );
    await until(
      'B’s queued reply went out from A',
      async () =>
        (await call(deviceA, 'messages:list', { chatId })).messages.some(
          m => m.clientMessageId === fromB.clientMessageId && m.ack !== 'pending',
        ),
      30_000,
    );
    await until(
      'A’s reply reached B',
      async () =>
        (await call(deviceB, 'messages:list', { chatId })).messages.some(
          m => m.body === 'Lead reply while the server was down',
        ),
      30_000,
    );
    const onA = (await call(deviceA, 'messages:list', { chatId })).messages;
    const onB = (await call(deviceB, 'messages:list', { chatId })).messages;
    for (const list of [onA, onB]) {
      expect(list.filter(m => m.body === 'Sent while the server was down')).toHaveLength(1);
      expect(list.filter(m => m.body === 'Lead reply while the server was down')).toHaveLength(1);
    }
  });

  it('a number added while signed in is registered and pushed at once, without a reconnect', async () => {
    const added = await call(deviceA, 'accounts:add', { provider: 'simulator', name: 'Support' });
    await until(
      'second account ready',
      async () => (await call(deviceA, 'accounts:list', {})).find(a => a.id === added.id)?.state === 'ready',
    );
    const onServer = await until('the server knows A hosts it, online', async () => {
      const list = await must(admin.socket, 'account:list', {});
      return list.find(a => a.id === added.id && a.hostOnline);
    });
    expect(onServer.name).toBe('Support');
    await until('its chats pushed', async () => {
      const s = await call(deviceA, 'workspace:status', {});
      const chats = await must(admin.socket, 'chat:list', { accountId: added.id, limit: 50 });
      return s.pendingPush === 0 && chats.length > 0;
    });
  });

  it('deactivating the agent signs that desktop out at once', async () => {
    await must(admin.socket, 'member:update', { memberId: agent.id, active: false });
    // Signed out (not merely refused) and told why, whichever came first: the access:revoked
    // fact or the refused reconnect.
    const out = await until('B signed out', async () => {
      const s = await call(deviceB, 'workspace:status', {});
      return s.connection === 'signed_out' && s;
    });
    expect(out.lastError).toBe('Your access to this workspace was removed.');
    const list = await call(deviceB, 'chats:list', {});
    expect(list.items.some(c => c.id === chatId)).toBe(false);
  });
});
