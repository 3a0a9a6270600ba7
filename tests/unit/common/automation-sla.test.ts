import { describe, expect, it } from 'vitest';
import { nextSlaDue, slaMinutesLeft } from '../../../common/automation/assignment/sla';

const MIN = 60_000;
const T = Date.parse('2026-11-30T03:00:00Z');

describe('first-response clock', () => {
  it('a customer starts it, more customer messages do not move it, the team stops it', () => {
    expect(nextSlaDue(null, [{ timestamp: T, fromTeam: false }], 30)).toBe(T + 30 * MIN);
    expect(nextSlaDue(T + 30 * MIN, [{ timestamp: T + 5 * MIN, fromTeam: false }], 30)).toBe(T + 30 * MIN);
    expect(nextSlaDue(T + 30 * MIN, [{ timestamp: T + 5 * MIN, fromTeam: true }], 30)).toBeNull();
  });

  it('reads a burst in time order, whatever order it was pushed in', () => {
    const burst = [
      { timestamp: T + 2 * MIN, fromTeam: false },
      { timestamp: T + MIN, fromTeam: true },
      { timestamp: T, fromTeam: false },
    ];
    // Customer at T, reply at T+1, customer again at T+2: due from the second message.
    expect(nextSlaDue(null, burst, 10)).toBe(T + 12 * MIN);
  });

  it('with business hours, only open time counts; hours that never open fall back to plain time', () => {
    const nine5 = [{ start: '09:00', end: '17:00' }];
    const jakarta = {
      timeZone: 'Asia/Jakarta',
      week: { sun: [], mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: [] },
      holidays: [],
    };
    // Friday 16:30 in Jakarta, a 60-minute target: half an hour on Friday, half on Monday.
    const friday = Date.parse('2026-11-27T09:30:00Z');
    expect(nextSlaDue(null, [{ timestamp: friday, fromTeam: false }], 60, jakarta)).toBe(
      Date.parse('2026-11-30T02:30:00Z'),
    );
    const never = { ...jakarta, week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } };
    expect(nextSlaDue(null, [{ timestamp: friday, fromTeam: false }], 60, never)).toBe(friday + 60 * MIN);
  });

  it('says minutes left, and overdue minutes once past', () => {
    expect(slaMinutesLeft(T + 12 * MIN, T)).toBe(12);
    expect(slaMinutesLeft(T + 11 * MIN + 1, T)).toBe(12);
    expect(slaMinutesLeft(T, T)).toBe(0);
    expect(slaMinutesLeft(T, T + 5 * MIN + 30_000)).toBe(-5);
  });
});
