import { describe, expect, it } from 'vitest';
import type { BusinessHours, TimeRange } from '../../../common/automation/hours';
import { businessHoursSchema, isOpen, nextOpening } from '../../../common/automation/hours';

const nine5: TimeRange[] = [{ start: '09:00', end: '17:00' }];
function hours(timeZone: string, days: Partial<BusinessHours['week']>, holidays: string[] = []): BusinessHours {
  const week = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], ...days };
  return businessHoursSchema.parse({ timeZone, week, holidays });
}
const weekdays = (zone: string, holidays: string[] = []) =>
  hours(zone, { mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5 }, holidays);
const every = (zone: string) =>
  hours(zone, { sun: nine5, mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: nine5 });
const t = (iso: string) => Date.parse(iso);

describe('business hours', () => {
  it('is closed on a weekend and opens on Monday morning in the number zone (Asia/Jakarta, UTC+7)', () => {
    const h = weekdays('Asia/Jakarta');
    const saturday = t('2026-12-05T03:00:00Z'); // Sat 10:00 WIB
    expect(isOpen(h, saturday)).toBe(false);
    expect(nextOpening(h, saturday)).toBe(t('2026-12-07T02:00:00Z')); // Mon 09:00 WIB
    expect(isOpen(h, t('2026-12-07T02:00:00Z'))).toBe(true);
    expect(isOpen(h, t('2026-12-07T10:00:00Z'))).toBe(false); // Mon 17:00 WIB: the end is excluded
  });

  it('stays closed on a holiday and skips it when looking for the next opening', () => {
    const h = weekdays('Asia/Jakarta', ['2026-12-25']);
    expect(isOpen(h, t('2026-12-25T03:00:00Z'))).toBe(false); // Fri 10:00 WIB, Christmas
    expect(isOpen(h, t('2026-12-24T03:00:00Z'))).toBe(true);
    expect(nextOpening(h, t('2026-12-24T11:00:00Z'))).toBe(t('2026-12-28T02:00:00Z')); // after Thu 18:00 → Mon
  });

  it('follows the autumn DST change in Europe/Berlin (09:00 is 07:00Z before, 08:00Z after)', () => {
    const h = every('Europe/Berlin');
    expect(nextOpening(h, t('2026-10-23T16:00:00Z'))).toBe(t('2026-10-24T07:00:00Z'));
    expect(nextOpening(h, t('2026-10-24T16:00:00Z'))).toBe(t('2026-10-25T08:00:00Z'));
    expect(isOpen(h, t('2026-10-25T07:30:00Z'))).toBe(false); // 08:30 CET
    expect(isOpen(h, t('2026-10-25T08:30:00Z'))).toBe(true); // 09:30 CET
    expect(isOpen(h, t('2026-10-24T07:30:00Z'))).toBe(true); // 09:30 CEST the day before
  });

  it('follows the spring DST change in America/New_York', () => {
    const h = every('America/New_York');
    // Sat 2026-03-07 18:00 EST → Sun 2026-03-08 09:00 EDT (UTC-4).
    expect(nextOpening(h, t('2026-03-07T23:00:00Z'))).toBe(t('2026-03-08T13:00:00Z'));
    expect(isOpen(h, t('2026-03-08T12:30:00Z'))).toBe(false); // 08:30 EDT
  });

  it('a range starting inside the skipped hour opens when the clocks say so', () => {
    const h = hours('Europe/Berlin', { sun: [{ start: '02:30', end: '04:00' }] });
    // 02:30 does not exist on 2026-03-29: clocks jump from 02:00 to 03:00 (01:00Z).
    expect(nextOpening(h, t('2026-03-28T12:00:00Z'))).toBe(t('2026-03-29T01:30:00Z'));
  });

  it('works for a zone far from the server (Pacific/Auckland, UTC+13 in December)', () => {
    const h = weekdays('Pacific/Auckland');
    expect(isOpen(h, t('2026-12-06T20:30:00Z'))).toBe(true); // Mon 09:30 NZDT, still Sunday in UTC
    expect(isOpen(h, t('2026-12-06T19:30:00Z'))).toBe(false);
    expect(nextOpening(h, t('2026-12-06T19:30:00Z'))).toBe(t('2026-12-06T20:00:00Z'));
  });

  it('keeps a range across midnight open after midnight, as part of the day it started', () => {
    const h = hours('Asia/Jakarta', { fri: [{ start: '22:00', end: '02:00' }] });
    expect(isOpen(h, t('2026-12-04T16:00:00Z'))).toBe(true); // Fri 23:00 WIB
    expect(isOpen(h, t('2026-12-04T18:00:00Z'))).toBe(true); // Sat 01:00 WIB
    expect(isOpen(h, t('2026-12-04T19:00:00Z'))).toBe(false); // Sat 02:00 WIB
    expect(isOpen(h, t('2026-12-04T14:00:00Z'))).toBe(false); // Fri 21:00 WIB
    const friHoliday = hours('Asia/Jakarta', { fri: [{ start: '22:00', end: '02:00' }] }, ['2026-12-04']);
    expect(isOpen(friHoliday, t('2026-12-04T18:00:00Z'))).toBe(false);
    expect(nextOpening(h, t('2026-12-04T19:00:00Z'))).toBe(t('2026-12-11T15:00:00Z'));
  });

  it('never opens without ranges, and refuses unknown zones and malformed times', () => {
    expect(nextOpening(hours('UTC', {}), t('2026-12-04T00:00:00Z'))).toBeNull();
    const bad = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
    expect(businessHoursSchema.safeParse({ timeZone: 'Mars/Olympus', week: bad, holidays: [] }).success).toBe(false);
    const badRange = { ...bad, mon: [{ start: '9:00', end: '25:00' }] };
    expect(businessHoursSchema.safeParse({ timeZone: 'UTC', week: badRange, holidays: [] }).success).toBe(false);
  });
});
