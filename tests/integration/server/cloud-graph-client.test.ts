/**
 * The Graph client (#19) against a loopback Graph API that speaks Meta's documented payloads
 * and errors: every method, every error mapping, retries only where Meta says "later",
 * timeouts and malformed answers as data.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGraphClient } from '../../../sync-server/src/cloud-api/graph';
import type { GraphConfig } from '../../../sync-server/src/cloud-api/graph';
import { faults } from '../../helpers/graph-api/faults';
import type { Fault } from '../../helpers/graph-api/faults';
import { startGraphApi } from '../../helpers/graph-api/server';

const api = await startGraphApi();
afterAll(() => api.close());

const config = (over: Partial<GraphConfig> = {}): GraphConfig => ({
  baseUrl: api.baseUrl,
  apiVersion: api.version,
  phoneNumberId: api.phoneNumberId,
  wabaId: api.wabaId,
  accessToken: api.token,
  retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 2_000 },
  ...over,
});
const client = createGraphClient(config());
const CUSTOMER = '6281234567890';

beforeEach(() => api.reset());

describe('sending', () => {
  it('sends a text with a reply context and answers the wamid Meta gave', async () => {
    const r = await client.sendText(`+${CUSTOMER}`, 'Halo, pesanan Anda sudah dikirim 📦', {
      replyTo: 'wamid.QUOTED',
      previewUrl: true,
    });
    expect(r).toEqual({ ok: true, value: { wamid: api.sent[0]!.wamid } });
    expect(api.received[0]!.headers.authorization).toBe(`Bearer ${api.token}`);
    expect(api.received[0]!.path).toBe(`/${api.version}/${api.phoneNumberId}/messages`);
    expect(api.sent[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: CUSTOMER,
      type: 'text',
      text: { body: 'Halo, pesanan Anda sudah dikirim 📦', preview_url: true },
      context: { message_id: 'wamid.QUOTED' },
    });
  });

  it('sends media by uploaded id or by link, with caption and filename where Meta takes them', async () => {
    const doc = await client.sendMedia(CUSTOMER, {
      kind: 'document',
      mediaId: '123',
      caption: 'Invoice',
      filename: 'inv.pdf',
    });
    const audio = await client.sendMedia(
      CUSTOMER,
      { kind: 'audio', link: 'https://cdn.example/a.ogg', caption: 'dropped' },
      { replyTo: 'wamid.X' },
    );
    expect(doc.ok && audio.ok).toBe(true);
    expect(api.sent[0]!.body['document']).toEqual({ id: '123', caption: 'Invoice', filename: 'inv.pdf' });
    expect(api.sent[1]!.body['audio']).toEqual({ link: 'https://cdn.example/a.ogg' });
    expect(api.sent[1]!.body['context']).toEqual({ message_id: 'wamid.X' });
  });

  it('refuses media with both or neither source without calling Graph', async () => {
    const both = await client.sendMedia(CUSTOMER, { kind: 'image', mediaId: '1', link: 'https://x/y.png' });
    const none = await client.sendMedia(CUSTOMER, { kind: 'image' });
    expect(!both.ok && both.error.code).toBe('bad_request');
    expect(!none.ok && none.error.code).toBe('bad_request');
    expect(api.received).toHaveLength(0);
  });

  it('sends a reaction and marks a message read', async () => {
    expect((await client.sendReaction(CUSTOMER, 'wamid.IN', '👍')).ok).toBe(true);
    expect(await client.markRead('wamid.IN')).toEqual({ ok: true, value: true });
    expect(api.sent[0]!.body).toMatchObject({ type: 'reaction', reaction: { message_id: 'wamid.IN', emoji: '👍' } });
    expect(api.received[1]!.json).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
  });

  it('takes one emoji however many code points it has, and an empty one (removal), but not two', async () => {
    for (const emoji of ['👩🏽‍❤️‍💋‍👨🏻', '🇮🇩', ''])
      expect((await client.sendReaction(CUSTOMER, 'wamid.IN', emoji)).ok, emoji).toBe(true);
    expect(await client.sendReaction(CUSTOMER, 'wamid.IN', '👍👍')).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(api.sent.map(s => (s.body['reaction'] as { emoji: string }).emoji)).toEqual(['👩🏽‍❤️‍💋‍👨🏻', '🇮🇩', '']);
  });

  it('sends a template with its parameters in Meta’s component shape', async () => {
    const r = await client.sendTemplate(CUSTOMER, {
      name: 'order_shipped',
      language: 'id',
      components: [
        { type: 'header', parameters: [{ type: 'image', link: 'https://cdn.example/h.png' }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Rina' },
            { type: 'currency', fallback: 'Rp150.000', code: 'IDR', amount1000: 150_000_000 },
            { type: 'date_time', fallback: '5 Des 2026' },
          ],
        },
        { type: 'button', subType: 'url', index: 0, parameters: [{ type: 'text', text: 'A12' }] },
      ],
    });
    expect(r.ok).toBe(true);
    expect(api.sent[0]!.body['template']).toEqual({
      name: 'order_shipped',
      language: { code: 'id' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example/h.png' } }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Rina' },
            { type: 'currency', currency: { fallback_value: 'Rp150.000', code: 'IDR', amount_1000: 150_000_000 } },
            { type: 'date_time', date_time: { fallback_value: '5 Des 2026' } },
          ],
        },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A12' }] },
      ],
    });
  });

  it('answers invalid_number for a number that cannot be one, without calling Graph', async () => {
    for (const to of ['', '0812345678', '62-812', '+62 812 3456', '1234567890123456'])
      expect(await client.sendText(to, 'hi')).toMatchObject({ ok: false, error: { code: 'invalid_number' } });
    expect(api.received).toHaveLength(0);
  });

  it('refuses an empty text and one over 4,096 characters without calling Graph', async () => {
    expect(await client.sendText(CUSTOMER, '')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await client.sendText(CUSTOMER, 'x'.repeat(4097))).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(api.received).toHaveLength(0);
    expect((await client.sendText(CUSTOMER, 'x'.repeat(4096))).ok).toBe(true);
  });

  it('outside the 24-hour window a text gets window_closed but a template goes', async () => {
    api.closedWindow.add(CUSTOMER);
    const text = await client.sendText(CUSTOMER, 'hello?');
    expect(text).toMatchObject({ ok: false, error: { code: 'window_closed', metaCode: 131047, retryable: false } });
    expect((await client.sendTemplate(CUSTOMER, { name: 'hello', language: 'en_US', components: [] })).ok).toBe(true);
  });
});

describe('media', () => {
  it('uploads multipart and downloads the same bytes back through the media URL', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const up = await client.uploadMedia(bytes, 'application/pdf', 'quote.pdf');
    expect(up.ok).toBe(true);
    const id = up.ok ? up.value.id : '';
    expect(api.media.get(id)).toMatchObject({ mime: 'application/pdf', filename: 'quote.pdf' });
    const down = await client.downloadMedia(id);
    expect(down.ok).toBe(true);
    if (!down.ok) return;
    expect(Buffer.from(down.value.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(down.value.mime).toBe('application/pdf');
    expect(down.value.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Both legs of the download carry the bearer token: Meta's media URL needs it too.
    expect(api.received.slice(-2).map(r => r.headers.authorization)).toEqual([
      `Bearer ${api.token}`,
      `Bearer ${api.token}`,
    ]);
    // …and a User-Agent: Meta's media host answers nothing useful without one.
    expect(api.received.slice(-2).map(r => r.headers['user-agent'])).toEqual([
      'BlazzDesk-CloudAPI/1',
      'BlazzDesk-CloudAPI/1',
    ]);
  });

  it('refuses a type Meta does not accept and a file over its kind’s limit before uploading', async () => {
    const exe = await client.uploadMedia(new Uint8Array(10), 'application/x-msdownload', 'a.exe');
    const big = await client.uploadMedia(new Uint8Array(5 * 1024 * 1024 + 1), 'image/jpeg', 'big.jpg');
    expect(!exe.ok && exe.error.code).toBe('media_unsupported');
    expect(!big.ok && big.error.code).toBe('media_too_large');
    expect(api.received).toHaveLength(0);
  });

  it('maps Meta’s media errors and an unknown media id', async () => {
    api.inject(faults.mediaUnsupported());
    const up = await client.uploadMedia(new Uint8Array(10), 'image/png', 'a.png');
    expect(up).toMatchObject({ ok: false, error: { code: 'media_unsupported', metaCode: 131053 } });
    expect(await client.downloadMedia('999')).toMatchObject({ ok: false, error: { code: 'not_found', metaCode: 100 } });
    expect(await client.downloadMedia('../../v21.0/x')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('stops a download over the size limit, and never sends the token to a plain-http foreign URL', async () => {
    const up = await client.uploadMedia(new Uint8Array(2048), 'image/png', 'a.png');
    const id = up.ok ? up.value.id : '';
    const small = createGraphClient(config({ maxDownloadBytes: 1024 }));
    expect(await small.downloadMedia(id)).toMatchObject({ ok: false, error: { code: 'media_too_large' } });
    // Over the limit while reading (file_size said less): too large, even at the size of the JSON cap.
    const four = 4 * 1024 * 1024;
    const bigUp = await client.uploadMedia(new Uint8Array(four + 10), 'application/pdf', 'big.pdf');
    const bigId = bigUp.ok ? bigUp.value.id : '';
    api.inject({
      status: 200,
      body: { url: `${api.baseUrl}/media-download/${bigId}`, mime_type: 'application/pdf', file_size: 10 },
    });
    const capped = createGraphClient(config({ maxDownloadBytes: four }));
    expect(await capped.downloadMedia(bigId)).toMatchObject({ ok: false, error: { code: 'media_too_large' } });
    api.received.length = 0;
    api.inject({ status: 200, body: { url: 'http://169.254.169.254/latest', mime_type: 'image/png', id } });
    expect(await client.downloadMedia(id)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(api.received).toHaveLength(1);
  });
});

describe('templates and the number', () => {
  it('lists every page of templates by the after cursor', async () => {
    api.templates.length = 0;
    for (let i = 1; i <= 5; i++)
      api.templates.push({
        id: String(9000 + i),
        name: `tpl_${i}`,
        language: i % 2 ? 'id' : 'en_US',
        status: i === 5 ? 'REJECTED' : 'APPROVED',
        category: 'UTILITY',
        components: [
          { type: 'BODY', text: `Hi {{1}}, order {{2}} (${i})` },
          { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'OK' }] },
        ],
      });
    const r = await client.listTemplates();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map(t => t.name)).toEqual(['tpl_1', 'tpl_2', 'tpl_3', 'tpl_4', 'tpl_5']);
    expect(r.value[4]).toEqual({
      id: '9005',
      name: 'tpl_5',
      language: 'id',
      status: 'REJECTED',
      category: 'UTILITY',
      components: [
        { type: 'BODY', format: null, text: 'Hi {{1}}, order {{2}} (5)', buttons: [] },
        { type: 'BUTTONS', format: null, text: null, buttons: [{ type: 'QUICK_REPLY', text: 'OK', url: null }] },
      ],
    });
    expect(api.received.map(q => q.query.get('after'))).toEqual([null, expect.any(String), expect.any(String)]);
  });

  it('stops when a server repeats its cursor instead of paging forever', async () => {
    const page = { data: [], paging: { cursors: { after: 'SAME' }, next: 'https://elsewhere.example/next' } };
    api.inject({ status: 200, body: page }, { status: 200, body: page });
    expect(await client.listTemplates()).toEqual({ ok: true, value: [] });
    expect(api.received).toHaveLength(2);
    expect(api.received.every(q => q.headers.host?.startsWith('127.0.0.1'))).toBe(true);
  });

  it('reads the number’s display number, verified name and quality rating', async () => {
    expect(await client.phoneNumberInfo()).toEqual({
      ok: true,
      value: { displayPhoneNumber: '+62 812-3456-7890', verifiedName: 'Blazz Support', qualityRating: 'GREEN' },
    });
  });
});

describe('errors and retries', () => {
  const cases: [string, string, () => Fault, number | null, boolean][] = [
    ['expired token', 'token_expired', faults.tokenExpired, 190, false],
    ['window closed', 'window_closed', faults.windowClosed, 131047, false],
    ['undeliverable', 'invalid_number', faults.undeliverable, 131026, false],
    ['not in allowed list', 'invalid_number', faults.notAllowed, 131030, false],
    ['template parameters', 'template_invalid', faults.templateParams, 132000, false],
    ['template missing', 'template_invalid', faults.templateMissing, 132001, false],
    ['invalid parameter', 'bad_request', faults.invalidParameter, 100, false],
    ['throughput', 'rate_limited', faults.throughput, 130429, true],
    ['pair rate limit', 'rate_limited', faults.pairLimit, 131056, true],
    ['app request limit', 'rate_limited', faults.appLimit, 4, true],
    ['server error', 'unavailable', faults.serverError, 1, true],
    ['service unavailable', 'unavailable', faults.serviceUnavailable, 131016, true],
    ['bare 429', 'rate_limited', () => faults.tooManyRequests(), null, true],
  ];

  it.each(cases)(
    '%s → %s; tried once when not retryable, three times when it is',
    async (_n, code, f, metaCode, retryable) => {
      api.inject(f(), f(), f());
      const r = await client.sendText(CUSTOMER, 'hi');
      expect(r).toEqual({ ok: false, error: { code, metaCode, detail: expect.any(String), retryable } });
      expect(api.received).toHaveLength(retryable ? 3 : 1);
      expect(api.sent).toHaveLength(0);
    },
  );

  it.each([
    ['a 500', faults.serverError],
    ['a 429', () => faults.tooManyRequests()],
    ['a throughput limit', faults.throughput],
  ])('after %s the next try succeeds', async (_n, f) => {
    api.inject(f());
    const r = await client.sendText(CUSTOMER, 'hi');
    expect(r.ok).toBe(true);
    expect(api.received).toHaveLength(2);
    expect(api.sent).toHaveLength(1);
  });

  it('backs off exponentially with full jitter between tries', async () => {
    const backing = createGraphClient(config({ retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 } }));
    const random = vi.spyOn(Math, 'random');
    try {
      random.mockReturnValue(1); // the longest jitter: 200 ms, then 400 ms
      api.inject(faults.serverError(), faults.serverError());
      let started = Date.now();
      expect((await backing.sendText(CUSTOMER, 'hi')).ok).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(590);
      random.mockReturnValue(0); // the shortest: at once
      api.inject(faults.serverError(), faults.serverError());
      started = Date.now();
      expect((await backing.sendText(CUSTOMER, 'hi')).ok).toBe(true);
      expect(Date.now() - started).toBeLessThan(400);
    } finally {
      random.mockRestore();
    }
  });

  it('waits as long as Retry-After says, and gives up at once when that is longer than it waits', async () => {
    api.inject(faults.tooManyRequests(1));
    const started = Date.now();
    expect((await client.sendText(CUSTOMER, 'hi')).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    api.received.length = 0;
    api.inject(faults.tooManyRequests(60));
    const r = await client.sendText(CUSTOMER, 'hi');
    expect(r).toMatchObject({ ok: false, error: { code: 'rate_limited', retryable: true } });
    expect(api.received).toHaveLength(1);
  });

  it('a wrong token is token_expired (the server checks the bearer)', async () => {
    const wrong = createGraphClient(config({ accessToken: 'EAAGwrong' }));
    expect(await wrong.phoneNumberInfo()).toMatchObject({ ok: false, error: { code: 'token_expired', metaCode: 190 } });
  });

  it('a slow answer times out as unavailable and is not re-sent (the send may have happened)', async () => {
    const quick = createGraphClient(config({ timeoutMs: 150 }));
    api.inject(faults.slow(1_500));
    const started = Date.now();
    const send = await quick.sendText(CUSTOMER, 'hi');
    // Given up at the timeout, not when the slow answer finally came.
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(send).toEqual({
      ok: false,
      error: { code: 'unavailable', metaCode: null, detail: 'timeout', retryable: false },
    });
    expect(api.received).toHaveLength(1);
    api.inject(faults.slow(1_500));
    expect(await quick.phoneNumberInfo()).toMatchObject({ ok: false, error: { detail: 'timeout', retryable: true } });
  });

  it('a malformed or wrongly shaped answer is an error, never a throw; a code sent as a string still maps', async () => {
    api.inject(faults.malformed());
    expect(await client.sendText(CUSTOMER, 'hi')).toMatchObject({
      ok: false,
      error: { code: 'unavailable', retryable: false },
    });
    api.inject(faults.wrongShape());
    expect(await client.sendText(CUSTOMER, 'hi')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    api.inject({ status: 400, body: { error: { message: 'Re-engagement message', code: '131047' } } });
    expect(await client.sendText(CUSTOMER, 'hi')).toMatchObject({
      ok: false,
      error: { code: 'window_closed', metaCode: 131047 },
    });
    api.inject({ status: 400, raw: '<html>bad gateway page</html>' });
    expect(await client.sendText(CUSTOMER, 'hi')).toMatchObject({
      ok: false,
      error: { code: 'bad_request', metaCode: null },
    });
    api.inject({ status: 200, body: { data: [{ id: 1, name: null }] } });
    expect(await client.listTemplates()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('an unreachable Graph is unavailable', async () => {
    const gone = createGraphClient(config({ baseUrl: 'http://127.0.0.1:9' }));
    expect(await gone.sendText(CUSTOMER, 'hi')).toMatchObject({
      ok: false,
      error: { code: 'unavailable', retryable: false },
    });
  });
});
