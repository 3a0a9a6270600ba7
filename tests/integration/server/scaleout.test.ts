import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../common/protocol';
import { startRedis } from '../../helpers/redis';
import type { RedisServer } from '../../helpers/redis';
import type { Node, Stack } from './harness';
import { hostWithChat, must, recorder, startNode, startStack } from './harness';

let redis: RedisServer;
let stack: Stack;
let nodeB: Node;

beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({ redisUrl: redis.url });
  nodeB = await startNode(stack.mariadb.url, { redisUrl: redis.url });
});
afterAll(async () => {
  await nodeB?.app.close();
  await stack?.stop();
  await redis?.stop();
});

describe('two nodes with Redis', () => {
  it('an event written on node A reaches a client on node B', async () => {
    const { host, accountId } = await hostWithChat(stack);
    const admin = await stack.member('admin');
    const session = await stack.login(admin.email);
    const onB = await stack.connect(session.token, nodeB.url);
    const seen = recorder(onB);
    const arrived = seen.next('messages:upserted');
    await must(host.socket, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: '628123@c.us',
          providerMessageId: 'cross-node',
          fromMe: false,
          type: 'text',
          body: 'via redis',
          timestamp: Date.now() - 1000,
        },
      ],
    });
    const event = (await arrived) as { seq: number; messages: WireMessage[] };
    expect(event.messages.map(m => m.providerMessageId)).toEqual(['cross-node']);
    expect(event.seq).toBeGreaterThan(0);
  });

  it('node A relays a fact none of its own sockets receive, and delivers it locally once one does', async () => {
    const { host, accountId } = await hostWithChat(stack);
    const admin = await stack.member('admin');
    const onB = recorder(await stack.connect((await stack.login(admin.email)).token, nodeB.url));
    const push = (id: string) =>
      must(host.socket, 'sync:push', {
        messages: [
          {
            accountId,
            chatJid: '628123@c.us',
            providerMessageId: id,
            fromMe: false,
            type: 'text',
            body: id,
            timestamp: Date.now() - 1000,
          },
        ],
      });
    const ids = (events: Array<{ name: string; payload: unknown }>) =>
      events
        .filter(e => e.name === 'messages:upserted')
        .flatMap(e => (e.payload as { messages: WireMessage[] }).messages.map(m => m.providerMessageId));
    // Only the host (left out of its own push) is on node A: nothing is encoded there, B still gets it.
    const first = onB.next('messages:upserted');
    await push('nobody-on-a');
    await first;
    const onA = recorder(await stack.connect((await stack.login(admin.email)).token));
    const both = [onA.next('messages:upserted'), onB.next('messages:upserted')];
    await push('someone-on-a');
    await Promise.all(both);
    expect(ids(onB.events)).toEqual(['nobody-on-a', 'someone-on-a']);
    expect(ids(onA.events)).toEqual(['someone-on-a']);
  });

  it('deactivation on node B disconnects the member on node A', async () => {
    const agent = await stack.device('agent');
    const admin = await stack.member('admin');
    const adminOnB = await stack.connect((await stack.login(admin.email)).token, nodeB.url);
    const gone = new Promise<string>(resolve => agent.socket.on('disconnect', r => resolve(r)));
    await must(adminOnB, 'member:update', { memberId: agent.id, active: false });
    expect(await gone).toBe('io server disconnect');
  });

  it('a member added on node B hears account:updated live on node A (joined to the rooms first, on every node)', async () => {
    const { accountId } = await hostWithChat(stack);
    const lead = await stack.device('lead');
    const seen = recorder(lead.socket);
    const updated = seen.next('account:updated');
    const admin = await stack.member('admin');
    const adminOnB = await stack.connect((await stack.login(admin.email)).token, nodeB.url);
    await must(adminOnB, 'account:add-member', { accountId, memberId: lead.id });
    const event = (await updated) as { account: { id: string; memberIds: string[] } };
    expect(event.account.id).toBe(accountId);
    expect(event.account.memberIds).toContain(lead.id);
    expect(seen.events.some(e => e.name === 'chat:granted')).toBe(true);
  });

  it('both nodes report ready with MySQL and Redis', async () => {
    for (const url of [stack.node.url, nodeB.url]) {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, checks: { mysql: 'ok', redis: 'ok' } });
    }
  });
});
