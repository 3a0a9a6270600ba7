/**
 * Rules with a sentiment condition on the server. On the push path such a rule cannot match
 * (no verdict yet), so the push records a job (automation_jobs, kind 'sentiment') with the
 * message's facts in its own transaction and is answered at once. The job asks the
 * workspace's AI endpoint (outside any transaction, at most 10 s), then runs the sentiment
 * rules that match with the same run keys as the push (`msg:` / `open:`), so each acts once
 * per message. Without a verdict the condition is false, and each rule that failed only on
 * it records a failed run `sentiment_<reason>`, as on the desktop.
 */
import { z } from 'zod';
import type { Rule } from '../../../../common/automation/rules/schema';
import type { RuleFacts } from '../../../../common/automation/rules/evaluate';
import { evaluateRules, triggerMatches } from '../../../../common/automation/rules/evaluate';

import type { RawTx } from '../../db/index';
import { getAutomationAi } from '../../db/repositories/automation-ai';
import type { NewJob } from '../../db/repositories/automation-jobs';
import { claimRun, enabledRules, failRun } from '../../db/repositories/automation-rules';
import { ruleChat } from '../../db/repositories/rule-actions';
import { open } from '../../cloud/secrets';
import type { Services } from '../../handlers/context';
import type { SentimentOutcome } from '../ai/sentiment';
import { askSentiment } from '../ai/sentiment';
import { parseHours } from '../parse-hours';
import type { Outcome } from './execute';
import { runRule } from './execute';

/** What the rules read of a message, kept with the job (the text only as far as a rule reads it). */
export const sentimentJobSchema = z.object({
  chatId: z.string().min(1).max(420),
  accountId: z.string().min(1).max(200),
  text: z.string().max(1_000),
  at: z.number().int().nonnegative(),
  contactIsNew: z.boolean(),
  language: z.string().min(2).max(3).nullable(),
  triggers: z
    .array(z.object({ type: z.enum(['message.received', 'conversation.opened']), key: z.string().min(1).max(300) }))
    .min(1)
    .max(2),
});
export type SentimentJob = z.infer<typeof sentimentJobSchema>;

const asksSentiment = (r: Rule): boolean => r.enabled && r.conditions.some(c => c.kind === 'sentiment');

/** Whether an enabled sentiment rule fits one of these triggers: only then is a job (and an AI request) worth it. */
export function sentimentRulesFor(rules: readonly Rule[], triggers: readonly RuleFacts['trigger'][]): boolean {
  return rules.some(r => asksSentiment(r) && triggers.some(t => triggerMatches(r.trigger, t)));
}

export function sentimentJob(job: SentimentJob, key: string, now: number): NewJob {
  return { kind: 'sentiment', key, chatId: job.chatId, payload: job, at: now };
}

/** Outside any transaction: the verdict, or why there is none. */
export async function sentimentOf(services: Services, text: string): Promise<SentimentOutcome> {
  const row = await getAutomationAi(services.db);
  if (!row) return { ok: false, reason: 'disabled' };
  const apiKey = row.apiKey === null ? null : open(services.mfaKey, row.apiKey);
  if (row.apiKey !== null && apiKey === null) return { ok: false, reason: 'key' };
  return askSentiment({ baseUrl: row.baseUrl, model: row.model, apiKey }, text);
}

/** In the job's transaction: the sentiment rules that match run; without a verdict, their runs say why. */
export async function runSentimentRules(
  services: Services,
  tx: RawTx,
  job: SentimentJob,
  verdict: SentimentOutcome,
): Promise<Outcome> {
  const out: Outcome = { sends: [], events: [] };
  const rules = await enabledRules(tx);
  const asking = new Set(rules.filter(asksSentiment).map(r => r.id));
  const chat = asking.size ? await ruleChat(tx, job.chatId) : null;
  if (!chat) return out;
  const now = services.clock();
  for (const trigger of job.triggers) {
    const evaluation = evaluateRules(rules, {
      trigger: { type: trigger.type },
      accountId: job.accountId,
      text: job.text,
      // As they are now: an earlier rule of this message may have tagged the chat.
      tags: (await ruleChat(tx, job.chatId))?.tags ?? chat.tags,
      contactIsNew: job.contactIsNew,
      at: job.at,
      hours: parseHours(chat.hoursJson),
      sentiment: verdict.ok ? verdict.sentiment : null,
      language: job.language,
    });
    // The others ran on the push path already.
    for (const match of evaluation.matched)
      if (asking.has(match.ruleId)) await runRule(services, tx, chat, match, trigger.key, now, out);
    if (verdict.ok) continue;
    for (const t of evaluation.trace) {
      const onlySentiment =
        t.outcome === 'conditions_failed' &&
        asking.has(t.ruleId) &&
        t.conditions.every(c => c.holds || c.kind === 'sentiment');
      const run = { ruleId: t.ruleId, triggerKey: trigger.key, accountId: chat.accountId, chatId: chat.id, at: now };
      if (onlySentiment && (await claimRun(tx, run)))
        await failRun(tx, t.ruleId, trigger.key, `sentiment_${verdict.reason}`);
    }
  }
  return out;
}
