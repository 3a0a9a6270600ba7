/**
 * Cloud API numbers, the parts past text replies (issue #19): templates whose header and
 * buttons take parameters go out with exactly Meta's components (and bad ones are refused
 * with codes before Graph is called), and the webhook fields besides `messages`: a quality
 * update is stored and listed, a template status update refreshes the template list, an
 * account update is audited, and a field Blazz does not read is recorded as ignored.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { Stack } from './harness';
import { call, must, sqlRows, startStack } from './harness';

const PHONE_ID = '106540352242923';
const WABA = '102290129340398';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'c'.repeat(60);
const APP_SECRET = 'app-secret-templates-0123';
const CUSTOMER = '6281234500001';
const CHAT = `${ACCOUNT}:${CUSTOMER}@c.us`;

let stack: Stack;
let graph: GraphApi;
let env: { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };
let agent: Awaited<ReturnType<Stack['device']>>;
let admin: Awaited<ReturnType<Stack['device']>>;

const rows = (sql: string, args: unknown[] = []) => sqlRows(stack, sql, args);
const settle = () => stack.node.app.cloud.idle();

/** One change of another field than `messages`, as Meta wraps it. */
const fieldChange = (field: string, value: unknown) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: WABA, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }],
});

const SHIPPED = {
  id: '911',
  name: 'shipped',
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, it is on its way.' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
        { type: 'QUICK_REPLY', text: 'Thanks' },
      ],
    },
  ],
};
const INVOICE = {
  id: '912',
  name: 'invoice',
  language: 'id',
  status: 'APPROVED',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'DOCUMENT' },
    { type: 'BODY', text: 'Tagihan Anda terlampir.' },
  ],
};
/** A coupon template (Meta's "Coupon code templates"): a copy-code button beside a quick reply. */
const COUPON = {
  id: '913',
  name: 'fall_sale',
  language: 'id',
  status: 'APPROVED',
  category: 'MARKETING',
  components: [
    { type: 'BODY', text: 'Pakai kode {{1}} untuk potongan.' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Berhenti' },
        { type: 'COPY_CODE', text: 'Salin kode' },
      ],
    },
  ],
};

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID, wabaId: WABA });
  graph.templates.push(SHIPPED, INVOICE, COUPON);
  graph.templatePageSize = 10;
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62 812-3456-7890' };
  admin = await stack.device('admin');
  agent = await stack.device('agent');
  await must(admin.socket, 'cloud:add', {
    name: 'Orders',
    phoneNumberId: PHONE_ID,
    wabaId: WABA,
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-orders',
  });
  await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
  await postWebhook(env, textMessage(env, { id: fakeWamid(), from: CUSTOMER, text: 'where is my order?' }));
  await settle();
  await must(admin.socket, 'chat:assign', { chatId: CHAT, assigneeId: agent.id, version: 0 });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

const sendTemplate = (args: Record<string, unknown>) =>
  call(agent.socket, 'cloud:send-template', {
    chatId: CHAT,
    clientMessageId: randomUUID(),
    name: 'shipped',
    language: 'en_US',
    parameters: ['Sari'],
    ...args,
  });

