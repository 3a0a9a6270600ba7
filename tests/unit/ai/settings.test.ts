import { describe, expect, it } from 'vitest';
import { dayOf, defaultAiSettings, readSettings } from '../../../main/ai/settings';

describe('readSettings', () => {
  it('starts off and redacting', () => {
    expect(readSettings(null)).toEqual(defaultAiSettings);
    expect(defaultAiSettings.enabled).toBe(false);
    expect(defaultAiSettings.redact).toBe(true);
  });

  it('falls back to the defaults (off) when the stored row is unreadable', () => {
    expect(readSettings({ enabled: true, baseUrl: 'not a url' }).enabled).toBe(false);
    expect(readSettings('garbage')).toEqual(defaultAiSettings);
  });

  it('reads a valid row', () => {
    const s = {
      enabled: true,
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3',
      redact: false,
      dailyBudget: 10,
      timeoutMs: 5000,
    };
    expect(readSettings(s)).toEqual(s);
  });
});

describe('dayOf', () => {
  it('is the UTC calendar day', () => {
    expect(dayOf(Date.UTC(2026, 10, 27, 23, 59))).toBe('2026-11-27');
    expect(dayOf(Date.UTC(2026, 10, 28, 0, 0))).toBe('2026-11-28');
  });
});
