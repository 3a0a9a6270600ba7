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

  it('says minutes left, and overdue minutes once past', () => {
    expect(slaMinutesLeft(T + 12 * MIN, T)).toBe(12);
    expect(slaMinutesLeft(T + 11 * MIN + 1, T)).toBe(12);
    expect(slaMinutesLeft(T, T)).toBe(0);
    expect(slaMinutesLeft(T, T + 5 * MIN + 30_000)).toBe(-5);
  });
});
