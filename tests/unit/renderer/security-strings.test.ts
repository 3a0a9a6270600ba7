import { describe, expect, it } from 'vitest';
import { securityEn } from '../../../renderer/src/i18n/security.en';
import { securityId } from '../../../renderer/src/i18n/security.id';

describe('security strings', () => {
  it('has a Bahasa Indonesia string for every English one, with the same placeholders', () => {
    const keys = Object.keys(securityEn) as (keyof typeof securityEn)[];
    expect(Object.keys(securityId).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    for (const key of keys) {
      expect(securityId[key].trim(), key).not.toBe('');
      expect(vars(securityId[key]), key).toEqual(vars(securityEn[key]));
    }
  });
});
