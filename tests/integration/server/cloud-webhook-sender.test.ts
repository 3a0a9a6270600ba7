/**
 * The loopback Meta's webhook sender (tests/helpers/graph-api/webhooks.ts), checked against a
 * plain receiver so tests of the server's webhook endpoint can rely on it: the signature is
 * Meta's over the exact bytes sent, failed tries are repeated, a slow receiver counts as a
 * failed try.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverWebhook, metaSignature, webhook } from '../../helpers/graph-api/webhooks';
import { startReceiver } from '../../helpers/webhook-receiver';

const rx = await startReceiver('/webhooks/meta');
afterAll(() => rx.close());
beforeEach(() => {
  rx.requests.length = 0;
  rx.behave = () => ({ status: 200 });
});

const SECRET = 'app-secret-1234';
const meta = { wabaId: '102290129340398', phoneNumberId: '106540352242922', displayPhoneNumber: '15550783881' };
const at = Date.UTC(2026, 11, 5, 9, 0, 0);

describe('signed webhooks from the loopback Meta', () => {
  it('signs the exact bytes sent (emoji and escapes included) the way Meta documents', async () => {
    const body = webhook.envelope(meta, {
      contacts: [webhook.contact('6281234567890', 'Rina "R" Ω')],
      messages: [webhook.text({ id: 'wamid.A', from: '6281234567890', body: 'Halo 👋 \\u00e9', at })],
    });
    const d = await deliverWebhook(rx.url, body, { appSecret: SECRET });
    expect(d.delivered).toBe(true);
    const got = rx.requests[0]!;
    expect(got.body).toBe(d.raw);
    const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(got.body, 'utf8')).digest('hex')}`;
    expect(got.headers['x-hub-signature-256']).toBe(expected);
    expect(JSON.parse(got.body)).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: meta.wabaId,
          changes: [{ field: 'messages', value: { metadata: { phone_number_id: meta.phoneNumberId } } }],
        },
      ],
    });
    expect(JSON.parse(got.body).entry[0].changes[0].value.messages[0]).toEqual({
      from: '6281234567890',
      id: 'wamid.A',
      timestamp: String(at / 1000),
      type: 'text',
      text: { body: 'Halo 👋 \\u00e9' },
    });
  });

  it('sends a bad or a missing signature when asked', async () => {
    const bad = await deliverWebhook(rx.url, { object: 'x' }, { appSecret: SECRET, signature: 'bad' });
    await deliverWebhook(rx.url, { object: 'x' }, { appSecret: SECRET, signature: 'missing' });
    expect(rx.requests[0]!.headers['x-hub-signature-256']).not.toBe(metaSignature(SECRET, bad.raw));
    expect(rx.requests[1]!.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('tries again until a 2xx, and counts a receiver slower than the timeout as a failed try', async () => {
    rx.behave = n => (n === 0 ? { status: 500 } : n === 1 ? { status: 200, delayMs: 400 } : { status: 200 });
    const status = webhook.status({ id: 'wamid.OUT', status: 'read', recipient: '6281234567890', at });
    const d = await deliverWebhook(rx.url, webhook.envelope(meta, { statuses: [status] }), {
      appSecret: SECRET,
      attempts: 4,
      retryDelayMs: 10,
      timeoutMs: 150,
    });
    expect(d.attempts.map(a => a.status)).toEqual([500, null, 200]);
    expect(d.delivered).toBe(true);
    expect(rx.requests).toHaveLength(3);
    expect(new Set(rx.requests.map(r => r.body)).size).toBe(1);
  });

  it('gives up after its attempts when the receiver keeps failing', async () => {
    rx.behave = () => ({ status: 503 });
    const d = await deliverWebhook(
      rx.url,
      { object: 'whatsapp_business_account', entry: [] },
      { appSecret: SECRET, attempts: 2, retryDelayMs: 5 },
    );
    expect(d).toMatchObject({ delivered: false, attempts: [{ status: 503 }, { status: 503 }] });
  });
});
