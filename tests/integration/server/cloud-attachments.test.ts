/**
 * Attachments on a Cloud API number (issue #19): a member uploads a file to the server and
 * sends it with message:send; the server's Cloud sender uploads it to the loopback Graph API
 * and sends one media message with the caption, and the chat shows it as the member's.
 * Meta's 5 MB image limit is refused before anything is queued.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIdOfWamid } from '../../../common/cloud/ids';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { Stack } from './harness';
import { call, must, sqlRows, startStack } from './harness';

const PHONE_ID = '106540352242922';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'c'.repeat(60);
const APP_SECRET = 'app-secret-attachments-0123';
const CUSTOMER = '6281234567890';
const CHAT = `${ACCOUNT}:${CUSTOMER}@c.us`;
const MB = 1024 * 1024;

let stack: Stack;
let graph: GraphApi;
let agent: Awaited<ReturnType<Stack['device']>>;

const rows = (sql: string, args: unknown[] = []) => sqlRows(stack, sql, args);
const shaOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const upload = (body: Buffer, type: string) =>
  fetch(`${stack.node.url}/api/uploads/${shaOf(body)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${agent.token}`, 'content-type': type },
    body: new Uint8Array(body),
  });

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  const admin = await stack.device('admin');
  await must(admin.socket, 'cloud:add', {
    name: 'Support line',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340398',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-7',
  });
  const env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62' };
  await postWebhook(env, textMessage(env, { id: fakeWamid(), from: CUSTOMER, text: 'Minta katalognya' }));
  await stack.node.app.cloud.idle();
  agent = await stack.device('agent');
  await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
  await must(admin.socket, 'chat:assign', { chatId: CHAT, assigneeId: agent.id, version: 0 });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

describe('Cloud attachments', () => {
  it('uploads the file to Graph and sends one document message with its caption', async () => {
    const file = Buffer.from(`%PDF-1.4 katalog ${randomUUID()}`);
    expect((await upload(file, 'application/pdf')).status).toBe(201);
    const before = { media: graph.media.size, sent: graph.sent.length };
    const clientMessageId = randomUUID();
    const attachment = { sha256: shaOf(file), mimeType: 'application/pdf', fileName: 'katalog.pdf', size: file.length };
    const args = { chatId: CHAT, clientMessageId, body: 'Ini katalognya, kak', attachment };
    await must(agent.socket, 'message:send', args);
    await must(agent.socket, 'message:send', args);
    await stack.node.app.cloud.idle();

    expect(graph.media.size).toBe(before.media + 1);
    const [uploaded] = [...graph.media.values()].slice(-1);
    expect(uploaded?.bytes.equals(file)).toBe(true);
    expect(uploaded).toMatchObject({ mime: 'application/pdf', filename: 'katalog.pdf' });
    const sent = graph.sent.slice(before.sent);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      to: CUSTOMER,
      type: 'document',
      document: { caption: 'Ini katalognya, kak', filename: 'katalog.pdf' },
    });
    const [send] = await rows('select state, provider_message_id from sends where client_message_id = ?', [
      clientMessageId,
    ]);
    expect(send).toMatchObject({ state: 'sent', provider_message_id: providerIdOfWamid(sent[0]!.wamid) });
    const msg = await rows('select type, caption, media_sha256, from_me from messages where client_message_id = ?', [
      clientMessageId,
    ]);
    expect(msg).toEqual([
      expect.objectContaining({
        type: 'document',
        caption: 'Ini katalognya, kak',
        media_sha256: shaOf(file),
        from_me: 1,
      }),
    ]);
    // Teammates who see the chat open the file from the blob store.
    const got = await fetch(`${stack.node.url}/api/blobs/${shaOf(file)}`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(got.status).toBe(200);
  });

  it('refuses an image over Meta’s 5 MB at send time, before Graph is called', async () => {
    const image = Buffer.alloc(5 * MB + 1, 1);
    expect((await upload(image, 'image/jpeg')).status).toBe(201);
    const before = graph.received.length;
    const r = await call(agent.socket, 'message:send', {
      chatId: CHAT,
      clientMessageId: randomUUID(),
      body: '',
      attachment: { sha256: shaOf(image), mimeType: 'image/jpeg', fileName: null, size: image.length },
    });
    expect(!r.ok && r.error).toMatchObject({ code: 'payload_too_large', details: { maxBytes: 5 * MB } });
    expect(graph.received.length).toBe(before);
  });

  it('maps a type Meta does not take to media_unsupported', async () => {
    const zip = Buffer.from(`PK zip ${randomUUID()}`);
    expect((await upload(zip, 'application/zip')).status).toBe(201);
    const clientMessageId = randomUUID();
    await must(agent.socket, 'message:send', {
      chatId: CHAT,
      clientMessageId,
      body: '',
      attachment: { sha256: shaOf(zip), mimeType: 'application/zip', fileName: 'a.zip', size: zip.length },
    });
    await stack.node.app.cloud.idle();
    const [send] = await rows('select state, error from sends where client_message_id = ?', [clientMessageId]);
    expect(send).toMatchObject({ state: 'failed', error: 'media_unsupported' });
  });
});
