/**
 * Automation rules on the sync protocol (#17): list, save, delete, reorder, a dry-run and
 * the recent runs. For admins (every rule) and leads (rules limited by a number condition
 * to numbers they are on): capability automation.manage. Registered in protocol.ts and
 * reply-schemas.ts; described in docs/protocol.md, "Automation rules".
 */
import { z } from 'zod';
import {
  CHAT_STATUSES,
  RULE_TRIGGERS,
  ruleActionSchema,
  ruleBodySchema,
  ruleSchema,
  SENTIMENTS,
} from './automation/rules/schema';
import type { RuleFacts } from './automation/rules/evaluate';
import type { Reply } from './result';

/** Most rules a workspace keeps: each inbound message is checked against every one. */
export const RULES_MAX = 100;
export const RULE_RUNS_LIMIT_MAX = 200;

const ruleId = z.string().min(1).max(36);
const accountId = z.string().min(1).max(200);

/** Not strict at the top, like every reply: fields a newer server adds are stripped. */
export const wireRuleSchema = z.object({
  ...ruleSchema.shape,
  updatedAt: z.number().int(),
  updatedBy: z.string().max(100).nullable(),
});
export type WireRule = z.infer<typeof wireRuleSchema>;

const conditionResultSchema = z.object({
  kind: z.string().max(40),
  holds: z.boolean(),
  note: z.string().max(40).optional(),
});
export const wireRuleTestSchema = z.object({
  trace: z.array(
    z.object({
      ruleId: z.string().max(36),
      name: z.string().max(100),
      outcome: z.enum(['matched', 'disabled', 'other_trigger', 'conditions_failed', 'not_reached']),
      conditions: z.array(conditionResultSchema),
    }),
  ),
  matched: z.array(
    z.object({
      ruleId: z.string().max(36),
      actions: z.array(
        z.object({ action: ruleActionSchema, preview: z.string().nullable(), problem: z.string().max(50).nullable() }),
      ),
    }),
  ),
});
/** The dry-run: the trace of every rule, and what each matched rule's actions would do (problem: why one would fail). */
export type WireRuleTest = z.infer<typeof wireRuleTestSchema>;
export type RulePreview = WireRuleTest['matched'][number]['actions'][number];

export type WireRuleRun = {
  ruleId: string;
  triggerKey: string;
  accountId: string;
  chatId: string;
  status: 'ok' | 'failed';
  errorCode: string | null;
  createdAt: number;
};
export const wireRuleRunSchema = z.object({
  ruleId: z.string().max(36),
  triggerKey: z.string().max(300),
  accountId: z.string().max(200),
  chatId: z.string().max(420),
  status: z.enum(['ok', 'failed']),
  errorCode: z.string().max(50).nullable(),
  createdAt: z.number().int(),
});

/**
 * A sample the dry-run evaluates; `draft` tests an unsaved rule alone instead of the saved
 * ones. The chat triggers take what happened instead of a message: `chat.unanswered` how
 * many `minutes` the customer has waited, `status.changed` the `from` and `to` statuses
 * (their text, first-contact and language are left out, as when the runners see them).
 */
export const ruleTestSchema = z.strictObject({
  accountId,
  trigger: z.enum(RULE_TRIGGERS).default('message.received'),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
  from: z.enum(CHAT_STATUSES).optional(),
  to: z.enum(CHAT_STATUSES).optional(),
  text: z.string().max(4_096),
  tags: z.array(z.string().min(1).max(50)).max(50).default([]),
  contactIsNew: z.boolean().default(false),
  /** When the sample arrives (ms); the server's clock when left out. */
  at: z.number().int().min(0).optional(),
  sentiment: z.enum(SENTIMENTS).nullable().default(null),
  draft: ruleBodySchema.nullable().default(null),
});

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface AutomationRuleCommands {
  'rules:list': Cmd<WireRule[]>;
  'rules:save': Cmd<WireRule>;
  'rules:delete': Cmd<{ id: string }>;
  'rules:reorder': Cmd<WireRule[]>;
  'rules:test': Cmd<WireRuleTest>;
  'rules:runs': Cmd<WireRuleRun[]>;
}

export const AUTOMATION_RULE_COMMAND_SCHEMAS = {
  'rules:list': z.strictObject({}),
  /** Without an id: a new rule, placed last. */
  'rules:save': z.strictObject({ id: ruleId.optional(), rule: ruleBodySchema }),
  'rules:delete': z.strictObject({ id: ruleId }),
  /** The caller's rules in their new order; other rules keep their places. */
  'rules:reorder': z.strictObject({ ids: z.array(ruleId).min(1).max(RULES_MAX) }),
  'rules:test': ruleTestSchema,
  'rules:runs': z.strictObject({
    limit: z.number().int().min(1).max(RULE_RUNS_LIMIT_MAX).default(50),
    failedOnly: z.boolean().default(false),
  }),
} as const;

export const AUTOMATION_RULE_REPLY_SCHEMAS = {
  'rules:list': z.array(wireRuleSchema),
  'rules:save': wireRuleSchema,
  'rules:delete': z.object({ id: z.string().max(36) }),
  'rules:reorder': z.array(wireRuleSchema),
  'rules:test': wireRuleTestSchema,
  'rules:runs': z.array(wireRuleRunSchema),
} as const;

type RuleSample = z.output<typeof ruleTestSchema>;

/**
 * The trigger and message facts a dry-run sample stands for. A chat trigger without its
 * details (minutes, from, to) is answered as a wait of 1 minute or a change open → resolved.
 */
export function sampleFacts(s: RuleSample): Pick<RuleFacts, 'trigger' | 'text' | 'contactIsNew'> {
  switch (s.trigger) {
    case 'chat.unanswered':
      return { trigger: { type: s.trigger, minutes: s.minutes ?? 1 }, text: '', contactIsNew: false };
    case 'status.changed':
      return {
        trigger: { type: s.trigger, from: s.from ?? 'open', to: s.to ?? 'resolved' },
        text: '',
        contactIsNew: false,
      };
    default:
      return { trigger: { type: s.trigger }, text: s.text, contactIsNew: s.contactIsNew };
  }
}
