/**
 * Settings → Automation, "AI for rules" (#17): every string in English and Bahasa
 * Indonesia, translated (not copied), and the workspace help of the mood condition in both.
 */
import { describe, expect, it } from 'vitest';
import { automationAiEn } from '../../../renderer/src/i18n/automation-ai.en';
import { automationAiId } from '../../../renderer/src/i18n/automation-ai.id';
import { rulesEn } from '../../../renderer/src/i18n/rules.en';
import { rulesId } from '../../../renderer/src/i18n/rules.id';

describe('AI for rules strings', () => {
  it('exist in both languages and are translated', () => {
    const same = new Set(['automationAi.model']);
    for (const key of Object.keys(automationAiEn) as Array<keyof typeof automationAiEn>) {
      expect(automationAiId[key]).toBeTruthy();
      if (!same.has(key)) expect(automationAiId[key]).not.toBe(automationAiEn[key]);
    }
    expect(Object.keys(automationAiId).sort()).toEqual(Object.keys(automationAiEn).sort());
    expect(rulesEn['rules.sentiment.help.workspace']).toContain('Settings → Automation');
    expect(rulesId['rules.sentiment.help.workspace']).toContain('Pengaturan → Otomatisasi');
  });
});
