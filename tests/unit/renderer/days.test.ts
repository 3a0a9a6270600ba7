import { formatDate } from '../../../renderer/src/lib/format-cache';
import { describe, expect, it } from 'vitest';
import { dayKeyOf, dayLabel, withDaySeparators } from '../../../renderer/src/lib/days';

const at = (y: number, mo: number, d: number, h = 12) => new Date(y, mo - 1, d, h).getTime();

describe('day grouping', () => {
  it('puts a separator before the first message of each local day', () => {
    const msgs = [
      { id: 'a', timestamp: at(2026, 11, 25, 9) },
      { id: 'b', timestamp: at(2026, 11, 25, 23) },
      { id: 'c', timestamp: at(2026, 11, 26, 0) },
    ];
    const rows = withDaySeparators(msgs);
    expect(rows.map(r => (r.kind === 'day' ? `day:${dayKeyOf(r.ts)}` : r.key))).toEqual([
      'day:2026-11-25',
      'a',
      'b',
      'day:2026-11-26',
      'c',
    ]);
  });

  it('labels today and yesterday, dates otherwise', () => {
    const now = at(2026, 11, 27, 10);
    expect(dayLabel(at(2026, 11, 27, 1), now)).toEqual({ kind: 'today' });
    expect(dayLabel(at(2026, 11, 26, 23), now)).toEqual({ kind: 'yesterday' });
    expect(dayLabel(at(2026, 1, 1), now).kind).toBe('date');
  });

  it('returns no rows for no messages', () => {
    expect(withDaySeparators([])).toEqual([]);
  });
});

describe('formatDate (cached formatters)', () => {
  it('formats exactly as toLocale…String does, for each locale and options, reusing one formatter', () => {
    const ts = Date.UTC(2026, 11, 4, 9, 5);
    for (const locale of ['en-GB', 'id-ID']) {
      const time = { hour: '2-digit', minute: '2-digit' } as const;
      expect(formatDate(ts, locale, time)).toBe(new Date(ts).toLocaleTimeString(locale, time));
      expect(formatDate(ts, locale, { weekday: 'short' })).toBe(
        new Date(ts).toLocaleDateString(locale, { weekday: 'short' }),
      );
      // Same key, different locale: never served from the other's formatter.
      expect(formatDate(ts + 60_000, locale, time)).toBe(new Date(ts + 60_000).toLocaleTimeString(locale, time));
    }
    expect(formatDate(ts, 'id-ID', { month: 'long' })).not.toBe(formatDate(ts, 'en-GB', { month: 'long' }));
  });
});
