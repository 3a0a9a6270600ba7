/**
 * What the "Add a rule" form holds, and the rule it saves. Pure, so the mapping is tested
 * without a screen. A rule saved here is always limited to the chosen number (leads may
 * save it).
 */
import type {
  RuleAction,
  RuleBody,
  RuleCondition,
  RuleTrigger,
  Sentiment,
} from '../../../../../common/automation/rules/schema';

export const STATUSES = ['open', 'pending', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export const DRAFT_TRIGGERS = ['message.received', 'conversation.opened', 'chat.unanswered', 'status.changed'] as const;
export type DraftTrigger = (typeof DRAFT_TRIGGERS)[number];

/** The assign choice for "back to the pool" (no member id can look like this). */
export const ASSIGN_POOL = '@pool';

export type RuleDraft = {
  readonly name: string;
  readonly trigger: DraftTrigger;
  /** chat.unanswered: whole minutes, 1–10,080, as typed. */
  readonly minutes: string;
  readonly statusFrom: Status | '';
  readonly statusTo: Status | '';
  readonly text: string;
  readonly regex: string;
  readonly hasTag: string;
  readonly hours: '' | 'withinHours' | 'outsideHours';
  readonly contactNew: boolean;
  /** ISO 639-1 codes: "only if the message is in one of these languages"; empty: any. */
  readonly languages: readonly string[];
  /** "Only if the customer's mood is" (this desktop's rules, with AI on); '': any. */
  readonly sentiment: Sentiment | '';
  readonly templateId: string;
  readonly tag: string;
  readonly status: Status | '';
  /** '': no assign action; ASSIGN_POOL: back to the pool; else a member id. */
  readonly assignTo: string;
  readonly note: string;
  readonly notify: string;
  readonly stopAfter: boolean;
};

export const EMPTY_DRAFT: RuleDraft = {
  name: '',
  trigger: 'message.received',
  minutes: '30',
  statusFrom: '',
  statusTo: '',
  text: '',
  regex: '',
  hasTag: '',
  hours: '',
  contactNew: false,
  languages: [],
  sentiment: '',
  templateId: '',
  tag: '',
  status: '',
  assignTo: '',
  note: '',
  notify: '',
  stopAfter: false,
};

const MINUTES_MAX = 7 * 24 * 60;

/** Only a customer's message has text and a first time: other triggers leave those conditions out. */
export const isMessageTrigger = (t: DraftTrigger): boolean => t === 'message.received' || t === 'conversation.opened';

function triggerOf(d: RuleDraft): RuleTrigger {
  switch (d.trigger) {
    case 'chat.unanswered':
      return {
        type: 'chat.unanswered',
        minutes: Math.min(MINUTES_MAX, Math.max(1, Math.floor(Number(d.minutes) || 1))),
      };
    case 'status.changed':
      return {
        type: 'status.changed',
        ...(d.statusFrom ? { from: d.statusFrom } : {}),
        ...(d.statusTo ? { to: d.statusTo } : {}),
      };
    default:
      return { type: d.trigger };
  }
}

function conditionsOf(d: RuleDraft, accountId: string): RuleCondition[] {
  const conditions: RuleCondition[] = [{ kind: 'number', accountIds: [accountId] }];
  const message = isMessageTrigger(d.trigger);
  if (message && d.text.trim()) conditions.push({ kind: 'textContains', text: d.text.trim() });
  if (message && d.regex.trim()) conditions.push({ kind: 'textRegex', pattern: d.regex.trim() });
  if (d.hasTag.trim()) conditions.push({ kind: 'tag', tag: d.hasTag.trim() });
  if (d.hours) conditions.push({ kind: d.hours });
  if (message && d.contactNew) conditions.push({ kind: 'contactNew' });
  if (message && d.languages.length > 0) conditions.push({ kind: 'language', languages: [...d.languages] });
  if (message && d.sentiment) conditions.push({ kind: 'sentiment', is: d.sentiment });
  return conditions;
}

function actionsOf(d: RuleDraft): RuleAction[] {
  const actions: RuleAction[] = [];
  if (d.templateId) actions.push({ kind: 'reply', templateId: d.templateId });
  if (d.tag.trim()) actions.push({ kind: 'addTag', tag: d.tag.trim() });
  if (d.status) actions.push({ kind: 'setStatus', status: d.status });
  if (d.assignTo === ASSIGN_POOL) actions.push({ kind: 'assign' });
  else if (d.assignTo) actions.push({ kind: 'assign', memberId: d.assignTo });
  if (d.note.trim()) actions.push({ kind: 'note', text: d.note.trim() });
  if (d.notify.trim()) actions.push({ kind: 'notify', text: d.notify.trim() });
  return actions;
}

export function ruleOf(d: RuleDraft, accountId: string): RuleBody {
  return {
    name: d.name.trim(),
    enabled: true,
    stopAfter: d.stopAfter,
    trigger: triggerOf(d),
    conditions: conditionsOf(d, accountId),
    actions: actionsOf(d),
  };
}
