/**
 * SLA attainment of one conversation (docs/reports.md, "SLA attainment"), pure: the server's
 * reports and the tests both call it. The due time is not kept per conversation (a chat only
 * holds the due time of its current wait), so it is derived from the conversation's opening
 * with the very function the server's first-response clock runs (nextSlaDue): the customer's
 * opening message starts the clock and the number's target is added in plain minutes, nights
 * and weekends included; or, when the report counts business hours only and the number has
 * them, in the number's open time (addOpenTime, as the clock does for such a number).
 */
import type { BusinessHours } from '../automation/hours';
import { nextSlaDue } from '../automation/assignment/sla';

export type SlaConversation = {
  readonly openedAt: number;
  readonly firstResponseAt: number | null;
  readonly resolvedAt: number | null;
};

/**
 * - met: the first human response came at or before the due time;
 * - missed: it came later, or none came and the conversation was still waiting past its due
 *   time (at its resolution, or at `asOf` when still open);
 * - waiting: no response yet and not due yet at `asOf`: counted neither way;
 * - excused: resolved before its due time without any response (nothing was owed);
 * - none: its number has no first-response target (or it is a group chat, which the clock skips).
 */
export type SlaOutcome = 'met' | 'missed' | 'waiting' | 'excused' | 'none';

/**
 * The due time of a conversation's first response; null without a target. `hours`: the
 * number's business hours when the report counts them (null: plain minutes). Hours that never
 * open fall back to plain minutes, as the clock does.
 */
export function conversationSlaDue(
  openedAt: number,
  targetMinutes: number | null,
  hours: BusinessHours | null = null,
): number | null {
  if (targetMinutes === null) return null;
  return nextSlaDue(null, [{ timestamp: openedAt, fromTeam: false }], targetMinutes, hours);
}

/** `asOf`: the moment the report describes (the end of its range, or now when that is earlier). */
export function slaOutcome(
  c: SlaConversation,
  targetMinutes: number | null,
  asOf: number,
  hours: BusinessHours | null = null,
): SlaOutcome {
  const due = conversationSlaDue(c.openedAt, targetMinutes, hours);
  if (due === null) return 'none';
  if (c.firstResponseAt !== null) return c.firstResponseAt <= due ? 'met' : 'missed';
  const stoppedAt = c.resolvedAt ?? asOf;
  if (stoppedAt > due) return 'missed';
  return c.resolvedAt === null ? 'waiting' : 'excused';
}

export type SlaCounts = { met: number; missed: number; waiting: number };

export const emptySlaCounts = (): SlaCounts => ({ met: 0, missed: 0, waiting: 0 });

export function addSlaOutcome(counts: SlaCounts, outcome: SlaOutcome): void {
  if (outcome === 'met' || outcome === 'missed' || outcome === 'waiting') counts[outcome] += 1;
}

/** Met / (met + missed) in percent, rounded to one decimal; null when no conversation was decided. */
export function slaMetPct(counts: { readonly met: number; readonly missed: number }): number | null {
  const decided = counts.met + counts.missed;
  return decided === 0 ? null : Math.round((1000 * counts.met) / decided) / 10;
}
