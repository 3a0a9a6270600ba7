/**
 * Evaluates this desktop's rules for one inbound message and carries out what matched, each
 * rule claimed once per trigger (`msg:` or `open:` plus the message id). With a sentiment
 * the AI could not give, a rule that failed only on its sentiment condition records the run
 * as failed with the reason, so Recent failures says why it did not act.
 */
import { detectLanguage } from '../../platform/language';
import type { RuleFacts, RuleTrace } from '../../../common/automation/rules/evaluate';
import { evaluateRules, rulesNeedLanguage } from '../../../common/automation/rules/evaluate';
import { CONVERSATION_IDLE_MS } from '../../../common/automation/rules/limits';
import type { Rule, Sentiment } from '../../../common/automation/rules/schema';
import type { Chat, Message } from '../../../common/domain';
import type { Logger } from '../../platform/log';
import type { LocalActionDeps } from './actions';
import { runLocalAction } from './actions';

/** How long a message's rules wait for the AI's sentiment before it counts as unknown. */
export const SENTIMENT_TIMEOUT_MS = 10_000;

/** The sentiment, or why there is none (`sentiment_timeout`, `sentiment_disabled`…). */
export type Mood = { readonly sentiment: Sentiment | null; readonly failed: string | null };

export type RulesInput = {
  readonly rules: readonly Rule[];
  readonly m: Message;
  readonly chat: Chat;
  readonly previous: number | null;
  readonly now: number;
  readonly text: string;
  readonly mood: Mood;
};

type Deps = LocalActionDeps & { readonly log: Logger };

/** Failed only because the sentiment is unknown: every other condition held. */
const onlySentimentMissing = (t: RuleTrace): boolean =>
  t.outcome === 'conditions_failed' &&
  t.conditions.every(c => c.holds || c.note === 'no_sentiment') &&
  t.conditions.some(c => c.note === 'no_sentiment');

export function applyRules(deps: Deps, input: RulesInput): void {
  const { rules, m, chat, previous, now } = input;
  const hours = deps.store.getLocalAutomation(chat.accountId).hours;
  const language = rulesNeedLanguage(rules) ? detectLanguage(input.text) : null;
  const triggers: Array<RuleFacts['trigger'] & { key: string }> = [{ type: 'message.received', key: `msg:${m.id}` }];
  if (previous === null || m.timestamp - previous >= CONVERSATION_IDLE_MS)
    triggers.push({ type: 'conversation.opened', key: `open:${m.id}` });
  for (const { key, ...trigger } of triggers) {
    const evaluation = evaluateRules(rules, {
      trigger,
      accountId: chat.accountId,
      text: input.text,
      // Read again: a rule of the first trigger may have tagged the chat.
      tags: deps.store.getChat(chat.id)?.tags ?? chat.tags,
      contactIsNew: previous === null,
      at: m.timestamp,
      hours,
      sentiment: input.mood.sentiment,
      language,
    });
    const claim = (ruleId: string) =>
      deps.store.claimRuleRun({ ruleId, triggerKey: key, accountId: chat.accountId, chatId: chat.id, now });
    const failed = input.mood.failed;
    if (failed)
      for (const t of evaluation.trace.filter(onlySentimentMissing))
        if (claim(t.ruleId)) deps.store.failRuleRun(t.ruleId, key, failed);
    runMatched(deps, chat, evaluation.matched, key, now);
  }
}

/**
 * Carries out the matched rules of one trigger, each claimed by (rule, key) before it acts:
 * a trigger seen again (a restart, a second look) runs nothing twice.
 */
export function runMatched(
  deps: Deps,
  chat: Chat,
  matched: ReturnType<typeof evaluateRules>['matched'],
  key: string,
  now: number,
): void {
  for (const match of matched) {
    if (
      !deps.store.claimRuleRun({
        ruleId: match.ruleId,
        triggerKey: key,
        accountId: chat.accountId,
        chatId: chat.id,
        now,
      })
    )
      continue;
    let failure: string | null = null;
    for (const action of match.actions) {
      try {
        // Every action is tried; the first failure's code is kept.
        const code = runLocalAction(deps, action, { chat, ruleId: match.ruleId, triggerKey: key, now });
        failure ??= code;
      } catch (err) {
        deps.log.error('local automation rule failed', { ruleId: match.ruleId, err: String(err) });
        failure ??= 'internal';
      }
    }
    if (failure) deps.store.failRuleRun(match.ruleId, key, failure);
  }
}
