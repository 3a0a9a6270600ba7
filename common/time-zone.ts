/**
 * Wall-clock time in an IANA zone through Intl: one formatter per zone (building them is the
 * costly part). Shared by business hours (common/automation) and the server's reports.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** Null for a zone this runtime does not know. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  formatters.set(timeZone, f);
  return f;
}

export type WallClock = { y: number; mo: number; d: number; h: number; mi: number; s: number };

/** Wall-clock fields of an instant in a zone; throws RangeError for an unknown zone. */
export function wallClock(timeZone: string, at: number): WallClock {
  const f = zoneFormatter(timeZone);
  if (!f) throw new RangeError(`unknown time zone ${timeZone}`);
  const out = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
  for (const p of f.formatToParts(at)) {
    const n = Number(p.value);
    if (p.type === 'year') out.y = n;
    else if (p.type === 'month') out.mo = n;
    else if (p.type === 'day') out.d = n;
    else if (p.type === 'hour') out.h = n % 24;
    else if (p.type === 'minute') out.mi = n;
    else if (p.type === 'second') out.s = n;
  }
  return out;
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich: Asia/Jakarta +7 h). */
export function offsetAt(timeZone: string, at: number): number {
  const w = wallClock(timeZone, at);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** Does this runtime's Intl know the zone? */
export const isKnownTimeZone = (timeZone: string): boolean => zoneFormatter(timeZone) !== null;
