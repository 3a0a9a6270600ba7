import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aiDataNotice } from '../../../common/api/ai';
import type { Harness } from './harness';
import { CHAT, createHarness, msg } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('AI settings', () => {
  it('start off, redacting, with the notice of what is sent', async () => {
    const view = await h.call('ai:settings:get', {});
    expect(view.settings.enabled).toBe(false);
    expect(view.settings.redact).toBe(true);
    expect(view.hasApiKey).toBe(false);
    expect(view.notice).toEqual(aiDataNotice);
  });

  it('store the key in the secret store and never return it', async () => {
    await h.enable({ apiKey: 'sk-very-secret-key' });
    expect(h.secrets.peek()).toBe('sk-very-secret-key');
    const view = await h.call('ai:settings:get', {});
    expect(view.hasApiKey).toBe(true);
    expect(JSON.stringify(view)).not.toContain('sk-very-secret');
    // The settings row in the store does not hold it either.
    expect(JSON.stringify(h.store.loadSettings())).not.toContain('sk-very-secret');
  });

  it('keep the saved key when saved without one, and clear it on request', async () => {
    await h.enable({ apiKey: 'sk-keep-me' });
    const { settings } = await h.call('ai:settings:get', {});
    await h.call('ai:settings:save', { ...settings, model: 'other-model' });
    expect(h.secrets.peek()).toBe('sk-keep-me');
    expect((await h.call('ai:settings:get', {})).settings.model).toBe('other-model');
    const cleared = await h.call('ai:settings:save', { ...settings, clearApiKey: true });
    expect(cleared.hasApiKey).toBe(false);
    expect(h.secrets.peek()).toBeNull();
  });

  it('work without a key for local servers, without borrowing one from the environment', async () => {
    process.env['OPENAI_API_KEY'] = 'sk-from-env';
    try {
      await h.call('ai:settings:save', {
        enabled: true,
        baseUrl: h.fake.url,
        model: 'llama3.2',
        redact: true,
        dailyBudget: 5,
        timeoutMs: 5_000,
      });
      h.store.addMessages([msg(CHAT, false, 'halo')]);
      h.fake.script({ kind: 'text', content: '["Halo kak!"]' });
      expect(await h.call('ai:suggest', { chatId: CHAT })).toMatchObject({ ok: true, suggestions: ['Halo kak!'] });
      expect(h.fake.requests[0]?.authorization).toBe('Bearer no-key');
    } finally {
      delete process.env['OPENAI_API_KEY'];
    }
  });

  it('refuse invalid values at the boundary', async () => {
    const base = { enabled: true, model: 'm', redact: true, dailyBudget: 5, timeoutMs: 5_000 };
    await expect(h.call('ai:settings:save', { ...base, baseUrl: 'file:///etc/passwd' })).rejects.toThrow();
    await expect(h.call('ai:settings:save', { ...base, baseUrl: h.fake.url, dailyBudget: -1 })).rejects.toThrow();
    expect((await h.call('ai:settings:get', {})).settings.enabled).toBe(false);
  });
});
