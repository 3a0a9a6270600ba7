/**
 * The desktop's triggers about a chat rather than a message (#17, not signed in), as the
 * workspace server runs them (sync-server/src/automation/timers/unanswered.ts,
 * rules/on-status.ts): a customer who has waited N minutes for a reply, and a status the
 * user changed. Each rule runs once per trigger, claimed by key before it acts.
 */
import { chatTriggerFacts, evaluateRules } from '../../../common/automation/rules/evaluate';
import type { Rule } from '../../../common/automation/rules/schema';
import type { Logger } from '../../platform/log';
import type { LocalActionDeps } from './actions';
import { runMatched } from './apply-rules';

type Deps = LocalActionDeps & {
  readonly log: Logger;
  readonly now: () => number;
  readonly isHosted: (accountId: string) => boolean;
};

/** Waits that began longer ago than the longest rule plus this are left alone (a desktop off for days). */
export const UNANSWERED_LOOKBACK_MS = 24 * 3_600_000;
/** Most chats one round looks at. */
const BATCH = 200;

/** The facts of a trigger about a chat: no text, no new contact, no mood (as on the server). */
/**
 * One round of 'chat.unanswered': chats of this desktop's numbers whose customer has waited
 * at least the shortest rule's minutes. The key names the wait (its first message), so each
 * rule runs once per wait, also across a restart; a reply by a person ends the wait, an
 * automated message does not. How many chats it looked at.
 */
export function fireUnanswered(deps: Deps, rules: readonly Rule[]): number {
  const minutes = rules.flatMap(r => (r.enabled && r.trigger.type === 'chat.unanswered' ? [r.trigger.minutes] : []));
  if (minutes.length === 0) return 0;
  const now = deps.now();
  const waiting = deps.store.waitingChats({
    activeSince: now - Math.max(...minutes) * 60_000 - UNANSWERED_LOOKBACK_MS,
    waitingUntil: now - Math.min(...minutes) * 60_000,
    limit: BATCH,
  });
  for (const w of waiting.filter(c => deps.isHosted(c.accountId))) {
    try {
      const chat = deps.store.getChat(w.chatId);
      if (!chat) continue;
      const trigger = { type: 'chat.unanswered' as const, minutes: Math.floor((now - w.waitingSince) / 60_000) };
      const evaluation = evaluateRules(
        rules,
        chatTriggerFacts(chat, trigger, now, deps.store.getLocalAutomation(chat.accountId).hours),
      );
      runMatched(deps, chat, evaluation.matched, `unanswered:${chat.id}:${w.waitingSince}`, now);
    } catch (err) {
      // One chat's failure must not hold up the others.
      deps.log.error('local unanswered rules failed', { chatId: w.chatId, err: String(err) });
    }
  }
  return waiting.length;
}

/**
 * Runs the 'status.changed' rules of every recorded status change, then forgets the change.
 * A crash before the forgetting runs them again on start, where the claims make that a no-op.
 * A rule's own setStatus records no change, so rules cannot flip a chat back and forth.
 */
export function drainStatusTriggers(deps: Deps, rules: readonly Rule[]): void {
  const statusRules = rules.filter(r => r.trigger.type === 'status.changed');
  for (const t of deps.store.listStatusTriggers()) {
    try {
      const chat = deps.store.getChat(t.chatId);
      if (chat && statusRules.length > 0 && deps.isHosted(chat.accountId)) {
        const now = deps.now();
        const evaluation = evaluateRules(
          statusRules,
          chatTriggerFacts(
            chat,
            { type: 'status.changed', from: t.from, to: t.to },
            now,
            deps.store.getLocalAutomation(chat.accountId).hours,
          ),
        );
        runMatched(deps, chat, evaluation.matched, `status:${t.triggerKey}`, now);
      }
    } catch (err) {
      deps.log.error('local status rules failed', { chatId: t.chatId, err: String(err) });
    }
    deps.store.removeStatusTrigger(t.triggerKey);
  }
}
