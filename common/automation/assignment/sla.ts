/**
 * The first-response clock of a chat (#17 SLA), pure: a customer's message while no reply is
 * pending starts it (due = that message + the number's target); the team's next reply stops
 * it. When the number has business hours only open time counts towards the target.
 */
import type { BusinessHours } from '../hours';
import { addOpenTime } from '../open-time';

export type SlaMessage = { readonly timestamp: number; readonly fromTeam: boolean };

/** The chat's due time after these messages (in any order), starting from `dueAt`. */
export function nextSlaDue(
  dueAt: number | null,
  messages: readonly SlaMessage[],
  targetMinutes: number,
  hours: BusinessHours | null = null,
): number | null {
  let due = dueAt;
  for (const m of [...messages].sort((a, b) => a.timestamp - b.timestamp)) {
    if (m.fromTeam) due = null;
    else if (due === null) due = slaDueFrom(m.timestamp, targetMinutes, hours);
  }
  return due;
}

/**
 * The target counted from `at`: in open time when the number has hours; in plain time
 * without hours, or when they never open (a due time that never comes helps nobody).
 */
export function slaDueFrom(at: number, targetMinutes: number, hours: BusinessHours | null): number {
  const target = targetMinutes * 60_000;
  return (hours ? addOpenTime(hours, at, target) : null) ?? at + target;
}

/** What the chat list says: minutes left (positive) or overdue (negative), rounded towards "later". */
export function slaMinutesLeft(dueAt: number, now: number): number {
  const left = dueAt - now;
  return left >= 0 ? Math.ceil(left / 60_000) : -Math.floor(-left / 60_000);
}
