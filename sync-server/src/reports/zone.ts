/**
 * Days, weeks and hours in the viewer's time zone. Each day's start (its local midnight) is
 * found once with Intl; a timestamp's day is then a binary search, and its hour a division,
 * except on a day that is not 24 h long (a DST change), where Intl gives the hour.
 */
import { offsetAt, wallClock } from '../../../common/time-zone';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The first instant of a local calendar day (`YYYY-MM-DD`) in timeZone. */
export function localMidnight(timeZone: string, day: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // Two rounds settle the offset on either side of a DST change.
  let t = wall - offsetAt(timeZone, wall);
  t = wall - offsetAt(timeZone, t);
  return t;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday starting the week of day. */
export function weekStartOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

export type Zone = {
  readonly timeZone: string;
  readonly days: readonly string[];
  /** starts[i] is the first instant of days[i]; starts[days.length] the end of the range (exclusive). */
  readonly starts: readonly number[];
};

export function zoneOf(from: string, to: string, timeZone: string): Zone {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const starts = [...days, addDays(to, 1)].map(d => localMidnight(timeZone, d));
  return { timeZone, days, starts };
}

export const rangeStart = (z: Zone): number => z.starts[0]!;
export const rangeEnd = (z: Zone): number => z.starts[z.starts.length - 1]!;

/** The index in z.days of the day t falls on, or -1 outside the range. */
export function dayIndex(z: Zone, t: number): number {
  const s = z.starts;
  if (t < s[0]! || t >= s[s.length - 1]!) return -1;
  let lo = 0;
  let hi = s.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The local hour (0–23) of t, which falls on z.days[i]. */
export function localHour(z: Zone, t: number, i: number): number {
  const start = z.starts[i]!;
  if (z.starts[i + 1]! - start === DAY) return Math.floor((t - start) / HOUR);
  return wallClock(z.timeZone, t).h;
}
