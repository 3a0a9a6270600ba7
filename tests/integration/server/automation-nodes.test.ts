import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../helpers/redis';
import type { RedisServer } from '../../helpers/redis';
import type { Node, Stack } from './harness';
import { startNode, startStack } from './harness';
import { automatedNumber, JAKARTA_WEEKDAYS, NO_GREETING, SATURDAY } from './automation-world';

const clock = () => SATURDAY;
let redis: RedisServer;
let stack: Stack;
let nodeB: Node;
beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({ redisUrl: redis.url, clock });
  nodeB = await startNode(stack.mariadb.url, { redisUrl: redis.url, clock });
});
afterAll(async () => {
  await nodeB?.app.close();
  await stack?.stop();
  await redis?.stop();
});

describe('automation on two server nodes', () => {
  it('the same inbound message pushed to both nodes at once is answered once', async () => {
    const away = { enabled: true, text: 'We are closed until {{next_opening}}.' };
    const n = await automatedNumber(stack, { hours: JAKARTA_WEEKDAYS, away, greeting: NO_GREETING });
    const onB = await stack.connect(n.host.token, nodeB.url);
    for (let i = 0; i < 10; i++) {
      const jid = `6281${i}@c.us`;
      await Promise.all([
        n.write(jid, 'hello', SATURDAY, { id: `both-${i}` }),
        n.write(jid, 'hello', SATURDAY, { id: `both-${i}`, via: onB }),
      ]);
    }
    const sent = await n.automatedSends();
    expect(sent).toHaveLength(10);
    expect(new Set(sent.map(s => s.body))).toEqual(new Set(['We are closed until Mon 30 Nov, 09:00.']));
  });
});
