import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { CHAT, createHarness, msg } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  h.store.addMessages([
    msg(CHAT, false, 'My number is +62 812-3456-7890, or 0813 9999 8888, mail budi@example.co.id'),
    msg(CHAT, false, 'Order 20261127001 never arrived'),
  ]);
});
afterEach(() => h.close());

const everyFeature = async (h: Harness) => [
  await h.call('ai:suggest', { chatId: CHAT }),
  await h.call('ai:summarize', { chatId: CHAT }),
  await h.call('ai:rewrite', { chatId: CHAT, draft: 'We will call 0812 3456 7890', style: 'translate' }),
  await h.ai.sentiment.run(),
];

describe('AI turned off', () => {
  it('sends nothing at all and reads no conversation', async () => {
    h.fake.fallback(() => ({ kind: 'text', content: '["should never be asked"]' }));
    const results = await everyFeature(h);
    expect(results.map(r => r.ok === false && r.reason)).toEqual(['disabled', 'disabled', 'disabled', 'disabled']);
    expect(h.fake.requests).toHaveLength(0);
    expect(h.store.calls).toEqual([]);
  });

  it('sends nothing after being turned off again', async () => {
    await h.enable();
    await h.call('ai:settings:save', { ...(await h.call('ai:settings:get', {})).settings, enabled: false });
    await everyFeature(h);
    expect(h.fake.requests).toHaveLength(0);
  });
});

describe('redaction', () => {
  it('lets no phone number, e-mail or long digit run reach the endpoint', async () => {
    await h.enable({ redact: true });
    h.store.addChat(CHAT, {
      name: '+62 812-3456-7890',
      isGroup: false,
      accountName: 'Toko 021-5550199',
      lastMessageAt: null,
    });
    h.store.setTemplates([{ id: 't', shortcut: 'cs', title: 'CS line', body: 'Call us at 0800 1234 5678' }]);
    h.store.addMessages([msg(CHAT, true, 'Hi, this is the shop (0812 1111 2222)')]);
    h.fake.fallback(() => ({ kind: 'text', content: '{"customerWants":"x","promised":[],"openQuestions":[]}' }));

    await everyFeature(h);

    expect(h.fake.requests.length).toBeGreaterThanOrEqual(4);
    for (const req of h.fake.requests) {
      expect(req.text).not.toMatch(/\d{6,}/);
      expect(req.text).not.toMatch(/812|8888|9999|5678|1111|0199/);
      expect(req.text).not.toContain('budi@example.co.id');
    }
    expect(h.fake.requests[0]?.text).toContain('[phone-1]');
  });

  it('puts the originals back into the answer shown to the agent', async () => {
    await h.enable({ redact: true });
    h.fake.script({ kind: 'text', content: 'Kami akan menelepon [phone-1].' });
    const r = await h.call('ai:rewrite', {
      draft: 'We will call 0812 3456 7890',
      style: 'translate',
      targetLanguage: 'Indonesian',
    });
    expect(r).toMatchObject({ ok: true, text: 'Kami akan menelepon 0812 3456 7890.' });
    expect(h.fake.requests[0]?.text).toContain('We will call [phone-1]');
  });

  it('sends text as written when redaction is off', async () => {
    await h.enable({ redact: false });
    h.fake.script({ kind: 'text', content: '["ok"]' });
    await h.call('ai:suggest', { chatId: CHAT });
    expect(h.fake.requests[0]?.text).toContain('+62 812-3456-7890');
  });
});

describe('budget', () => {
  it('refuses requests once the day is used up, and counts again the next day', async () => {
    await h.enable({ dailyBudget: 1 });
    h.fake.fallback(() => ({ kind: 'text', content: '"Done."' }));
    expect(await h.call('ai:rewrite', { draft: 'one', style: 'shorter' })).toMatchObject({ ok: true });
    expect(await h.call('ai:rewrite', { draft: 'two', style: 'shorter' })).toMatchObject({
      ok: false,
      reason: 'budget',
    });
    expect(h.fake.requests).toHaveLength(1);
    // cached answers cost nothing, so they still come
    expect(await h.call('ai:rewrite', { draft: 'one', style: 'shorter' })).toMatchObject({ ok: true, cached: true });
    expect((await h.call('ai:settings:get', {})).usedToday).toBe(1);

    h.now += 24 * 3600 * 1000;
    expect(await h.call('ai:rewrite', { draft: 'two', style: 'shorter' })).toMatchObject({ ok: true });
    expect(h.fake.requests).toHaveLength(2);
  });
});

