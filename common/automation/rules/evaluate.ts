/**
 * Which rules match a trigger and what they do. Pure and synchronous: the server (and later
 * the desktop core) executes the actions; the editor's dry-run shows the trace. Rules are
 * taken in `order`; disabled ones are skipped; a matching rule with `stopAfter` ends the run.
 */
import type { BusinessHours } from '../hours';
import { hasAnyRange, isOpen } from '../hours';
import type { Rule, RuleAction, RuleCondition, RuleTrigger, Sentiment } from './schema';
import { safeRegexTest } from './safe-regex';

/** The event the rules are asked about, with what is known of its chat. */
export type RuleFacts = {
  readonly trigger:
    | { readonly type: 'message.received' }
    | { readonly type: 'conversation.opened' }
    | { readonly type: 'chat.unanswered'; readonly minutes: number }
    | {
        readonly type: 'status.changed';
        readonly from: 'open' | 'pending' | 'resolved';
        readonly to: 'open' | 'pending' | 'resolved';
      };
  readonly accountId: string;
  /** The message text ('' for an event without one). */
  readonly text: string;
  readonly tags: readonly string[];
  readonly contactIsNew: boolean;
  /** When the event happened, for business hours. */
  readonly at: number;
  /** The number's hours; null: none, so it is never closed. */
  readonly hours: BusinessHours | null;
  /** Only when AI gave one; null: a sentiment condition does not hold. */
  readonly sentiment: Sentiment | null;
  /**
   * The message's language (ISO 639-1), detected by the runner (common/automation/language.ts)
   * when a rule asks; null or absent: unknown, so a language condition does not hold.
   */
  readonly language?: string | null;
};

/**
 * The facts of a trigger about a chat rather than a message (a wait, a status change): no
 * text, no new contact, no sentiment or language. One builder for the server's rules and
 * the desktop's signed-out rules, so both judge a chat the same way.
 */
export function chatTriggerFacts(
  chat: { readonly accountId: string; readonly tags: readonly string[] },
  trigger: RuleFacts['trigger'],
  now: number,
  hours: BusinessHours | null,
): RuleFacts {
  return {
    trigger,
    accountId: chat.accountId,
    text: '',
    tags: chat.tags,
    contactIsNew: false,
    at: now,
    hours,
    sentiment: null,
    language: null,
  };
}

/** Why a condition held or not, for the editor's trace. */
export type ConditionResult = { readonly kind: RuleCondition['kind']; readonly holds: boolean; readonly note?: string };

export type RuleTrace = {
  readonly ruleId: string;
  readonly name: string;
  readonly outcome: 'matched' | 'disabled' | 'other_trigger' | 'conditions_failed' | 'not_reached';
  readonly conditions: readonly ConditionResult[];
};

export type RuleMatch = { readonly ruleId: string; readonly actions: readonly RuleAction[] };

export type Evaluation = { readonly matched: readonly RuleMatch[]; readonly trace: readonly RuleTrace[] };

/** Rules are ordered by `order`, ties by id, so every caller runs them in one sequence. */
export function orderRules<R extends Pick<Rule, 'order' | 'id'>>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function triggerMatches(rule: RuleTrigger, fact: RuleFacts['trigger']): boolean {
  switch (rule.type) {
    case 'message.received':
    case 'conversation.opened':
      return fact.type === rule.type;
    case 'chat.unanswered':
      return fact.type === 'chat.unanswered' && fact.minutes >= rule.minutes;
    case 'status.changed':
      return (
        fact.type === 'status.changed' &&
        fact.from !== fact.to &&
        (rule.from === undefined || rule.from === fact.from) &&
        (rule.to === undefined || rule.to === fact.to)
      );
  }
}

/**
 * One evaluation asks every hours condition the same question (same hours object, same
 * instant); isOpen goes through Intl, so the last answer is kept. Keyed by the object's
 * identity: hours are never mutated (they come parsed and readonly).
 */
let lastOpen: { hours: BusinessHours; at: number; open: boolean } | null = null;
function open(hours: BusinessHours | null, at: number): boolean {
  if (!hours || !hasAnyRange(hours)) return true;
  if (lastOpen?.hours === hours && lastOpen.at === at) return lastOpen.open;
  lastOpen = { hours, at, open: isOpen(hours, at) };
  return lastOpen.open;
}

export function checkCondition(c: RuleCondition, f: RuleFacts): ConditionResult {
  const r = (holds: boolean, note?: string): ConditionResult =>
    note ? { kind: c.kind, holds, note } : { kind: c.kind, holds };
  switch (c.kind) {
    case 'number':
      return r(c.accountIds.includes(f.accountId));
    case 'textContains':
      return r(f.text.toLowerCase().includes(c.text.toLowerCase()));
    case 'textRegex':
      return r(safeRegexTest(c.pattern, f.text));
    case 'tag':
      return r(f.tags.some(t => t.toLowerCase() === c.tag.toLowerCase()));
    case 'contactNew':
      return r(f.contactIsNew);
    case 'withinHours':
      return r(open(f.hours, f.at));
    case 'outsideHours':
      return r(!open(f.hours, f.at));
    case 'sentiment':
      return f.sentiment === null ? r(false, 'no_sentiment') : r(f.sentiment === c.is);
    case 'language':
      return f.language ? r(c.languages.includes(f.language)) : r(false, 'no_language');
  }
}

/** Whether any enabled rule asks for the language: detecting it costs time, so only then. */
export const rulesNeedLanguage = (rules: readonly Rule[]): boolean =>
  rules.some(r => r.enabled && r.conditions.some(c => c.kind === 'language'));

/** Whether any enabled rule asks for the sentiment: it costs an AI request, so only then. */
export const rulesNeedSentiment = (rules: readonly Rule[]): boolean =>
  rules.some(r => r.enabled && r.conditions.some(c => c.kind === 'sentiment'));

export function evaluateRules(rules: readonly Rule[], facts: RuleFacts): Evaluation {
  const matched: RuleMatch[] = [];
  const trace: RuleTrace[] = [];
  let stopped = false;
  for (const rule of orderRules(rules)) {
    const base = { ruleId: rule.id, name: rule.name };
    if (stopped) trace.push({ ...base, outcome: 'not_reached', conditions: [] });
    else if (!rule.enabled) trace.push({ ...base, outcome: 'disabled', conditions: [] });
    else if (!triggerMatches(rule.trigger, facts.trigger))
      trace.push({ ...base, outcome: 'other_trigger', conditions: [] });
    else {
      // Every condition is checked (not just up to the first failure) so the trace explains all of them.
      const conditions = rule.conditions.map(c => checkCondition(c, facts));
      const holds = conditions.every(c => c.holds);
      trace.push({ ...base, outcome: holds ? 'matched' : 'conditions_failed', conditions });
      if (holds) {
        matched.push({ ruleId: rule.id, actions: rule.actions });
        stopped = rule.stopAfter;
      }
    }
  }
  return { matched, trace };
}
