/**
 * The SQL aggregates apply the viewer's zone as one UTC offset per span between DST changes
 * (reports/zone-sql.ts): across a change (Berlin's end of summer time, New York's start, and
 * a zone without DST) every 15-minute bucket gets the day, weekday and hour the Intl-based
 * zone.ts gives it.
 */
import { describe, expect, it } from 'vitest';
import { offsetSpans } from '../../../sync-server/src/reports/zone-sql';
import { dayIndex, localHour, weekdayOf, zoneOf } from '../../../sync-server/src/reports/zone';

const DAY = 86_400_000;
const CASES = [
  { timeZone: 'Europe/Berlin', from: '2026-10-20', to: '2026-11-02', changes: 1 },
  { timeZone: 'America/New_York', from: '2026-03-01', to: '2026-03-15', changes: 1 },
  { timeZone: 'Asia/Kolkata', from: '2026-03-01', to: '2026-03-15', changes: 0 },
];

describe('zone offsets for SQL', () => {
  for (const { timeZone, from, to, changes } of CASES)
    it(`give every bucket its local day and hour (${timeZone})`, () => {
      const z = zoneOf(from, to, timeZone);
      const spans = offsetSpans(z);
      expect(spans.length).toBe(changes + 1);
      const offsetOf = (t: number) => spans.find(s => t < s.until)!.offsetMs;
      const first = Date.parse(`${from}T00:00:00Z`) / DAY;
      for (let t = z.starts[0]!; t < z.starts[z.starts.length - 1]!; t += 900_000) {
        const local = t + offsetOf(t);
        const day = Math.floor(local / DAY) - first;
        const i = dayIndex(z, t);
        expect(day).toBe(i);
        expect(Math.floor(local / 3_600_000) % 24).toBe(localHour(z, t, i));
        expect((Math.floor(local / DAY) + 3) % 7).toBe(weekdayOf(z.days[i]!));
      }
    });
});
