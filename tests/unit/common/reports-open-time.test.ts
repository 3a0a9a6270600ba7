/**
 * Business-hours-only clocks (common/reports/open-time.ts): figures worked out by hand on the
 * calendar, in Asia/Jakarta (UTC+7, no daylight saving) and Europe/Berlin (spring forward).
 */
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../../common/automation/hours';
import { openTimeBetween, openTimeMeter } from '../../../common/reports/open-time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const office = (over: Partial<BusinessHours> = {}): BusinessHours => {
  const day = [{ start: '09:00', end: '17:00' }];
  return {
    timeZone: 'Asia/Jakarta',
    week: { sun: [], mon: day, tue: day, wed: day, thu: day, fri: day, sat: [] },
    holidays: [],
    ...over,
  };
};
/** A Jakarta wall-clock time as an instant (UTC+7). */
const wib = (iso: string) => Date.parse(`${iso}+07:00`);

describe('openTimeBetween', () => {
  it('inside one opening it is the plain difference', () => {
    expect(openTimeBetween(office(), wib('2026-11-10T10:00:00'), wib('2026-11-10T10:45:00'))).toBe(45 * MIN);
  });

  it('a weekend counts nothing: Friday 16:00 to Monday 10:00 is two hours', () => {
    expect(openTimeBetween(office(), wib('2026-11-13T16:00:00'), wib('2026-11-16T10:00:00'))).toBe(2 * HOUR);
  });

  it('a holiday is a closed day: Tuesday 16:30 to Thursday 09:30 over a Wednesday holiday is one hour', () => {
    const hours = office({ holidays: ['2026-11-11'] });
    expect(openTimeBetween(hours, wib('2026-11-10T16:30:00'), wib('2026-11-12T09:30:00'))).toBe(HOUR);
    // Without the holiday, the Wednesday's eight hours count too.
    expect(openTimeBetween(office(), wib('2026-11-10T16:30:00'), wib('2026-11-12T09:30:00'))).toBe(9 * HOUR);
  });

  it('a night range crossing midnight in UTC+7 belongs to the day it starts on', () => {
    const night = office({ week: { ...office().week, sat: [{ start: '22:00', end: '02:00' }] } });
    // Saturday 23:30 (16:30 UTC) to Sunday 01:00: ninety minutes, across local midnight.
    expect(openTimeBetween(night, wib('2026-11-14T23:30:00'), wib('2026-11-15T01:00:00'))).toBe(90 * MIN);
    // Sunday has no range of its own: 01:30 to 03:00 keeps only the half hour before 02:00.
    expect(openTimeBetween(night, wib('2026-11-15T01:30:00'), wib('2026-11-15T03:00:00'))).toBe(30 * MIN);
    // A holiday on the Saturday closes its night too.
    const closed = { ...night, holidays: ['2026-11-14'] };
    expect(openTimeBetween(closed, wib('2026-11-14T23:30:00'), wib('2026-11-15T01:00:00'))).toBe(0);
  });

  it('the spring-forward day in Berlin has 23 open hours, and 01:00–04:00 holds two', () => {
    const all = [{ start: '00:00', end: '24:00' }];
    const always: BusinessHours = {
      timeZone: 'Europe/Berlin',
      week: { sun: all, mon: all, tue: all, wed: all, thu: all, fri: all, sat: all },
      holidays: [],
    };
    // 29 March 2026: 00:00 CET (23:00 UTC on the 28th) to 00:00 CEST (22:00 UTC on the 29th).
    expect(openTimeBetween(always, Date.parse('2026-03-28T23:00:00Z'), Date.parse('2026-03-29T22:00:00Z'))).toBe(
      23 * HOUR,
    );
    const early: BusinessHours = { ...always, week: { ...always.week, sun: [{ start: '01:00', end: '04:00' }] } };
    expect(openTimeBetween(early, Date.parse('2026-03-28T23:00:00Z'), Date.parse('2026-03-29T22:00:00Z'))).toBe(
      2 * HOUR,
    );
  });

  it('overlapping ranges count once; an empty or reversed span is zero', () => {
    const twice = office({
      week: {
        ...office().week,
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
    });
    expect(openTimeBetween(twice, wib('2026-11-16T08:00:00'), wib('2026-11-16T18:00:00'))).toBe(4 * HOUR);
    const meter = openTimeMeter(office());
    expect(meter(wib('2026-11-16T10:00:00'), wib('2026-11-16T10:00:00'))).toBe(0);
    expect(meter(wib('2026-11-16T11:00:00'), wib('2026-11-16T10:00:00'))).toBe(0);
  });
});
