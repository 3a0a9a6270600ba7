/**
 * The pure parts of reports: days and hours in a zone with daylight saving (Jakarta has none,
 * so the MariaDB tests cannot show it), nearest-rank percentiles, and the one-minute cache.
 */
import { describe, expect, it } from 'vitest';
import { ttlCache } from '../../../sync-server/src/reports/cache';
import { durationStats } from '../../../sync-server/src/reports/stats';
import { dayIndex, localHour, localMidnight, zoneOf } from '../../../sync-server/src/reports/zone';

const HOUR = 3_600_000;

describe('days in a zone with daylight saving', () => {
  it('1 November 2026 in New York lasts 25 hours; its hours follow the clock', () => {
    const z = zoneOf('2026-10-31', '2026-11-02', 'America/New_York');
    // EDT (UTC-4) until 2:00 on the 1st, then EST (UTC-5).
    expect(z.starts.map(t => new Date(t).toISOString())).toEqual([
      '2026-10-31T04:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
      '2026-11-03T05:00:00.000Z',
    ]);
    const first = z.starts[1]!;
    // 01:30 happens twice; 03:00 local is 4 h after midnight.
    expect(localHour(z, first + 1.5 * HOUR, 1)).toBe(1);
    expect(localHour(z, first + 2.5 * HOUR, 1)).toBe(1);
    expect(localHour(z, first + 4 * HOUR, 1)).toBe(3);
    expect(localHour(z, first + 24.5 * HOUR, 1)).toBe(23);
    expect(dayIndex(z, first + 24.5 * HOUR)).toBe(1);
    expect(dayIndex(z, first + 25 * HOUR)).toBe(2);
  });

  it('a spring-forward day in Berlin lasts 23 hours; Jakarta days start at 17:00 UTC', () => {
    expect(localMidnight('Europe/Berlin', '2026-03-30') - localMidnight('Europe/Berlin', '2026-03-29')).toBe(23 * HOUR);
    expect(new Date(localMidnight('Asia/Jakarta', '2026-11-11')).toISOString()).toBe('2026-11-10T17:00:00.000Z');
    const z = zoneOf('2026-11-01', '2026-11-30', 'Asia/Jakarta');
    expect(dayIndex(z, Date.parse('2026-10-31T16:59:59.999Z'))).toBe(-1);
    expect(dayIndex(z, Date.parse('2026-11-30T17:00:00Z'))).toBe(-1);
  });
});

describe('durations', () => {
  it('nearest-rank median and p90, and the histogram buckets', () => {
    const s = durationStats([30_000, 60_000, 120_000, 600_000, 7_200_000, 90_000_000]);
    expect(s).toEqual({ count: 6, medianMs: 120_000, p90Ms: 90_000_000, histogram: [1, 2, 1, 0, 0, 1, 0, 1] });
    expect(durationStats([])).toEqual({ count: 0, medianMs: null, p90Ms: null, histogram: [0, 0, 0, 0, 0, 0, 0, 0] });
  });
});

describe('the report cache', () => {
  it('serves an entry for its time, then computes again; a failure is not kept', async () => {
    let now = 0;
    let computed = 0;
    const cache = ttlCache<number>(() => now, 60_000, 2);
    const compute = () => Promise.resolve(++computed);
    expect(await cache.get('a', compute)).toBe(1);
    now = 59_999;
    expect(await cache.get('a', compute)).toBe(1);
    now = 60_000;
    expect(await cache.get('a', compute)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('b', compute)).toBe(3);
  });

  it('keeps at most its size, dropping the oldest computed', async () => {
    let computed = 0;
    const cache = ttlCache<number>(() => 0, 60_000, 2);
    const compute = () => Promise.resolve(++computed);
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('c', compute);
    expect(await cache.get('b', compute)).toBe(2);
    expect(await cache.get('a', compute)).toBe(4);
  });
});
