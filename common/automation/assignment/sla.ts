/**
 * The first-response clock of a chat (#17 SLA), pure: a customer's message while no reply is
 * pending starts it (due = that message + the number's target); the team's next reply stops
 * it. Business hours are not taken out of the target.
 */
export type SlaMessage = { readonly timestamp: number; readonly fromTeam: boolean };

/** The chat's due time after these messages (in any order), starting from `dueAt`. */
export function nextSlaDue(
  dueAt: number | null,
  messages: readonly SlaMessage[],
  targetMinutes: number,
): number | null {
  let due = dueAt;
  for (const m of [...messages].sort((a, b) => a.timestamp - b.timestamp)) {
    if (m.fromTeam) due = null;
    else if (due === null) due = m.timestamp + targetMinutes * 60_000;
  }
  return due;
}

/** What the chat list says: minutes left (positive) or overdue (negative), rounded towards "later". */
export function slaMinutesLeft(dueAt: number, now: number): number {
  const left = dueAt - now;
  return left >= 0 ? Math.ceil(left / 60_000) : -Math.floor(-left / 60_000);
}
