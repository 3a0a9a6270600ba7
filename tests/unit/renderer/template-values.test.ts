/**
 * The template form's values (issue #19): text, an amount or a date and time becomes the
 * parameter cloudTemplates:send takes, with the fallback Meta shows formatted in the
 * template's language; incomplete or malformed fields make no value (the Send button stays off).
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_VALUE,
  localeOf,
  templateValueOf,
  valuePreview,
} from '../../../renderer/src/features/cloud/template-values';

const money = (code: string, amount: string) => ({ ...EMPTY_VALUE, kind: 'currency' as const, code, amount });
const when = (date: string) => ({ ...EMPTY_VALUE, kind: 'date_time' as const, date });

describe('template values', () => {
  it('trims text and refuses an empty one', () => {
    expect(templateValueOf({ ...EMPTY_VALUE, text: '  Sari ' }, 'id')).toBe('Sari');
    expect(templateValueOf({ ...EMPTY_VALUE, text: '   ' }, 'id')).toBeNull();
  });

  it('turns an amount into Meta’s currency parameter, amount times 1,000, fallback in the template’s language', () => {
    expect(templateValueOf(money('USD', '12.5'), 'en_US')).toEqual({
      type: 'currency',
      code: 'USD',
      amount1000: 12_500,
      fallback: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(12.5),
    });
    expect(valuePreview(money('USD', '12.5'), 'en_US')).toBe('$12.50');
    expect(templateValueOf(money('idr', '150000'), 'id')).toMatchObject({ code: 'IDR', amount1000: 150_000_000 });
  });

  it('makes no amount of a bad code or number', () => {
    for (const v of [
      money('US', '1'),
      money('USD', ''),
      money('USD', '1,5'),
      money('USD', '-3'),
      money('USD', '1.2345'),
    ])
      expect(templateValueOf(v, 'en_US')).toBeNull();
  });

  it('writes a date out in the template’s language, with the time unless it is midnight', () => {
    expect(templateValueOf(when('2027-01-05T00:00'), 'id')).toEqual({ type: 'date_time', fallback: '5 Januari 2027' });
    expect(valuePreview(when('2027-01-05T00:00'), 'en_US')).toBe('January 5, 2027');
    expect(valuePreview(when('2027-01-05T14:30'), 'en_US')).toMatch(/^January 5, 2027.*2:30\sPM$/);
    expect(templateValueOf(when(''), 'id')).toBeNull();
  });

  it('reads Meta’s language codes as locales', () => {
    expect(localeOf('en_US')).toBe('en-US');
    expect(localeOf('id')).toBe('id');
  });
});
