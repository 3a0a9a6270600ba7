/**
 * When a number is open: its weekly schedule and holidays read in its IANA time zone
 * (common/automation/hours.ts holds the schemas and re-exports all of this). Kept apart
 * from the schemas so the renderer's rail can show "open now" without building them at
 * start (#23). Pure: no clock is read here.
 */
import type { BusinessHours, TimeRange } from './hours';
import { wallClock, offsetAt } from '../time-zone';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local calendar date and the minute of its day, in the number's zone. */
export type LocalTime = {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly minute: number;
};

export function localTime(timeZone: string, at: number): LocalTime {
  const w = wallClock(timeZone, at);
  return { year: w.y, month: w.mo, day: w.d, minute: w.h * 60 + w.mi };
}

/**
 * The instant a local wall-clock time names. A time skipped by a spring-forward change
 * maps to the same distance after the change (02:30 becomes 03:30), as clocks do.
 */
export function instantOf(timeZone: string, year: number, month: number, day: number, minute: number): number {
  const naive = Date.UTC(year, month - 1, day, 0, minute);
  const first = naive - offsetAt(timeZone, naive);
  const second = naive - offsetAt(timeZone, first);
  return second;
}

const minuteOf = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** The date `days` after a local date, with its weekday. */
function shiftDate(year: number, month: number, day: number, days: number) {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()]!,
  };
}

const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const crossesMidnight = (r: TimeRange): boolean => minuteOf(r.end) <= minuteOf(r.start);

/** Is the number open at this instant? */
export function isOpen(hours: BusinessHours, at: number): boolean {
  const now = localTime(hours.timeZone, at);
  const today = shiftDate(now.year, now.month, now.day, 0);
  const yesterday = shiftDate(now.year, now.month, now.day, -1);
  const holidays = new Set(hours.holidays);
  if (!holidays.has(isoDate(today.year, today.month, today.day))) {
    for (const r of hours.week[today.weekday]) {
      const start = minuteOf(r.start);
      if (now.minute < start) continue;
      if (crossesMidnight(r) || now.minute < minuteOf(r.end)) return true;
    }
  }
  // The part after midnight of a range that started yesterday.
  if (!holidays.has(isoDate(yesterday.year, yesterday.month, yesterday.day))) {
    for (const r of hours.week[yesterday.weekday]) {
      if (crossesMidnight(r) && now.minute < minuteOf(r.end)) return true;
    }
  }
  return false;
}

/** How far ahead nextOpening looks: a year of holidays cannot hide an opening. */
const HORIZON_DAYS = 400;

/**
 * The earliest instant at or after `at` at which the number is open: `at` itself when it
 * is open now, null when the schedule never opens (no ranges, or only holidays ahead).
 */
export function nextOpening(hours: BusinessHours, at: number): number | null {
  if (isOpen(hours, at)) return at;
  const now = localTime(hours.timeZone, at);
  const holidays = new Set(hours.holidays);
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const d = shiftDate(now.year, now.month, now.day, i);
    if (holidays.has(isoDate(d.year, d.month, d.day))) continue;
    const starts = hours.week[d.weekday].map(r => minuteOf(r.start)).sort((a, b) => a - b);
    for (const start of starts) {
      const t = instantOf(hours.timeZone, d.year, d.month, d.day, start);
      if (t > at) return t;
    }
  }
  return null;
}

/** A schedule with no range on any day: the number is never open. */
export function hasAnyRange(hours: BusinessHours): boolean {
  return WEEKDAYS.some(d => hours.week[d].length > 0);
}
