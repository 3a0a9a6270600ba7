import { describe, expect, it } from 'vitest';
import type { ChatId } from '../../../common/domain';
import { NO_FILTERS, dayStart, filterArgs } from '../../../renderer/src/features/search/filters';
import { searchFiltersEn } from '../../../renderer/src/i18n/search-filters.en';
import { searchFiltersId } from '../../../renderer/src/i18n/search-filters.id';

describe('search filters', () => {
  it('turns whole local days into an inclusive millisecond range', () => {
    const args = filterArgs({ ...NO_FILTERS, fromDay: '2026-06-03', toDay: '2026-06-04' });
    expect(args.from).toBe(new Date(2026, 5, 3).getTime());
    expect(args.to).toBe(new Date(2026, 5, 5).getTime() - 1);
  });

  it('sends only the filters that are set, and ignores a day that is not one', () => {
    expect(filterArgs(NO_FILTERS)).toEqual({});
    expect(dayStart('03/06/2026')).toBeNull();
    expect(
      filterArgs({ ...NO_FILTERS, fromDay: 'x', sender: 'them', chat: { id: 'a:1@c.us' as ChatId, name: 'B' } }),
    ).toEqual({ sender: 'them', chatId: 'a:1@c.us' });
  });

  it('has every string in Bahasa Indonesia with the same placeholders', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    expect(Object.keys(searchFiltersId).sort()).toEqual(Object.keys(searchFiltersEn).sort());
    for (const key of Object.keys(searchFiltersEn) as (keyof typeof searchFiltersEn)[]) {
      expect(vars(searchFiltersId[key]), key).toEqual(vars(searchFiltersEn[key]));
    }
  });
});
