/**
 * Cloud template lists on two server nodes with Redis (issue #19): a list one node read
 * from Graph is used by the other without asking Graph again, and Meta's template status
 * webhook stored on one node makes the other read the list afresh at once, not after its
 * minute. Node B polls its webhook inbox only every minute, so node A stores the webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis } from '../../helpers/redis';
import type { RedisServer } from '../../helpers/redis';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { postWebhook } from '../../helpers/graph-api/webhooks';
import type { Client, Node, Stack } from './harness';
import { must, startNode, startStack } from './harness';

const PHONE_ID = '106540352242925';
const WABA = '102290129340400';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'f'.repeat(60);
const APP_SECRET = 'app-secret-nodes-0123456';

const template = (id: string, name: string) => ({
  id,
  name,
  language: 'id',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: `Halo {{1}} (${name})` }],
});

let redis: RedisServer;
let graph: GraphApi;
let stack: Stack;
let nodeB: Node;
let onA: Client;
let onB: Client;

const templateReads = () => graph.received.filter(r => r.path.endsWith('/message_templates')).length;
const names = async (socket: Client) =>
  (await must(socket, 'cloud:templates', { accountId: ACCOUNT })).map(t => t.name).sort();
/** Server-side events cross Redis asynchronously: wait until node B holds what A sent. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise(r => setTimeout(r, 20));
}

beforeAll(async () => {
  redis = await startRedis();
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID, wabaId: WABA });
  graph.templates.push(template('931', 'welcome'));
  stack = await startStack({ redisUrl: redis.url, cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  nodeB = await startNode(stack.mariadb.url, {
    redisUrl: redis.url,
    cloud: { graphUrl: graph.baseUrl, pollMs: 60_000 },
  });
  const admin = await stack.device('admin');
  await must(admin.socket, 'cloud:add', {
    name: 'Two nodes',
    phoneNumberId: PHONE_ID,
    wabaId: WABA,
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-nodes',
  });
  const agent = await stack.member('agent');
  await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
  onA = await stack.connect((await stack.login(agent.email)).token);
  onB = await stack.connect((await stack.login(agent.email, 'second device')).token, nodeB.url);
}, 120_000);
afterAll(async () => {
  await nodeB?.app.close();
  await stack?.stop();
  await redis?.stop();
  await graph?.close();
});

describe('template lists across nodes', () => {
  it('a list node A read from Graph is used by node B without reading Graph again', async () => {
    const heardOnB: unknown[] = [];
    // Listeners run in order: once this one hears A's list, B's own cache has taken it.
    nodeB.app.sync.on('cloud:templates', msg => void heardOnB.push(msg));
    const before = templateReads();
    expect(await names(onA)).toEqual(['welcome']);
    expect(templateReads()).toBe(before + 1);
    await eventually(async () => heardOnB.length > 0);
    expect(heardOnB).toEqual([expect.objectContaining({ kind: 'synced', accountId: ACCOUNT })]);
    // Meta has a new template now, but B uses the list A just read: same as A, no Graph call.
    graph.templates.push(template('932', 'invoice'));
    expect(await names(onB)).toEqual(['welcome']);
    expect(templateReads()).toBe(before + 1);
  });

  it('a template status webhook stored on node A makes node B read the list again at once', async () => {
    const env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62' };
    const update = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'APPROVED',
                message_template_id: 932,
                message_template_name: 'invoice',
                message_template_language: 'id',
                reason: null,
              },
            },
          ],
        },
      ],
    };
    expect((await postWebhook(env, update)).status).toBe(200);
    await stack.node.app.cloud.idle();
    const [stored] = await stack.node.app.database.raw.query(
      'select status from cloud_webhook_inbox order by id desc limit 1',
    );
    expect(stored).toEqual([expect.objectContaining({ status: 'done' })]);
    let seen: string[] = [];
    await eventually(async () => (seen = await names(onB)).length === 2);
    expect(seen).toEqual(['invoice', 'welcome']);
  });
});
