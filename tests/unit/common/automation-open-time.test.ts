/** addOpenTime: the SLA's target counted in open time only, in real milliseconds. */
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../../common/automation/hours';
import { addOpenTime } from '../../../common/automation/open-time';

const nine5 = [{ start: '09:00', end: '17:00' }];
const weekdays = (timeZone: string, holidays: string[] = []): BusinessHours => ({
  timeZone,
  week: { sun: [], mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: [] },
  holidays,
});
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('addOpenTime', () => {
  it('inside open time it is plain addition', () => {
    // Monday 10:00 in Jakarta (UTC+7).
    expect(addOpenTime(weekdays('Asia/Jakarta'), at('2026-11-30T03:00:00Z'), 30 * MIN)).toBe(
      at('2026-11-30T03:30:00Z'),
    );
  });

  it('skips the weekend: Friday 16:30 + 60 min is Monday 09:30', () => {
    expect(addOpenTime(weekdays('Asia/Jakarta'), at('2026-11-27T09:30:00Z'), 60 * MIN)).toBe(
      at('2026-11-30T02:30:00Z'),
    );
  });

  it('a message while closed starts counting at the opening', () => {
    // Saturday 10:00 local.
    expect(addOpenTime(weekdays('Asia/Jakarta'), at('2026-11-28T03:00:00Z'), 30 * MIN)).toBe(
      at('2026-11-30T02:30:00Z'),
    );
  });

  it('skips a holiday', () => {
    const hours = weekdays('Asia/Jakarta', ['2026-11-30']);
    expect(addOpenTime(hours, at('2026-11-27T09:30:00Z'), 60 * MIN)).toBe(at('2026-12-01T02:30:00Z'));
  });

  it('a night range across the autumn DST change counts its real 9 hours (Berlin)', () => {
    const hours: BusinessHours = {
      timeZone: 'Europe/Berlin',
      week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ start: '22:00', end: '06:00' }] },
      holidays: [],
    };
    // Saturday 24 Oct 22:00 CEST = 20:00Z; clocks go back at 03:00; Sunday 06:00 CET = 05:00Z.
    expect(addOpenTime(hours, at('2026-10-24T20:00:00Z'), 510 * MIN)).toBe(at('2026-10-25T04:30:00Z'));
    expect(addOpenTime(hours, at('2026-10-24T20:00:00Z'), 540 * MIN)).toBe(at('2026-10-25T05:00:00Z'));
  });

  it('the spring change leaves 7 real hours in the same range; the rest waits a week', () => {
    const hours: BusinessHours = {
      timeZone: 'Europe/Berlin',
      week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [{ start: '22:00', end: '06:00' }] },
      holidays: [],
    };
    // Saturday 28 Mar 22:00 CET = 21:00Z; Sunday 06:00 CEST = 04:00Z.
    expect(addOpenTime(hours, at('2026-03-28T21:00:00Z'), 420 * MIN)).toBe(at('2026-03-29T04:00:00Z'));
    // Next Saturday 22:30 CEST = 20:30Z.
    expect(addOpenTime(hours, at('2026-03-28T21:00:00Z'), 450 * MIN)).toBe(at('2026-04-04T20:30:00Z'));
  });

  it('a far time zone across its date line: Auckland in summer (UTC+13)', () => {
    // Friday 4 Dec 16:00 NZDT = 03:00Z; one hour left that day, one more on Monday 7 Dec.
    expect(addOpenTime(weekdays('Pacific/Auckland'), at('2026-12-04T03:00:00Z'), 120 * MIN)).toBe(
      at('2026-12-06T21:00:00Z'),
    );
  });

  it('overlapping ranges count once', () => {
    const hours: BusinessHours = {
      timeZone: 'UTC',
      week: {
        sun: [],
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '10:00', end: '13:00' },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
      },
      holidays: [],
    };
    expect(addOpenTime(hours, at('2026-11-30T09:00:00Z'), 240 * MIN)).toBe(at('2026-11-30T13:00:00Z'));
    expect(addOpenTime(hours, at('2026-11-30T09:00:00Z'), 241 * MIN)).toBe(at('2026-12-07T09:01:00Z'));
  });

  it('a schedule that never opens gives null; nothing to count gives the start', () => {
    const closed: BusinessHours = {
      timeZone: 'UTC',
      week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
      holidays: [],
    };
    expect(addOpenTime(closed, at('2026-11-30T09:00:00Z'), MIN)).toBeNull();
    expect(addOpenTime(weekdays('UTC'), at('2026-11-28T09:00:00Z'), 0)).toBe(at('2026-11-28T09:00:00Z'));
  });
});
