import { describe, expect, it } from 'vitest';
import { customerEn } from '../../../renderer/src/i18n/customer.en';
import { customerId } from '../../../renderer/src/i18n/customer.id';

const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe('customer panel strings', () => {
  it('has every key in Bahasa Indonesia, not empty, with the same placeholders', () => {
    expect(Object.keys(customerId).sort()).toEqual(Object.keys(customerEn).sort());
    for (const key of Object.keys(customerEn) as (keyof typeof customerEn)[]) {
      expect(customerId[key].trim(), key).not.toBe('');
      expect(vars(customerId[key]), key).toEqual(vars(customerEn[key]));
    }
  });
});
