/**
 * The 'status.changed' trigger: a member (or the REST API) moved a chat from one status to
 * another. Runs after that change committed, in a transaction of its own; the run key names
 * the chat version the change produced, so a retried command, a second node or a repeated
 * call runs each rule once per change. A rule's own setStatus is no trigger (two rules
 * could otherwise flip a chat back and forth forever).
 */
import type { ChatStatus } from '../../../../common/domain';
import { evaluateRules } from '../../../../common/automation/rules/evaluate';
import { enabledRules } from '../../db/repositories/automation-rules';
import { ruleChat } from '../../db/repositories/rule-actions';
import type { Services } from '../../handlers/context';
import { commitRaw } from '../../handlers/context';
import { offerAutomated } from '../on-push';
import type { Outcome } from './execute';
import { chatTriggerFacts, keyOf, runRule } from './execute';

export type StatusChange = {
  readonly chatId: string;
  readonly from: ChatStatus;
  readonly to: ChatStatus;
  /** The chat's version after the change: names this change. */
  readonly version: number;
};

/** How many rules ran. Never throws: the status change itself has already committed. */
export async function runStatusChanged(services: Services, change: StatusChange): Promise<number> {
  if (change.from === change.to) return 0;
  try {
    const { value } = await commitRaw(services, async (tx, emit) => {
      const out: Outcome = { sends: [], events: [] };
      const rules = (await enabledRules(tx)).filter(r => r.trigger.type === 'status.changed');
      const chat = rules.length ? await ruleChat(tx, change.chatId) : null;
      if (!chat) return { out, ran: 0 };
      const now = services.clock();
      const evaluation = evaluateRules(
        rules,
        chatTriggerFacts(chat, { type: 'status.changed', from: change.from, to: change.to }, now),
      );
      const key = `status:${keyOf(`${change.chatId}:${change.version}`)}`;
      for (const match of evaluation.matched) await runRule(services, tx, chat, match, key, now, out);
      emit(...out.events);
      return { out, ran: evaluation.matched.length };
    });
    if (value.out.sends.length) await offerAutomated(services, value.out.sends);
    return value.ran;
  } catch (err) {
    services.log.error({ err, chatId: change.chatId }, 'status.changed rules failed');
    return 0;
  }
}
