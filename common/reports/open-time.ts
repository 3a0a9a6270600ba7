/**
 * Open time between two instants under a number's business hours (docs/reports.md, "Business
 * hours only"), pure and time-zone aware: the report's clocks with nights, weekends, closed
 * days and holidays taken out. Built on the schedule helpers of common/automation/hours.ts
 * (read-only here): each local day's ranges become instants through instantOf, so a
 * daylight-saving day has the hours its clocks show, and a range crossing midnight belongs to
 * the day it starts on, as the business-hours definition says.
 */
import type { BusinessHours } from '../automation/hours';
import { WEEKDAYS, instantOf, localTime } from '../automation/hours';

type Interval = readonly [number, number];

const minuteOf = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const isoDate = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Longest span measured: a conversation open longer than this is cut (a year and a bit). */
const MAX_DAYS = 400;

/**
 * One schedule's opening intervals per local day, computed once per day and kept: a report
 * measures thousands of conversations against the same few schedules.
 */
export function openTimeMeter(hours: BusinessHours): (from: number, to: number) => number {
  const holidays = new Set(hours.holidays);
  const byDay = new Map<string, Interval[]>();
  const intervalsOf = (y: number, m: number, d: number): Interval[] => {
    const date = new Date(Date.UTC(y, m - 1, d));
    const [yy, mm, dd] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const key = isoDate(yy, mm, dd);
    let list = byDay.get(key);
    if (list) return list;
    list = [];
    if (!holidays.has(key))
      for (const r of hours.week[WEEKDAYS[date.getUTCDay()]!]) {
        const start = minuteOf(r.start);
        let end = minuteOf(r.end);
        if (end <= start) end += 24 * 60; // crosses midnight: ends on the next day
        // instantOf takes minutes past 24 h as the next day's (Date.UTC carries them).
        list.push([instantOf(hours.timeZone, yy, mm, dd, start), instantOf(hours.timeZone, yy, mm, dd, end)]);
      }
    byDay.set(key, list);
    return list;
  };
  return (from: number, to: number): number => {
    if (to <= from) return 0;
    const first = localTime(hours.timeZone, from);
    const spans: Interval[] = [];
    // From the day before (its range may cross into `from`'s day) until a day starts after `to`.
    for (let i = -1; i <= MAX_DAYS; i++) {
      const list = intervalsOf(first.year, first.month, first.day + i);
      for (const [s, e] of list) if (e > from && s < to) spans.push([Math.max(s, from), Math.min(e, to)]);
      if (i >= 0 && instantOf(hours.timeZone, first.year, first.month, first.day + i + 1, 0) >= to) break;
    }
    return unionLength(spans);
  };
}

/** Overlapping ranges (two ranges of one day, or a night range and the next morning's) count once. */
function unionLength(spans: Interval[]): number {
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of spans) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** The open time between two instants (one-off; a report keeps one meter per schedule). */
export function openTimeBetween(hours: BusinessHours, from: number, to: number): number {
  return openTimeMeter(hours)(from, to);
}
