/**
 * Waiting conversations are assigned, oldest first, as soon as someone can take them: when
 * a member comes online, when a chat is resolved (its assignee has room again) and when a
 * number's assignment settings are saved. Each number in a transaction of its own.
 */
import { assigningNumbers, lockWaiting, numbersWithWaiting } from '../../db/repositories/assignment';
import type { Services } from '../../handlers/context';
import { commitRaw } from '../../handlers/context';
import { assignChats } from './assign';

/** Waiting chats looked at per number per drain: more wait for the next occasion. */
const DRAIN_BATCH = 200;

export async function drainNumber(services: Services, accountId: string): Promise<number> {
  const { value } = await commitRaw(services, async (tx, emit) => {
    const [number] = await assigningNumbers(tx, [accountId]);
    if (!number) return 0;
    const waiting = await lockWaiting(tx, accountId, DRAIN_BATCH);
    if (waiting.length === 0) return 0;
    const done = await assignChats(tx, number, waiting, services.clock());
    emit(...done.events);
    return done.assigned;
  });
  return value;
}

/**
 * The numbers of this member (null: every number) with chats waiting. Errors are logged,
 * not thrown: what triggered the drain (a connect, a resolve) has already succeeded.
 */
export async function drainWaiting(services: Services, memberId: string | null): Promise<void> {
  try {
    for (const accountId of await numbersWithWaiting(services.database.raw, memberId))
      await drainNumber(services, accountId);
  } catch (err) {
    services.log.error({ err }, 'assigning waiting chats failed; the next occasion retries');
  }
}
