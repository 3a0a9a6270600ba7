/**
 * A Cloud number's attachment when the media store is S3 (issue #19): the sender streams
 * the object from S3 into Graph's media upload (a real S3 server process, the loopback
 * Graph API), and Meta gets exactly the uploaded bytes once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { S3Server } from '../../helpers/s3';
import { startS3 } from '../../helpers/s3';
import type { Stack } from './harness';
import { must, startStack } from './harness';

const PHONE_ID = '106540352242926';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'g'.repeat(60);
const APP_SECRET = 'app-secret-s3-media-0123';
const CUSTOMER = '6281234500003';
const CHAT = `${ACCOUNT}:${CUSTOMER}@c.us`;

let s3: S3Server;
let graph: GraphApi;
let stack: Stack;

beforeAll(async () => {
  s3 = await startS3();
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({
    blobStore: { kind: 's3', ...s3.config() },
    cloud: { graphUrl: graph.baseUrl, pollMs: 200 },
  });
  const admin = await stack.device('admin');
  await must(admin.socket, 'cloud:add', {
    name: 'S3 line',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340401',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-s3',
  });
  const env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62' };
  await postWebhook(env, textMessage(env, { id: fakeWamid(), from: CUSTOMER, text: 'kirim brosurnya' }));
  await stack.node.app.cloud.idle();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
  await s3?.stop();
});

describe('Cloud attachments from S3', () => {
  it('streams the stored object to Graph and sends it once', async () => {
    const agent = await stack.device('admin', 'second admin');
    const file = Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(3 * 1024 * 1024)]);
    const sha256 = createHash('sha256').update(file).digest('hex');
    const put = await fetch(`${stack.node.url}/api/uploads/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/pdf' },
      body: new Uint8Array(file),
    });
    expect(put.status).toBe(201);
    const before = { media: graph.media.size, sent: graph.sent.length };
    await must(agent.socket, 'message:send', {
      chatId: CHAT,
      clientMessageId: randomUUID(),
      body: 'Brosur',
      attachment: { sha256, mimeType: 'application/pdf', fileName: 'brosur.pdf', size: file.length },
    });
    await stack.node.app.cloud.idle();
    expect(graph.media.size).toBe(before.media + 1);
    expect([...graph.media.values()].at(-1)?.bytes.equals(file)).toBe(true);
    expect(graph.sent.slice(before.sent).map(s => s.body['type'])).toEqual(['document']);
  });
});
