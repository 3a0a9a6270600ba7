/** The words of the edit / delete-for-everyone actions: both languages, one clear sentence per refusal code. */
import { describe, expect, it } from 'vitest';
import { fill } from '../../../renderer/src/i18n/dictionary';
import type { OwnMessageKey } from '../../../renderer/src/i18n/own-message.en';
import { ownMessageEn } from '../../../renderer/src/i18n/own-message.en';
import { ownMessageId } from '../../../renderer/src/i18n/own-message.id';
import { ownMessageErrorText } from '../../../renderer/src/features/conversation/OwnMessageActions';

const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
const CODES = ['not_found', 'forbidden', 'invalid_args', 'too_late', 'unavailable', 'unsupported'];

describe('own message strings', () => {
  it('has every key in Bahasa Indonesia, not empty, with the same placeholders', () => {
    expect(Object.keys(ownMessageId).sort()).toEqual(Object.keys(ownMessageEn).sort());
    for (const key of Object.keys(ownMessageEn) as OwnMessageKey[]) {
      expect(ownMessageId[key].trim(), key).not.toBe('');
      expect(vars(ownMessageId[key]), key).toEqual(vars(ownMessageEn[key]));
    }
  });

  it('words each code the commands answer with differently, and an unknown one with its code', () => {
    for (const dict of [ownMessageEn, ownMessageId] as const) {
      const t = (key: OwnMessageKey, v?: Readonly<Record<string, string | number>>) => fill(dict[key], v);
      const texts = CODES.map(code => ownMessageErrorText(t, { code: code as 'not_found' }));
      expect(new Set(texts).size).toBe(CODES.length);
      expect(ownMessageErrorText(t, { code: 'internal' })).toContain('internal');
    }
    expect(ownMessageErrorText(k => fill(ownMessageEn[k]), { code: 'too_late' })).toMatch(/15 minutes/);
  });
});
