/**
 * Counting only open time (#17: business hours in the SLA). Pure: time is given. The open
 * periods are built from the number's weekly ranges in its zone day by day (holidays
 * skipped, a range past midnight belonging to the day it starts on, as in hours.ts), so
 * daylight-saving changes give the real length of each period: a 09:00–17:00 day that
 * loses an hour at night is still 8 h of real time, a night range across the change is not.
 */
import type { BusinessHours, TimeRange } from './hours';
import { hasAnyRange, instantOf, localTime, WEEKDAYS } from './opening';

/** How far ahead the count looks; beyond it the schedule is treated as never opening. */
const HORIZON_DAYS = 400;

const minuteOf = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

type Day = { year: number; month: number; day: number };

function shift(d: Day, days: number): Day & { weekday: (typeof WEEKDAYS)[number]; iso: string } {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  const day = { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
  const iso = `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  return { ...day, weekday: WEEKDAYS[x.getUTCDay()]!, iso };
}

/** The open periods that start on one local day, in real instants, sorted by start. */
function periodsOf(hours: BusinessHours, d: Day): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of hours.week[shift(d, 0).weekday] as readonly TimeRange[]) {
    const start = minuteOf(r.start);
    const end = minuteOf(r.end);
    const endDay = end <= start ? shift(d, 1) : d;
    const from = instantOf(hours.timeZone, d.year, d.month, d.day, start);
    const to = instantOf(hours.timeZone, endDay.year, endDay.month, endDay.day, end);
    if (to > from) out.push([from, to]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * The instant at which `durationMs` of open time has passed since `from` (time while the
 * number is closed does not count). Null when the schedule has no open time within
 * HORIZON_DAYS (no ranges, or only holidays ahead): the caller decides what that means.
 */
export function addOpenTime(hours: BusinessHours, from: number, durationMs: number): number | null {
  if (!hasAnyRange(hours)) return null;
  if (durationMs <= 0) return from;
  const holidays = new Set(hours.holidays);
  const local = localTime(hours.timeZone, from);
  const first: Day = { year: local.year, month: local.month, day: local.day };
  let left = durationMs;
  let cursor = from;
  // From the day before: a range that started yesterday may still be open.
  for (let i = -1; i <= HORIZON_DAYS; i++) {
    const day = shift(first, i);
    if (holidays.has(day.iso)) continue;
    for (const [start, end] of periodsOf(hours, day)) {
      // Overlapping ranges (or yesterday's night range and today's first) count once.
      const s = Math.max(start, cursor);
      if (end <= s) continue;
      if (end - s >= left) return s + left;
      left -= end - s;
      cursor = end;
    }
  }
  return null;
}
