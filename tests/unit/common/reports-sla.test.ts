/** SLA attainment of one conversation (common/reports/sla.ts), against docs/reports.md's definitions. */
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../../common/automation/hours';
import { conversationSlaDue, slaMetPct, slaOutcome } from '../../../common/reports/sla';

const MIN = 60_000;
const T = Date.parse('2026-11-07T16:50:00Z'); // a Saturday, 23:50 in Jakarta
const conv = (firstResponse: number | null, resolved: number | null = null) => ({
  openedAt: T,
  firstResponseAt: firstResponse === null ? null : T + firstResponse * MIN,
  resolvedAt: resolved === null ? null : T + resolved * MIN,
});
const LATER = T + 7 * 24 * 60 * MIN;

describe('slaOutcome', () => {
  it('due = opening + target in plain minutes, across midnight and the weekend alike', () => {
    expect(conversationSlaDue(T, 30)).toBe(T + 30 * MIN);
    expect(conversationSlaDue(T, null)).toBeNull();
  });

  it('a first response at the due time is met, a minute later missed', () => {
    expect(slaOutcome(conv(30), 30, LATER)).toBe('met');
    expect(slaOutcome(conv(5), 30, LATER)).toBe('met');
    expect(slaOutcome(conv(31), 30, LATER)).toBe('missed');
  });

  it('no response: missed once waiting past due, waiting before; resolved in time without one is excused', () => {
    expect(slaOutcome(conv(null), 30, T + 31 * MIN)).toBe('missed');
    expect(slaOutcome(conv(null), 30, T + 30 * MIN)).toBe('waiting');
    expect(slaOutcome(conv(null, 10), 30, LATER)).toBe('excused');
    expect(slaOutcome(conv(null, 45), 30, LATER)).toBe('missed');
  });

  it('a number without a target decides nothing', () => {
    expect(slaOutcome(conv(500), null, LATER)).toBe('none');
    expect(slaOutcome(conv(null), null, LATER)).toBe('none');
  });
});

describe('due times in business hours (the report counts business hours only)', () => {
  const nineToFive = [{ start: '09:00', end: '17:00' }];
  const hours: BusinessHours = {
    timeZone: 'Asia/Jakarta',
    week: { sun: [], mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [] },
    holidays: ['2026-11-10'],
  };

  it('a Saturday-night opening is due 30 open minutes into Monday: 09:30 in Jakarta', () => {
    expect(conversationSlaDue(T, 30, hours)).toBe(Date.parse('2026-11-09T02:30:00Z'));
  });

  it('a target that runs past closing goes on at the next open day, skipping the holiday', () => {
    // Monday 16:50 in Jakarta: 10 minutes on Monday; Tuesday the 10th is a holiday; 20 on Wednesday.
    const mondayLate = Date.parse('2026-11-09T09:50:00Z');
    expect(conversationSlaDue(mondayLate, 30, hours)).toBe(Date.parse('2026-11-11T02:20:00Z'));
  });

  it("Monday 09:20 in Jakarta meets a Saturday night's target in business hours, and misses it in plain minutes", () => {
    const monday0920 = (Date.parse('2026-11-09T02:20:00Z') - T) / MIN;
    expect(slaOutcome(conv(monday0920), 30, LATER, hours)).toBe('met');
    expect(slaOutcome(conv(monday0920), 30, LATER)).toBe('missed');
    // Still waiting on Monday at 09:29 in business hours; missed at 09:31.
    expect(slaOutcome(conv(null), 30, Date.parse('2026-11-09T02:29:00Z'), hours)).toBe('waiting');
    expect(slaOutcome(conv(null), 30, Date.parse('2026-11-09T02:31:00Z'), hours)).toBe('missed');
  });

  it('hours that never open count plain minutes, as the clock does; no target decides nothing', () => {
    const never: BusinessHours = { ...hours, week: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } };
    expect(conversationSlaDue(T, 30, never)).toBe(T + 30 * MIN);
    expect(conversationSlaDue(T, null, hours)).toBeNull();
  });
});

describe('slaMetPct', () => {
  it('met over decided, one decimal; null when nothing was decided', () => {
    expect(slaMetPct({ met: 1, missed: 2 })).toBe(33.3);
    expect(slaMetPct({ met: 2, missed: 1 })).toBe(66.7);
    expect(slaMetPct({ met: 3, missed: 0 })).toBe(100);
    expect(slaMetPct({ met: 0, missed: 0 })).toBeNull();
  });
});
