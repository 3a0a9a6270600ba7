/**
 * The 'chat.unanswered' trigger: chats whose customer has waited N minutes for a human
 * reply. Each chat in a transaction of its own; each rule once per waiting streak (its run
 * key), so a second node or a restart does not run it again.
 */
import { enabledRules } from '../../db/repositories/automation-rules';
import { waitingChats } from '../../db/repositories/automation-timers';
import type { Services } from '../../handlers/context';
import { commitRaw } from '../../handlers/context';
import { offerAutomated } from '../on-push';
import { runUnanswered } from '../rules/execute';

/** Streaks that began longer ago than the longest rule plus this are left alone (a server down for days). */
export const UNANSWERED_LOOKBACK_MS = 24 * 3_600_000;
const BATCH = 200;

/** One round: how many rule runs it started. */
export async function fireUnanswered(services: Services): Promise<number> {
  const raw = services.database.raw;
  const rules = await services.database.rawTransaction(tx => enabledRules(tx));
  const minutes = rules.flatMap(r => (r.trigger.type === 'chat.unanswered' ? [r.trigger.minutes] : []));
  if (minutes.length === 0) return 0;
  const now = services.clock();
  const chats = await waitingChats(raw, {
    activeSince: now - Math.max(...minutes) * 60_000 - UNANSWERED_LOOKBACK_MS,
    waitingUntil: now - Math.min(...minutes) * 60_000,
    accountIds: null,
    limit: BATCH,
  });
  let ran = 0;
  for (const c of chats) {
    const { value } = await commitRaw(services, async (tx, emit) => {
      const out = await runUnanswered(services, tx, rules, c.id, c.waitingSince, now);
      emit(...out.events);
      return out;
    });
    if (value.sends.length) await offerAutomated(services, value.sends);
    ran += value.events.length + value.sends.length;
  }
  return ran;
}
