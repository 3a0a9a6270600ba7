/**
 * The 'status.changed' trigger: a member (or the REST API) moved a chat from one status to
 * another. The change's commit records a job (automation_jobs, kind 'status'); the rules
 * run from it in a transaction of their own, right after the commit or, when the server
 * stopped in between, by the jobs loop once it is back. The run key names the chat version
 * the change produced, so each rule runs once per change. A rule's own setStatus is no
 * trigger (two rules could otherwise flip a chat back and forth forever).
 */
import { z } from 'zod';
import type { ChatStatus } from '../../../../common/domain';
import type { RawTx } from '../../db/index';
import type { NewJob } from '../../db/repositories/automation-jobs';
import { enabledRules } from '../../db/repositories/automation-rules';
import { ruleChat } from '../../db/repositories/rule-actions';
import type { Services } from '../../handlers/context';
import type { Outcome } from './execute';
import { chatTriggerFacts, evaluateRules } from '../../../../common/automation/rules/evaluate';
import { parseHours } from '../parse-hours';
import { keyOf, runRule } from './execute';

const status = z.enum(['open', 'pending', 'resolved']);

export const statusChangeSchema = z.object({
  chatId: z.string().min(1).max(420),
  from: status,
  to: status,
  version: z.number().int().nonnegative(),
});

export type StatusChange = {
  readonly chatId: string;
  readonly from: ChatStatus;
  readonly to: ChatStatus;
  /** The chat's version after the change: names this change. */
  readonly version: number;
};

/** The job a status change records in its own commit. */
export function statusJob(change: StatusChange, at: number): NewJob {
  return {
    kind: 'status',
    key: keyOf(`${change.chatId}:${change.version}`),
    chatId: change.chatId,
    payload: change,
    at,
  };
}

/** In the job's transaction: the matching rules' actions, once per rule and change. */
export async function runStatusChanged(services: Services, tx: RawTx, change: StatusChange): Promise<Outcome> {
  const out: Outcome = { sends: [], events: [] };
  if (change.from === change.to) return out;
  const rules = (await enabledRules(tx)).filter(r => r.trigger.type === 'status.changed');
  const chat = rules.length ? await ruleChat(tx, change.chatId) : null;
  if (!chat) return out;
  const now = services.clock();
  const evaluation = evaluateRules(
    rules,
    chatTriggerFacts(
      chat,
      { type: 'status.changed', from: change.from, to: change.to },
      now,
      parseHours(chat.hoursJson),
    ),
  );
  const key = `status:${keyOf(`${change.chatId}:${change.version}`)}`;
  for (const match of evaluation.matched) await runRule(services, tx, chat, match, key, now, out);
  return out;
}
