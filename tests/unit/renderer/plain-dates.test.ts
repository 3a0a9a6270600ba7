import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../renderer/src/lib/format-cache';
import { plainFormat } from '../../../renderer/src/lib/plain-dates';

const FIRST_SCREEN: Intl.DateTimeFormatOptions[] = [
  { hour: '2-digit', minute: '2-digit' },
  { weekday: 'short' },
  { day: 'numeric', month: 'short', year: '2-digit' },
];

/** Every month, weekday, day of month and hour of two years, a leap day, and minutes 0–59. */
function samples(): number[] {
  const out: number[] = [];
  for (const year of [2005, 2024])
    for (let day = 0; day < 366; day++) out.push(new Date(year, 0, 1 + day, day % 24, (day * 7) % 60).getTime());
  for (let minute = 0; minute < 60; minute++) out.push(new Date(2026, 11, 6, 9, minute).getTime());
  return out;
}

describe('plain dates (the first screen without Intl, #23)', () => {
  for (const locale of ['en-GB', 'id-ID'])
    for (const options of FIRST_SCREEN)
      it(`${locale} ${JSON.stringify(options)} is Intl's output, character for character`, () => {
        const plain = plainFormat(locale, JSON.stringify(options));
        expect(plain).not.toBeNull();
        const intl = new Intl.DateTimeFormat(locale, options);
        for (const ts of samples()) expect(plain?.(new Date(ts))).toBe(intl.format(ts));
        // And through the cache the app calls.
        expect(formatDate(samples()[40] ?? 0, locale, options)).toBe(intl.format(samples()[40] ?? 0));
      });

  it('leaves other locales and formats to Intl', () => {
    expect(plainFormat('en-US', JSON.stringify({ weekday: 'short' }))).toBeNull();
    expect(plainFormat(undefined, JSON.stringify({ weekday: 'short' }))).toBeNull();
    expect(plainFormat('en-GB', JSON.stringify({ weekday: 'long' }))).toBeNull();
    const long = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
    expect(formatDate(0, 'id-ID', long)).toBe(new Intl.DateTimeFormat('id-ID', long).format(0));
  });
});
