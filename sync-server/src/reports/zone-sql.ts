/**
 * The viewer's days, weeks and hours as SQL expressions over a UTC instant column, for the
 * aggregates of report-aggregates.ts. No CONVERT_TZ (it needs the server's time-zone tables):
 * the zone's UTC offset is constant between two DST changes, so the offset of each span of the
 * range is found here with Intl and the SQL adds it with one CASE. Every offset is a multiple
 * of 15 minutes and changes on a 15-minute UTC instant, so the message counters' buckets never
 * straddle a change.
 */
import { offsetAt } from '../../../common/time-zone';
import type { Zone } from './zone';
import { rangeEnd, rangeStart } from './zone';

const DAY = 86_400_000;

/** From the previous span's end (or the range's start) until `until` (exclusive), the offset is `offsetMs`. */
type Span = { readonly until: number; readonly offsetMs: number };

/** The first instant in (lo, hi] whose offset differs from lo's (offsetAt(hi) differs from offsetAt(lo)). */
function changeBetween(timeZone: string, lo: number, hi: number): number {
  const before = offsetAt(timeZone, lo);
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetAt(timeZone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** The range's offset spans: the offset is sampled at each local midnight and just before it. */
export function offsetSpans(z: Zone): Span[] {
  const samples: number[] = [];
  for (const s of z.starts) samples.push(s - 1, s);
  const spans: Span[] = [];
  let at = samples[0]!;
  let offset = offsetAt(z.timeZone, at);
  for (const next of samples.slice(1)) {
    const o = offsetAt(z.timeZone, next);
    if (o !== offset) {
      spans.push({ until: changeBetween(z.timeZone, at, next), offsetMs: offset });
      offset = o;
    }
    at = next;
  }
  spans.push({ until: Number.MAX_SAFE_INTEGER, offsetMs: offset });
  return spans;
}

/** Only integers this module computed are written into SQL text. */
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/** The SQL pieces of one report's zone; `col` is a trusted column name (never client text). */
export type ZoneSql = {
  /** The local day number (days since 1970-01-01 in the zone) of the instant in col. */
  readonly localDay: (col: string) => string;
  /** The trend bucket index: the day's index in the range, or its week's index (weeks start on Monday). */
  readonly bucket: (col: string) => string;
  /** Weekday (0 = Monday … 6 = Sunday) of the instant. */
  readonly weekday: (col: string) => string;
  /** Local hour (0–23) of the instant. */
  readonly hour: (col: string) => string;
  /** The range as integers, for SQL text. */
  readonly start: string;
  readonly end: string;
};

/** Local day number of a `YYYY-MM-DD` day. */
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY;
/** Week number of a local day number: 1970-01-01 (day 0) was a Thursday; weeks start on Monday. */
const weekNumber = (n: number): number => Math.floor((n + 3) / 7);

export function zoneSql(z: Zone, bucket: 'day' | 'week'): ZoneSql {
  const spans = offsetSpans(z);
  const offset = (col: string) =>
    spans.length === 1
      ? int(spans[0]!.offsetMs)
      : `case ${spans
          .slice(0, -1)
          .map(s => `when ${col} < ${int(s.until)} then ${int(s.offsetMs)}`)
          .join(' ')} else ${int(spans[spans.length - 1]!.offsetMs)} end`;
  const local = (col: string) => `(${col} + ${offset(col)})`;
  const localDay = (col: string) => `(${local(col)} div ${DAY})`;
  const first = dayNumber(z.days[0]!);
  return {
    localDay,
    bucket:
      bucket === 'day'
        ? col => `(${localDay(col)} - ${int(first)})`
        : col => `((${localDay(col)} + 3) div 7 - ${int(weekNumber(first))})`,
    weekday: col => `mod(${localDay(col)} + 3, 7)`,
    hour: col => `mod(${local(col)} div 3600000, 24)`,
    start: int(rangeStart(z)),
    end: int(rangeEnd(z)),
  };
}
