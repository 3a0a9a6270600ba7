/**
 * A rule of a workspace's automation: when (trigger), if (every condition holds), then
 * (actions). Rules run in `order`; one with `stopAfter` that matches ends the run. The same
 * schema checks what an editor saves and what the server reads back from storage.
 */
import { z } from 'zod';
import { regexProblem, REGEX_PATTERN_MAX } from './safe-regex';

const id = z.string().min(1).max(200);
const tag = z.string().min(1).max(50);

export const RULE_TRIGGERS = ['message.received', 'conversation.opened', 'chat.unanswered', 'status.changed'] as const;
export const CHAT_STATUSES = ['open', 'pending', 'resolved'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
/** The languages the rule editor offers (ISO 639-1); the schema takes any two-letter code. */
export const RULE_LANGUAGES = [
  'en',
  'id',
  'ms',
  'nl',
  'zh',
  'ar',
  'ja',
  'ko',
  'th',
  'vi',
  'es',
  'fr',
  'de',
  'pt',
] as const;

export const ruleTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('message.received') }),
  z.strictObject({ type: z.literal('conversation.opened') }),
  z.strictObject({
    type: z.literal('chat.unanswered'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
  // Either side left out: any status. A rule with both equal never fires (a change has two sides).
  z.strictObject({
    type: z.literal('status.changed'),
    from: z.enum(CHAT_STATUSES).optional(),
    to: z.enum(CHAT_STATUSES).optional(),
  }),
]);
export type RuleTrigger = z.infer<typeof ruleTriggerSchema>;

const regexPattern = z
  .string()
  .min(1)
  .max(REGEX_PATTERN_MAX)
  .superRefine((p, ctx) => {
    const problem = regexProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: `unsafe_regex:${problem}` });
  });

export const ruleConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), accountIds: z.array(id).min(1).max(50) }),
  z.strictObject({ kind: z.literal('textContains'), text: z.string().trim().min(1).max(200) }),
  z.strictObject({ kind: z.literal('textRegex'), pattern: regexPattern }),
  z.strictObject({ kind: z.literal('tag'), tag }),
  z.strictObject({ kind: z.literal('contactNew') }),
  z.strictObject({ kind: z.literal('withinHours') }),
  z.strictObject({ kind: z.literal('outsideHours') }),
  z.strictObject({ kind: z.literal('sentiment'), is: z.enum(SENTIMENTS) }),
  z.strictObject({
    kind: z.literal('language'),
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/))
      .min(1)
      .max(20),
  }),
]);
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

export const RULE_TEXT_MAX = 2_000;

export const ruleActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reply'), templateId: id }),
  // No memberId: back to the number's pool, for auto-assignment (or the leads when it is off).
  z.strictObject({ kind: z.literal('assign'), memberId: id.optional() }),
  z.strictObject({ kind: z.literal('addTag'), tag }),
  z.strictObject({ kind: z.literal('setStatus'), status: z.enum(CHAT_STATUSES) }),
  z.strictObject({ kind: z.literal('note'), text: z.string().trim().min(1).max(RULE_TEXT_MAX) }),
  z.strictObject({ kind: z.literal('notify'), text: z.string().trim().min(1).max(RULE_TEXT_MAX) }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;

/** What an editor sends: no id for a new rule. Order is given by rules:reorder, not here. */
export const ruleBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  stopAfter: z.boolean(),
  trigger: ruleTriggerSchema,
  conditions: z.array(ruleConditionSchema).max(20),
  actions: z.array(ruleActionSchema).min(1).max(10),
});
export type RuleBody = z.infer<typeof ruleBodySchema>;

export const ruleSchema = ruleBodySchema.extend({ id, order: z.number().int().min(0) });
export type Rule = z.infer<typeof ruleSchema>;

/** The numbers a rule is limited to; null: every number of the workspace. */
export function ruleAccounts(rule: Pick<RuleBody, 'conditions'>): readonly string[] | null {
  const lists = rule.conditions.flatMap(c => (c.kind === 'number' ? [c.accountIds] : []));
  if (lists.length === 0) return null;
  // Several number conditions must all hold: the rule is limited to their intersection.
  return lists.reduce((acc, list) => acc.filter(a => list.includes(a)));
}