describe('template parameters', () => {
  it("sends header, body and button parameters as exactly Meta's components", async () => {
    const before = graph.sent.length;
    const r = await sendTemplate({
      header: { type: 'text', text: 'INV-7' },
      buttons: [
        { subType: 'url', index: 0, text: 'INV-7' },
        { subType: 'quick_reply', index: 1, payload: 'thanks-INV-7' },
      ],
    });
    expect(r.ok).toBe(true);
    await settle();
    expect(graph.sent.slice(before).map(s => s.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: CUSTOMER,
        type: 'template',
        template: {
          name: 'shipped',
          language: { code: 'en_US' },
          components: [
            { type: 'header', parameters: [{ type: 'text', text: 'INV-7' }] },
            { type: 'body', parameters: [{ type: 'text', text: 'Sari' }] },
            { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'INV-7' }] },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '1',
              parameters: [{ type: 'payload', payload: 'thanks-INV-7' }],
            },
          ],
        },
      },
    ]);
    const [row] = await rows('select body from messages where chat_id = ? and from_me = true', [CHAT]);
    expect(row?.['body']).toBe('Order INV-7\nHi Sari, it is on its way.');
  });

  it('sends a document header by its https link', async () => {
    const before = graph.sent.length;
    const link = 'https://files.example/inv-7.pdf';
    const r = await sendTemplate({
      name: 'invoice',
      language: 'id',
      parameters: [],
      header: { type: 'document', link, filename: 'INV-7.pdf' },
    });
    expect(r.ok).toBe(true);
    await settle();
    expect(graph.sent.slice(before).map(s => (s.body['template'] as { components: unknown }).components)).toEqual([
      [{ type: 'header', parameters: [{ type: 'document', document: { link, filename: 'INV-7.pdf' } }] }],
    ]);
  });

  it('sends a copy-code button’s coupon code, and refuses a coupon template without one', async () => {
    const coupon = { name: 'fall_sale', language: 'id', parameters: ['25OFF'] };
    const before = graph.sent.length;
    const missing = await sendTemplate(coupon);
    expect(!missing.ok && missing.error.details).toMatchObject({
      reason: 'template_parameters',
      part: 'button',
      index: 1,
      expected: 'copy_code',
    });
    // Meta takes at most 15 characters: refused by the schema.
    const long = await sendTemplate({ ...coupon, buttons: [{ subType: 'copy_code', index: 1, code: 'X'.repeat(16) }] });
    expect(!long.ok && long.error.code).toBe('invalid_args');
    const r = await sendTemplate({ ...coupon, buttons: [{ subType: 'copy_code', index: 1, code: '25OFF' }] });
    expect(r.ok).toBe(true);
    await settle();
    expect(graph.sent.slice(before).map(s => (s.body['template'] as { components: unknown }).components)).toEqual([
      [
        { type: 'body', parameters: [{ type: 'text', text: '25OFF' }] },
        {
          type: 'button',
          sub_type: 'copy_code',
          index: '1',
          parameters: [{ type: 'coupon_code', coupon_code: '25OFF' }],
        },
      ],
    ]);
  });

  it('refuses parameters that do not fit, with codes, and calls Graph for none of them', async () => {
    const sends = graph.sent.length;
    const url = { subType: 'url', index: 0, text: 'INV-7' };
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ buttons: [url] }, { reason: 'template_parameters', part: 'header', expected: 'text' }],
      [
        { header: { type: 'image', link: 'https://x.example/a.png' }, buttons: [url] },
        { reason: 'template_parameters', part: 'header', expected: 'text' },
      ],
      [{ header: { type: 'text', text: 'INV-7' } }, { reason: 'template_parameters', part: 'button', index: 0 }],
      [
        { header: { type: 'text', text: 'A' }, buttons: [url], parameters: ['a', 'b'] },
        { reason: 'template_parameters', part: 'body', expected: 1 },
      ],
      [
        { header: { type: 'text', text: 'A' }, buttons: [{ subType: 'url', index: 1, text: 'x' }] },
        { reason: 'template_parameters', part: 'button', index: 1, expected: 'quick_reply' },
      ],
      [
        { name: 'invoice', language: 'id', parameters: [] },
        { reason: 'template_parameters', part: 'header', expected: 'document' },
      ],
    ];
    for (const [args, details] of cases) {
      const r = await sendTemplate(args);
      expect(!r.ok && r.error.code).toBe('invalid_args');
      if (!r.ok) expect(r.error.details).toMatchObject(details);
    }
    // Not https: refused by the schema before the handler.
    const http = await sendTemplate({
      name: 'invoice',
      language: 'id',
      parameters: [],
      header: { type: 'document', link: 'http://files.example/a.pdf' },
    });
    expect(!http.ok && http.error.code).toBe('invalid_args');
    await settle();
    expect(graph.sent.length).toBe(sends);
  });
});

describe('webhook fields besides messages', () => {
  it('stores a quality update on the number, with the rating Graph reports, and lists it', async () => {
    graph.qualityRating = 'RED';
    const body = fieldChange('phone_number_quality_update', {
      display_phone_number: '6281234567890',
      event: 'FLAGGED',
      current_limit: 'TIER_250',
    });
    expect((await postWebhook(env, body)).status).toBe(200);
    await settle();
    const [listed] = (await must(admin.socket, 'cloud:list', {})).filter(n => n.accountId === ACCOUNT);
    expect(listed).toMatchObject({ qualityRating: 'RED', messagingLimit: 'TIER_250', qualityEvent: 'FLAGGED' });
    expect(listed?.qualityAt).toEqual(expect.any(Number));
  });

  it('drops the template list when a template status changes, so a paused one is seen at once', async () => {
    const first = await must(agent.socket, 'cloud:templates', { accountId: ACCOUNT });
    expect(first.find(t => t.name === 'shipped')?.status).toBe('APPROVED');
    SHIPPED.status = 'PAUSED';
    // Still the cached list: Meta has not told us yet.
    expect(
      (await must(agent.socket, 'cloud:templates', { accountId: ACCOUNT })).find(t => t.name === 'shipped')?.status,
    ).toBe('APPROVED');
    const body = fieldChange('message_template_status_update', {
      event: 'PAUSED',
      message_template_id: 911,
      message_template_name: 'shipped',
      message_template_language: 'en_US',
      reason: null,
    });
    expect((await postWebhook(env, body)).status).toBe(200);
    await settle();
    const fresh = await must(agent.socket, 'cloud:templates', { accountId: ACCOUNT });
    expect(fresh.find(t => t.name === 'shipped')?.status).toBe('PAUSED');
    const r = await sendTemplate({
      header: { type: 'text', text: 'X' },
      buttons: [{ subType: 'url', index: 0, text: 'X' }],
    });
    expect(!r.ok && r.error.details).toMatchObject({ reason: 'template_unknown' });
  });

  it('audits an account update, and records an unknown field as ignored without failing', async () => {
    const account = fieldChange('account_update', { phone_number: '6281234567890', event: 'ACCOUNT_RESTRICTION' });
    const unknown = fieldChange('business_capability_update', { max_daily_conversation_per_phone: 1000 });
    expect((await postWebhook(env, account)).status).toBe(200);
    expect((await postWebhook(env, unknown)).status).toBe(200);
    await settle();
    const audit = await rows("select after from audit_log where action = 'cloud.account_update'");
    expect(audit.map(a => JSON.parse(String(a['after'])) as unknown)).toEqual([
      { wabaId: WABA, event: 'ACCOUNT_RESTRICTION' },
    ]);
    const [row] = await rows('select status, error from cloud_webhook_inbox where body like ?', [
      '%business_capability_update%',
    ]);
    expect(row).toMatchObject({ status: 'done', error: 'ignored_fields:1' });
  });
});
