/**
 * Meta's 200 means "stored": the webhook answers once the verified body is committed to
 * cloud_webhook_inbox, and the inbox worker stores its messages after. If that processing
 * fails (here: a report table the push path writes is missing), the acknowledged body stays
 * pending, and a node started later (a restart) replays it: nothing acknowledged is lost,
 * and nothing is stored twice.
 */
import { createPool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIdOfWamid } from '../../../common/cloud/ids';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { Stack } from './harness';
import { must, sqlRows, startNode, startStack } from './harness';

const PHONE_ID = '106540352242922';
const TOKEN = 'EAAG' + 'b'.repeat(60);
const APP_SECRET = 'app-secret-replay-0123456789';
const CUSTOMER = '6281200001111';

let stack: Stack;
let graph: GraphApi;
let env: { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };

const rows = (sql: string, args: unknown[] = []) => sqlRows(stack, sql, args);

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62 812' };
  const admin = await stack.device('admin');
  await must(admin.socket, 'cloud:add', {
    name: 'Replay line',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340398',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-replay',
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

describe('a webhook acknowledged before it is processed', () => {
  it('is kept when processing fails and replayed by the next node, once', async () => {
    const wamids = [fakeWamid(), fakeWamid(), fakeWamid()];
    const ids = wamids.map(providerIdOfWamid);
    // Every push-path store fails while this table is away.
    await rows('rename table report_message_counts to report_message_counts_away');
    for (const [i, id] of wamids.entries())
      expect((await postWebhook(env, textMessage(env, { id, from: CUSTOMER, text: `pesan ${i}` }))).status).toBe(200);
    // The bodies are on disk, tried and failed, and none of their messages is stored.
    await expect
      .poll(async () => (await rows('select error from cloud_webhook_inbox where attempts > 0')).map(r => r['error']), {
        timeout: 15_000,
      })
      .toEqual(['store_failed', 'store_failed', 'store_failed']);
    expect(await rows('select provider_message_id from messages where provider_message_id in (?)', [ids])).toHaveLength(
      0,
    );
    const pending = await rows("select id from cloud_webhook_inbox where status = 'pending'");
    expect(pending).toHaveLength(3);

    // The node goes away (a crash or a deploy); the table comes back; another node starts.
    await stack.node.app.close();
    const admin = createPool({ uri: stack.mariadb.url, connectionLimit: 1 });
    await admin.query('rename table report_message_counts_away to report_message_counts');
    await admin.end();
    stack.node = await startNode(stack.mariadb.url, { cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });

    await expect
      .poll(async () => (await rows("select status from cloud_webhook_inbox where status <> 'done'")).length, {
        timeout: 20_000,
      })
      .toBe(0);
    const stored = await rows(
      'select provider_message_id, body from messages where provider_message_id in (?) order by body',
      [ids],
    );
    expect(stored.map(r => r['body'])).toEqual(['pesan 0', 'pesan 1', 'pesan 2']);
    const counted = await rows("select sum(messages_in) n from report_message_counts where member_id = ''");
    expect(Number(counted[0]?.['n'])).toBe(3);
  });
});