describe('endpoint failures degrade to a reason', () => {
  it('waits for a slow endpoint that answers within the timeout', async () => {
    await h.enable({ timeoutMs: 5_000 });
    h.fake.script({ kind: 'text', content: '"Slow but fine."', delayMs: 150 });
    expect(await h.call('ai:rewrite', { draft: 'hi', style: 'formal' })).toMatchObject({
      ok: true,
      text: 'Slow but fine.',
    });
  });

  it('times out against a slow endpoint', async () => {
    await h.enable({ timeoutMs: 300 });
    h.fake.fallback(() => ({ kind: 'hang' }));
    expect(await h.call('ai:rewrite', { draft: 'hi', style: 'formal' })).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
  });

  it('times out when a stream stalls halfway, and still ends the chip stream', async () => {
    await h.enable({ timeoutMs: 300 });
    h.fake.script({
      kind: 'text',
      content: '{"replies":["One","Two","Three"]}',
      pauseAt: 12,
      resume: new Promise(() => {}),
    });
    const r = await h.call('ai:suggest', { chatId: CHAT, requestId: 'slow' });
    expect(r).toMatchObject({ ok: false, reason: 'timeout' });
    expect(h.events.at(-1)).toMatchObject({
      name: 'ai:suggestions:streamed',
      payload: { requestId: 'slow', done: true },
    });
  });

  it('does not wait out a Retry-After longer than the deadline', { timeout: 5_000 }, async () => {
    await h.enable({ timeoutMs: 300 });
    h.fake.script({ kind: 'error', status: 429, retryAfterMs: 20_000 });
    expect(await h.call('ai:rewrite', { draft: 'hi', style: 'formal' })).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
    expect(h.fake.requests).toHaveLength(1);
  });

  it('retries a rate limit and a server error with backoff, then succeeds', async () => {
    await h.enable();
    h.fake.script({ kind: 'error', status: 429, retryAfterMs: 5 }, { kind: 'text', content: '"Fine."' });
    expect(await h.call('ai:rewrite', { draft: 'a', style: 'formal' })).toMatchObject({ ok: true, text: 'Fine.' });
    h.fake.script({ kind: 'error', status: 500, retryAfterMs: 5 }, { kind: 'text', content: '"Also fine."' });
    expect(await h.call('ai:rewrite', { draft: 'b', style: 'formal' })).toMatchObject({ ok: true, text: 'Also fine.' });
    expect(h.fake.requests).toHaveLength(4);
    expect((await h.call('ai:settings:get', {})).usedToday).toBe(2); // retries are not extra requests
  });

  it.each([
    [429, 'rate_limited', 2],
    [500, 'unavailable', 2],
    [401, 'unauthorized', 1],
    [404, 'not_configured', 1],
    [400, 'bad_response', 1],
  ] as const)('HTTP %i gives up as %s after %i attempt(s)', async (status, reason, attempts) => {
    await h.enable();
    h.fake.fallback(() => ({ kind: 'error', status, retryAfterMs: 5 }));
    const r = await h.call('ai:rewrite', { draft: 'x', style: 'formal' });
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.ok === false && r.message.length).toBeGreaterThan(0);
    expect(h.fake.requests).toHaveLength(attempts);
  });

  it('reports an unreachable endpoint', async () => {
    await h.enable({ baseUrl: 'http://127.0.0.1:9/v1' });
    expect(await h.call('ai:rewrite', { draft: 'x', style: 'formal' })).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });

  it.each([
    ['a body that is not JSON', { kind: 'raw', contentType: 'application/json', body: '{"choices": [' }],
    ['an SSE event that is not JSON', { kind: 'raw', contentType: 'text/event-stream', body: 'data: {oops\n\n' }],
    ['an empty answer', { kind: 'text', content: '' }],
    ['JSON of the wrong shape', { kind: 'text', content: '{"replies":{"a":1}}' }],
  ] as const)('treats %s as a bad response', async (_name, reply) => {
    await h.enable();
    h.fake.fallback(() => reply);
    expect(await h.call('ai:suggest', { chatId: CHAT })).toMatchObject({ ok: false, reason: 'bad_response' });
    expect(await h.call('ai:rewrite', { draft: 'x', style: 'formal' })).toMatchObject({
      ok: false,
      reason: 'bad_response',
    });
  });
});

describe('local failures', () => {
  it('turn into "unavailable" with the chip stream closed, never into a thrown error', async () => {
    await h.enable();
    h.store.templates = () => {
      throw new Error('SQLITE_CORRUPT');
    };
    const r = await h.call('ai:suggest', { chatId: CHAT, requestId: 'broken' });
    expect(r).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(h.events).toEqual([
      {
        name: 'ai:suggestions:streamed',
        payload: { chatId: CHAT, requestId: 'broken', index: 0, text: '', done: true },
      },
    ]);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('treat an unreadable key store the same way', async () => {
    await h.enable();
    h.secrets.getApiKey = () => Promise.reject(new Error('keychain locked'));
    expect(await h.call('ai:rewrite', { draft: 'x', style: 'formal' })).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
    expect(h.fake.requests).toHaveLength(0);
  });
});
