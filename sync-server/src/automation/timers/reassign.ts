/**
 * Reassignment (#17): on a number with auto-assignment and `reassignAfterMinutes`, a chat
 * whose customer has waited that long for a human reply, or whose assignee is not online
 * while the customer waits, goes to another eligible member (the number's mode decides
 * who). Once per waiting streak (automation_fires, keyed by the streak's first message), so
 * a chat does not bounce between members; with nobody else eligible it stays and is looked
 * at again on the next round.
 */
import { pickAssignee } from '../../../../common/automation/assignment/decide';
import { assigningNumbers, candidatesOf, drizzleOn, saveCursor } from '../../db/repositories/assignment';
import type { TimerChat } from '../../db/repositories/automation-timers';
import { claimFire, memberOnline, reassigningNumbers, waitingChats } from '../../db/repositories/automation-timers';
import { chatByIdLatest } from '../../db/repositories/chats';
import { getSettings } from '../../db/repositories/members';
import type { Services } from '../../handlers/context';
import { commitRaw } from '../../handlers/context';
import { assignOne } from '../assignment/assign';

export const REASSIGN_ACTION_MODE = 'reassign';
const LOOKBACK_MS = 24 * 3_600_000;
const BATCH = 200;

async function reassignOne(services: Services, c: TimerChat & { waitingSince: number }, minutes: number, now: number) {
  const { value } = await commitRaw(services, async (tx, emit) => {
    const [number] = await assigningNumbers(tx, [c.accountId]);
    const chat = await chatByIdLatest(drizzleOn(tx), c.id);
    if (!number || !chat || chat.assigneeId === null || chat.assigneeId !== c.assigneeId) return 0;
    const stale = now - c.waitingSince >= minutes * 60_000;
    if (!stale && (await memberOnline(tx, chat.assigneeId))) return 0;
    const others = (await candidatesOf(tx, c.accountId)).filter(x => x.memberId !== chat.assigneeId);
    const pick = pickAssignee({ mode: number.mode, candidates: others, cursor: number.cursor });
    if (pick === null) return 0;
    if (!(await claimFire(tx, 'reassign', c.id, c.waitingSince, now))) return 0;
    const events = await assignOne(tx, chat, pick, REASSIGN_ACTION_MODE, await getSettings(drizzleOn(tx)), now);
    if (!events) return 0;
    await saveCursor(tx, c.accountId, pick);
    emit(...events);
    return 1;
  });
  return value;
}

/** One round: how many chats it reassigned. */
export async function reassignWaiting(services: Services): Promise<number> {
  const numbers = await reassigningNumbers(services.database.raw);
  if (numbers.size === 0) return 0;
  const now = services.clock();
  const chats = await waitingChats(services.database.raw, {
    activeSince: now - Math.max(...numbers.values()) * 60_000 - LOOKBACK_MS,
    waitingUntil: now,
    accountIds: [...numbers.keys()],
    limit: BATCH,
  });
  let moved = 0;
  for (const c of chats) {
    if (c.assigneeId === null) continue;
    moved += await reassignOne(services, c, numbers.get(c.accountId) ?? Number.POSITIVE_INFINITY, now);
  }
  return moved;
}
