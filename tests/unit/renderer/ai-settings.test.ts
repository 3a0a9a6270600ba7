import { describe, expect, it } from 'vitest';
import type { AiFailureReason } from '../../../common/api/ai';
import { aiDataNotice } from '../../../common/api/ai';
import { aiPolicyLocks, applyAiPolicy } from '../../../common/api/ai-settings';
import { OPEN_AI_POLICY } from '../../../common/protocol-ai-policy';
import {
  NOTICE_KEYS,
  formOf,
  formProblem,
  policyOf,
  presetFill,
  presetOf,
  reasonKey,
  settingsOf,
} from '../../../renderer/src/features/ai/settings/logic';
import { aiSettingsEn } from '../../../renderer/src/i18n/ai-settings.en';
import { aiSettingsId } from '../../../renderer/src/i18n/ai-settings.id';
import { defaultAiSettings } from '../../../main/ai/settings';

describe('Settings → AI strings', () => {
  it('has a Bahasa Indonesia string for every English one, with the same placeholders', () => {
    const keys = Object.keys(aiSettingsEn) as (keyof typeof aiSettingsEn)[];
    expect(Object.keys(aiSettingsId).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    for (const key of keys) {
      expect(aiSettingsId[key].trim(), key).not.toBe('');
      expect(vars(aiSettingsId[key]), key).toEqual(vars(aiSettingsEn[key]));
    }
  });

  it('shows the core’s data notice word for word in English, and every failure reason as a sentence', () => {
    expect(NOTICE_KEYS.map(k => aiSettingsEn[k])).toEqual([...aiDataNotice]);
    const reasons: AiFailureReason[] = [
      'disabled',
      'not_configured',
      'budget',
      'timeout',
      'rate_limited',
      'unauthorized',
      'unavailable',
      'bad_response',
      'nothing_to_do',
    ];
    for (const r of reasons) expect(aiSettingsEn[reasonKey(r)]).toMatch(/\.$/);
  });
});

describe('Settings → AI form', () => {
  it('recognises each preset from its address and fills it back', () => {
    for (const preset of ['openai', 'azure', 'ollama', 'lmstudio'] as const) {
      expect(presetOf(presetFill(preset)!.baseUrl)).toBe(preset);
    }
    expect(presetOf('http://localhost:11434/v1/')).toBe('ollama');
    expect(presetOf('https://gateway.example.com/v1')).toBe('custom');
    expect(presetFill('custom')).toBeNull();
  });

  it('refuses a missing address, a missing model and a bad budget, and never sends an empty key', () => {
    const form = formOf(defaultAiSettings);
    expect(formProblem(form)).toBeNull();
    expect(formProblem({ ...form, baseUrl: '' })).toBe('aiSettings.invalid.baseUrl');
    expect(formProblem({ ...form, baseUrl: 'ftp://x/v1' })).toBe('aiSettings.invalid.baseUrl');
    expect(formProblem({ ...form, model: '  ' })).toBe('aiSettings.invalid.model');
    expect(formProblem({ ...form, dailyBudget: '-1' })).toBe('aiSettings.invalid.budget');
    expect(formProblem({ ...form, dailyBudget: '2.5' })).toBe('aiSettings.invalid.budget');
    expect(settingsOf(form, 15_000)).not.toHaveProperty('apiKey');
    expect(settingsOf({ ...form, apiKey: ' sk-1 ' }, 15_000)).toMatchObject({ apiKey: 'sk-1', clearApiKey: false });
    expect(settingsOf({ ...form, apiKey: 'sk-1', clearApiKey: true }, 15_000)).not.toHaveProperty('apiKey');
  });

  it('sends an empty policy endpoint as "each desktop chooses" and refuses a bad one', () => {
    expect(policyOf({ allowed: true, baseUrl: ' ', model: '', forceRedact: false })).toEqual({
      ok: true,
      value: { allowed: true, baseUrl: null, model: null, forceRedact: false },
    });
    expect(policyOf({ allowed: true, baseUrl: 'nope', model: '', forceRedact: false })).toMatchObject({ ok: false });
  });
});

describe('applying the workspace policy', () => {
  it('overrules only what it decides and locks exactly those fields', () => {
    const mine = { ...defaultAiSettings, enabled: true, redact: false, baseUrl: 'http://127.0.0.1:1234/v1' };
    expect(applyAiPolicy(mine, null)).toEqual(mine);
    expect(applyAiPolicy(mine, OPEN_AI_POLICY)).toEqual(mine);
    expect(aiPolicyLocks(null)).toEqual({ enabled: false, baseUrl: false, model: false, redact: false });
    const strict = { ...OPEN_AI_POLICY, allowed: false, baseUrl: 'https://gw.example.com/v1', forceRedact: true };
    expect(applyAiPolicy(mine, strict)).toEqual({
      ...mine,
      enabled: false,
      baseUrl: 'https://gw.example.com/v1',
      redact: true,
    });
    expect(aiPolicyLocks(strict)).toEqual({ enabled: true, baseUrl: true, model: false, redact: true });
  });
});
