/** Auto-assignment (#17) on two server nodes with Redis: one message pushed to both at once is assigned once. */
import { randomUUID } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../helpers/redis';
import type { RedisServer } from '../../helpers/redis';
import type { Client, Node, Stack } from './harness';
import { must, startNode, startStack } from './harness';

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

async function rows(query: string, ...args: unknown[]): Promise<RowDataPacket[]> {
  const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(query, args);
  return r;
}

describe('auto-assignment on two server nodes', () => {
  it('the same inbound message pushed to both nodes at once assigns its chat once', async () => {
    const accountId = `assign2-${randomUUID().slice(0, 8)}`;
    const host = await stack.device('lead', 'host lead');
    await must(host.socket, 'account:register', { accountId, name: 'Support', phone: '628111', provider: 'simulator' });
    await must(host.socket, 'presence:set', { status: 'away' });
    const admin = await stack.device('admin');
    for (let i = 0; i < 2; i++) {
      const m = await stack.member('agent');
      await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });
      await stack.connect((await stack.login(m.email)).token, i === 0 ? stack.node.url : nodeB.url);
    }
    await expect
      .poll(
        async () =>
          (
            await rows(
              `select count(*) as n from sessions s join members m on m.id = s.member_id
                where m.role = 'agent' and s.presence = 'online' and s.member_id in
                  (select member_id from account_members where account_id = ?)`,
              accountId,
            )
          )[0]?.['n'],
      )
      .toBe(2);
    await must(admin.socket, 'assignment:update', {
      accountId,
      mode: 'round_robin',
      reassignAfterMinutes: null,
      slaMinutes: null,
      capacities: [],
    });
    const onB: Client = await stack.connect(host.token, nodeB.url);
    const push = (via: Client, jid: string, id: string) =>
      must(via, 'sync:push', {
        chats: [{ accountId, jid, isGroup: false, name: 'Sari' }],
        messages: [
          {
            accountId,
            chatJid: jid,
            providerMessageId: id,
            fromMe: false,
            type: 'text',
            body: 'hi',
            timestamp: Date.now(),
          },
        ],
      });
    for (let i = 0; i < 10; i++) {
      const jid = `6281${i}@c.us`;
      await Promise.all([push(host.socket, jid, `both-${i}`), push(onB, jid, `both-${i}`)]);
    }
    const audit = await rows(
      `select chat_id, count(*) as n from audit_log where action = 'chat.auto_assign' and chat_id like ?
        group by chat_id`,
      `${accountId}:%`,
    );
    expect(audit).toHaveLength(10);
    expect(audit.every(r => Number(r['n']) === 1)).toBe(true);
    const assigned = await rows(
      'select count(*) as n from chats where account_id = ? and assignee_id is not null',
      accountId,
    );
    expect(Number(assigned[0]?.['n'])).toBe(10);
  });
});
