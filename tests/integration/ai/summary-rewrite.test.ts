import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { CHAT, T0, createHarness, msg } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  h.store.addMessages([
    msg(CHAT, false, 'I want a refund for order 4411, the shoes are too small', T0 + 1_000),
    msg(CHAT, true, 'Sorry! We will refund you by Friday.', T0 + 2_000),
    msg(CHAT, false, 'Do I need to send them back?', T0 + 3_000),
  ]);
});
afterEach(() => h.close());

const summaryJson = JSON.stringify({
  customerWants: 'A refund for order 4411 (shoes too small)',
  promised: ['Refund by Friday'],
  openQuestions: ['Does the customer need to return the shoes?'],
});

describe('ai:summarize', () => {
  it('writes a hand-over summary, stores it per chat and serves it from there', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: '```json\n' + summaryJson + '\n```' });
    h.now = T0 + 10_000;

    const first = await h.call('ai:summarize', { chatId: CHAT, agentLanguage: 'English' });
    expect(first).toMatchObject({
      ok: true,
      at: T0 + 10_000,
      stale: false,
      cached: false,
      summary: { customerWants: 'A refund for order 4411 (shoes too small)', promised: ['Refund by Friday'] },
    });
    expect(first.ok && first.summary.text).toContain('Open questions:\n• Does the customer need to return the shoes?');
    expect(h.fake.requests[0]?.stream).toBe(false);
    expect(h.fake.requests[0]?.text).toContain('what the agent promised');
    expect(h.fake.requests[0]?.text).toContain('Write in English.');

    const second = await h.call('ai:summarize', { chatId: CHAT });
    expect(second).toMatchObject({ ok: true, cached: true, at: T0 + 10_000 });
    expect(h.ai.handoverNote(CHAT)).toBe(first.ok ? first.summary.text : 'missing');
    expect(h.fake.requests).toHaveLength(1);
  });

  it('marks a stored summary stale after new messages and refreshes on demand', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: summaryJson });
    h.now = T0 + 10_000;
    await h.call('ai:summarize', { chatId: CHAT });

    h.store.addMessages([msg(CHAT, false, 'One more thing', T0 + 20_000)]);
    expect(await h.call('ai:summarize', { chatId: CHAT })).toMatchObject({ ok: true, stale: true, cached: true });

    h.fake.script({ kind: 'text', content: '{"customerWants":"A refund","promised":[],"openQuestions":[]}' });
    h.now = T0 + 30_000;
    const refreshed = await h.call('ai:summarize', { chatId: CHAT, refresh: true });
    expect(refreshed).toMatchObject({
      ok: true,
      stale: false,
      cached: false,
      at: T0 + 30_000,
      summary: { customerWants: 'A refund' },
    });
    expect(h.fake.requests).toHaveLength(2);
    expect(h.store.summary(CHAT)?.summary.customerWants).toBe('A refund');
  });

  it('keeps a prose answer and refuses broken JSON without storing it', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: '{"customerWants": "cut off' });
    expect(await h.call('ai:summarize', { chatId: CHAT })).toMatchObject({ ok: false, reason: 'bad_response' });
    expect(h.store.summary(CHAT)).toBeNull();

    h.fake.script({ kind: 'text', content: 'The customer wants a refund; a refund by Friday was promised.' });
    const r = await h.call('ai:summarize', { chatId: CHAT, refresh: true });
    expect(r).toMatchObject({
      ok: true,
      summary: { text: 'The customer wants a refund; a refund by Friday was promised.' },
    });
  });
});

describe('ai:rewrite', () => {
  it.each([
    ['friendlier', 'warmer and friendlier'],
    ['shorter', 'shorter and clearer'],
    ['formal', 'polite, professional tone'],
  ] as const)('rewrites a draft %s', async (style, instruction) => {
    await h.enable();
    h.fake.script({ kind: 'text', content: '"Rewritten draft."' });
    const r = await h.call('ai:rewrite', { draft: 'send them back', style });
    expect(r).toEqual({ ok: true, text: 'Rewritten draft.', cached: false });
    expect(h.fake.requests[0]?.text).toContain(instruction);
    expect(h.fake.requests[0]?.text).toContain('Draft:\nsend them back');
  });

  it("translates into the customer's language using their recent messages", async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: 'Tidak perlu dikirim kembali.' });
    const r = await h.call('ai:rewrite', { chatId: CHAT, draft: 'No need to send them back.', style: 'translate' });
    expect(r).toMatchObject({ ok: true, text: 'Tidak perlu dikirim kembali.' });
    const sent = h.fake.requests[0]?.text ?? '';
    expect(sent).toContain('the language the customer writes in');
    expect(sent).toContain('Do I need to send them back?');
    // Only customer messages help detect their language; the agent's are not sent.
    expect(sent).not.toContain('We will refund you by Friday');
  });

  it('translates into an explicit language without reading the chat', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: 'Hola' });
    await h.call('ai:rewrite', { draft: 'Hello', style: 'translate', targetLanguage: 'Spanish' });
    expect(h.fake.requests[0]?.text).toContain('Translate the draft into Spanish.');
    expect(h.store.calls).not.toContain('recentMessages');
  });

  it('refuses a translation with neither a language nor a chat at the boundary', async () => {
    await h.enable();
    await expect(h.call('ai:rewrite', { draft: 'Hello', style: 'translate' })).rejects.toThrow(/targetLanguage/);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('serves a repeated rewrite from the cache', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: 'Short.' });
    await h.call('ai:rewrite', { draft: 'This is long.', style: 'shorter' });
    expect(await h.call('ai:rewrite', { draft: 'This is long.', style: 'shorter' })).toEqual({
      ok: true,
      text: 'Short.',
      cached: true,
    });
    expect(h.fake.requests).toHaveLength(1);
  });
});
