/** SLA attainment of one conversation (common/reports/sla.ts), against docs/reports.md's definitions. */
import { describe, expect, it } from 'vitest';
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

describe('slaMetPct', () => {
  it('met over decided, one decimal; null when nothing was decided', () => {
    expect(slaMetPct({ met: 1, missed: 2 })).toBe(33.3);
    expect(slaMetPct({ met: 2, missed: 1 })).toBe(66.7);
    expect(slaMetPct({ met: 3, missed: 0 })).toBe(100);
    expect(slaMetPct({ met: 0, missed: 0 })).toBeNull();
  });
});
