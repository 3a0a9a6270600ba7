/**
 * Template parameters past text (issue #19): amounts and date-times in a body or a text
 * header go out as Meta's `currency` and `date_time` parameters (the chat shows their
 * fallbacks), and a media header can be a file the member uploaded to the server, which the
 * sender streams to Graph's media upload and sends by the id Graph gave. Uploads that are
 * not the member's, not of the header's kind or not the declared size are refused before
 * anything reaches Graph.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { Stack } from './harness';
import { call, must, sqlRows, startStack } from './harness';

const PHONE_ID = '106540352242924';
const WABA = '102290129340399';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'd'.repeat(60);
const APP_SECRET = 'app-secret-kinds-0123456';
const CUSTOMER = '6281234500002';
const CHAT = `${ACCOUNT}:${CUSTOMER}@c.us`;

const RECEIPT = {
  id: '921',
  name: 'receipt',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Paid on {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, we received {{2}}. Next bill: {{3}}.' },
  ],
};
const PROMO = {
  id: '922',
  name: 'promo',
  language: 'id',
  status: 'APPROVED',
  category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'IMAGE' },
    { type: 'BODY', text: 'Diskon untuk {{1}}.' },
  ],
};
const CONTRACT = {
  id: '923',
  name: 'contract',
  language: 'id',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'DOCUMENT' },
    { type: 'BODY', text: 'Kontrak Anda.' },
  ],
};

let stack: Stack;
let graph: GraphApi;
let agent: Awaited<ReturnType<Stack['device']>>;
let other: Awaited<ReturnType<Stack['device']>>;

const rows = (sql: string, args: unknown[] = []) => sqlRows(stack, sql, args);
const settle = () => stack.node.app.cloud.idle();
const shaOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
async function upload(token: string, body: Buffer, type: string) {
  const res = await fetch(`${stack.node.url}/api/uploads/${shaOf(body)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(body),
  });
  expect(res.status).toBe(201);
  return { sha256: shaOf(body), size: body.length };
}
const components = (from: number) =>
  graph.sent.slice(from).map(s => (s.body['template'] as { components: unknown }).components);

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID, wabaId: WABA });
  graph.templates.push(RECEIPT, PROMO, CONTRACT);
  graph.templatePageSize = 10;
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  const env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62' };
  const admin = await stack.device('admin');
  agent = await stack.device('agent');
  other = await stack.device('agent', 'other agent');
  await must(admin.socket, 'cloud:add', {
    name: 'Billing',
    phoneNumberId: PHONE_ID,
    wabaId: WABA,
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-billing',
  });
  for (const m of [agent, other])
    await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: m.id });
  await postWebhook(env, textMessage(env, { id: fakeWamid(), from: CUSTOMER, text: 'tagihan saya?' }));
  await settle();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

const send = (who: typeof agent, args: Record<string, unknown>) =>
  call(who.socket, 'cloud:send-template', { chatId: CHAT, clientMessageId: randomUUID(), ...args });

describe('currency and date_time parameters', () => {
  it('sends amounts and date-times as Meta’s parameters and shows their fallbacks in the chat', async () => {
    const before = graph.sent.length;
    const clientMessageId = randomUUID();
    await must(agent.socket, 'cloud:send-template', {
      chatId: CHAT,
      clientMessageId,
      name: 'receipt',
      language: 'en_US',
      header: { type: 'date_time', fallback: '5 December 2026' },
      parameters: [
        'Sari',
        { type: 'currency', fallback: 'Rp150.000', code: 'IDR', amount1000: 150_000_000 },
        { type: 'date_time', fallback: '5 January 2027' },
      ],
    });
    await settle();
    expect(components(before)).toEqual([
      [
        { type: 'header', parameters: [{ type: 'date_time', date_time: { fallback_value: '5 December 2026' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Sari' },
            { type: 'currency', currency: { fallback_value: 'Rp150.000', code: 'IDR', amount_1000: 150_000_000 } },
            { type: 'date_time', date_time: { fallback_value: '5 January 2027' } },
          ],
        },
      ],
    ]);
    const [msg] = await rows('select body from messages where client_message_id = ?', [clientMessageId]);
    expect(msg?.['body']).toBe('Paid on 5 December 2026\nHi Sari, we received Rp150.000. Next bill: 5 January 2027.');
  });

  it('refuses a malformed amount by the schema, before Graph is called', async () => {
    const before = graph.received.length;
    for (const bad of [
      { type: 'currency', fallback: 'Rp1', code: 'idr', amount1000: 1000 },
      { type: 'currency', fallback: 'Rp1', code: 'IDR', amount1000: 1.5 },
      { type: 'date_time', fallback: '' },
    ]) {
      const r = await send(agent, { name: 'receipt', language: 'en_US', parameters: ['Sari', bad, 'x'] });
      expect(!r.ok && r.error.code).toBe('invalid_args');
    }
    expect(graph.received.length).toBe(before);
  });
});

describe('media headers by uploaded file', () => {
  it('streams the uploaded image to Graph and sends the header by its media id', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(randomUUID())]);
    const ref = await upload(agent.token, png, 'image/png');
    const before = { sent: graph.sent.length, media: graph.media.size };
    const args = { name: 'promo', language: 'id', parameters: ['Sari'], header: { type: 'image', upload: ref } };
    const clientMessageId = randomUUID();
    await must(agent.socket, 'cloud:send-template', { chatId: CHAT, clientMessageId, ...args });
    await must(agent.socket, 'cloud:send-template', { chatId: CHAT, clientMessageId, ...args });
    await settle();
    expect(graph.media.size).toBe(before.media + 1);
    const [id, stored] = [...graph.media.entries()].slice(-1)[0]!;
    expect(stored.bytes.equals(png)).toBe(true);
    expect(stored.mime).toBe('image/png');
    expect(components(before.sent)).toEqual([
      [
        { type: 'header', parameters: [{ type: 'image', image: { id } }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Sari' }] },
      ],
    ]);
    const [row] = await rows('select state from sends where client_message_id = ?', [clientMessageId]);
    expect(row?.['state']).toBe('sent');
  });

  it('sends an uploaded document header with its file name', async () => {
    const pdf = Buffer.from(`%PDF-1.4 kontrak ${randomUUID()}`);
    const ref = await upload(agent.token, pdf, 'application/pdf');
    const before = graph.sent.length;
    await must(agent.socket, 'cloud:send-template', {
      chatId: CHAT,
      clientMessageId: randomUUID(),
      name: 'contract',
      language: 'id',
      parameters: [],
      header: { type: 'document', upload: ref, filename: 'Kontrak.pdf' },
    });
    await settle();
    const [id, stored] = [...graph.media.entries()].slice(-1)[0]!;
    expect(stored).toMatchObject({ mime: 'application/pdf', filename: 'Kontrak.pdf' });
    expect(components(before)).toEqual([
      [{ type: 'header', parameters: [{ type: 'document', document: { id, filename: 'Kontrak.pdf' } }] }],
    ]);
  });

  it('refuses someone else’s upload, a wrong size, a file of another kind, and both a link and a file', async () => {
    const pdf = Buffer.from(`%PDF-1.4 ${randomUUID()}`);
    const pdfRef = await upload(agent.token, pdf, 'application/pdf');
    const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(randomUUID())]);
    const jpgRef = await upload(agent.token, jpg, 'image/jpeg');
    const promo = { name: 'promo', language: 'id', parameters: ['Sari'] };
    const before = graph.received.length;

    const notMine = await send(other, { ...promo, header: { type: 'image', upload: jpgRef } });
    expect(!notMine.ok && notMine.error.code).toBe('not_found');
    const wrongSize = await send(agent, { ...promo, header: { type: 'image', upload: { ...jpgRef, size: 3 } } });
    expect(!wrongSize.ok && wrongSize.error.code).toBe('invalid_args');
    const wrongKind = await send(agent, { ...promo, header: { type: 'image', upload: pdfRef } });
    expect(!wrongKind.ok && wrongKind.error).toMatchObject({
      code: 'invalid_args',
      details: { reason: 'template_media', part: 'header', expected: 'image' },
    });
    const both = await send(agent, {
      ...promo,
      header: { type: 'image', upload: jpgRef, link: 'https://files.example/a.jpg' },
    });
    expect(!both.ok && both.error.code).toBe('invalid_args');
    await settle();
    expect(graph.received.length).toBe(before);
  });
});
