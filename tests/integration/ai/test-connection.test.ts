/** "Test connection" in Settings → AI: a fixed prompt, no chat data, a reason when it fails. */
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_PROMPT } from '../../../main/ai/test-connection';
import type { Harness } from './harness';
import { CHAT, createHarness, msg } from './harness';

let h: Harness;
afterEach(() => h.close());

describe('ai:test', () => {
  it('works while AI is off, sends only the fixed prompt with the typed key, and costs no budget', async () => {
    h = await createHarness();
    h.store.addMessages([msg(CHAT, false, 'Pesanan saya 0812 3456 7890 belum sampai')]);
    h.fake.script({ kind: 'text', content: '  I can read this.  ' });
    const r = await h.ai.test({ baseUrl: h.fake.url, model: 'm1', apiKey: 'sk-typed' });
    expect(r).toMatchObject({ ok: true, answer: 'I can read this.' });
    expect(h.fake.requests).toHaveLength(1);
    expect(h.fake.requests[0]).toMatchObject({ model: 'm1', authorization: 'Bearer sk-typed', text: TEST_PROMPT });
    expect((await h.ai.settings()).usedToday).toBe(0);
  });

  it('uses the saved key when none is typed, and answers each failure with its reason', async () => {
    h = await createHarness();
    await h.enable({ enabled: false, apiKey: 'sk-saved' });
    h.fake.script(
      { kind: 'error', status: 401 },
      { kind: 'error', status: 404 },
      { kind: 'error', status: 500 },
      { kind: 'hang' },
    );
    const test = (timeoutMs?: number) => h.ai.test({ baseUrl: h.fake.url, model: 'm', timeoutMs });
    expect(await test()).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(h.fake.requests[0]?.authorization).toBe('Bearer sk-saved');
    expect(await test()).toMatchObject({ ok: false, reason: 'not_configured' });
    // One attempt only: the agent is waiting for the answer.
    expect(await test()).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(h.fake.requests).toHaveLength(3);
    expect(await test(200)).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await h.ai.test({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm' })).toMatchObject({
      ok: false,
      reason: 'unavailable',
    });
  });
});
