/**
 * SLA breach: when a chat's first reply falls due with nobody having answered, one notice
 * to its assignee and the number's leads. Once per due time (automation_fires), across
 * nodes and restarts; a reply or a resolve before the claim stops it.
 */
import { claimFire, lockDue, overdueChats } from '../../db/repositories/automation-timers';
import type { Services } from '../../handlers/context';
import { commitRaw } from '../../handlers/context';
import { noticeEvents } from '../notices';

/** A breach older than this (a server down for a day) is not announced any more. */
export const BREACH_LOOKBACK_MS = 24 * 3_600_000;
const BATCH = 100;

/** One round: how many breaches it announced. */
export async function announceBreaches(services: Services): Promise<number> {
  const now = services.clock();
  const due = await overdueChats(services.database.raw, now - BREACH_LOOKBACK_MS, now, BATCH);
  let announced = 0;
  for (const c of due) {
    const { value } = await commitRaw(services, async (tx, emit) => {
      const current = await lockDue(tx, c.id);
      if (!current || current.dueAt !== c.dueAt) return 0;
      if (!(await claimFire(tx, 'sla_breach', c.id, c.dueAt, now))) return 0;
      emit(...(await noticeEvents(tx, { ...c, assigneeId: current.assigneeId }, 'sla_breach', null, now)));
      return 1;
    });
    announced += value;
  }
  return announced;
}
