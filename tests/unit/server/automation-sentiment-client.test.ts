/**
 * The server's sentiment request (sync-server/src/automation/ai/sentiment.ts) against the
 * loopback OpenAI-compatible server: a verdict, and each failure as a reason, never a throw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOpenAi } from '../../helpers/fake-openai/server';
import { startFakeOpenAi } from '../../helpers/fake-openai/server';
import { askSentiment } from '../../../sync-server/src/automation/ai/sentiment';

let ai: FakeOpenAi;
beforeAll(async () => {
  ai = await startFakeOpenAi();
});
afterAll(async () => {
  await ai?.close();
});

const endpoint = () => ({ baseUrl: `${ai.url}/`, model: 'mood', apiKey: 'sk-unit' });

describe('askSentiment', () => {
  it('returns the verdict and sends the key and model', async () => {
    ai.script({ kind: 'text', content: '{"sentiment":"negative"}' });
    expect(await askSentiment(endpoint(), 'buruk')).toEqual({ ok: true, sentiment: 'negative' });
    const last = ai.requests.at(-1);
    expect(last?.path).toBe('/v1/chat/completions');
    expect(last?.authorization).toBe('Bearer sk-unit');
    expect(last?.model).toBe('mood');
    expect(last?.stream).toBe(false);
  });

  it('names each failure', async () => {
    ai.script({ kind: 'hang' });
    expect(await askSentiment(endpoint(), 'x', { timeoutMs: 200 })).toEqual({ ok: false, reason: 'timeout' });
    ai.script({ kind: 'error', status: 401 });
    expect(await askSentiment(endpoint(), 'x')).toEqual({ ok: false, reason: 'key' });
    ai.script({ kind: 'raw', status: 302, contentType: 'text/plain', body: 'elsewhere' });
    expect(await askSentiment(endpoint(), 'x')).toEqual({ ok: false, reason: 'http' });
    ai.script({ kind: 'raw', contentType: 'application/json', body: 'not json' });
    expect(await askSentiment(endpoint(), 'x')).toEqual({ ok: false, reason: 'invalid_answer' });
    ai.script({ kind: 'raw', contentType: 'application/json', body: JSON.stringify({ choices: 'no' }) });
    expect(await askSentiment(endpoint(), 'x')).toEqual({ ok: false, reason: 'invalid_answer' });
    ai.script({ kind: 'raw', contentType: 'application/json', body: 'x'.repeat(70 * 1024) });
    expect(await askSentiment(endpoint(), 'x')).toEqual({ ok: false, reason: 'too_large' });
    expect(await askSentiment({ ...endpoint(), baseUrl: 'http://127.0.0.1:9/v1' }, 'x')).toEqual({
      ok: false,
      reason: 'network',
    });
    expect(await askSentiment({ ...endpoint(), baseUrl: 'file:///etc/passwd' }, 'x')).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });
});
