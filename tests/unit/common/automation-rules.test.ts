import { describe, expect, it } from 'vitest';
import { businessHoursSchema } from '../../../common/automation/hours';
import type { RuleFacts } from '../../../common/automation/rules/evaluate';
import { evaluateRules } from '../../../common/automation/rules/evaluate';
import { REGEX_INPUT_MAX, regexProblem, safeRegexTest } from '../../../common/automation/rules/safe-regex';
import type { Rule, RuleAction, RuleCondition } from '../../../common/automation/rules/schema';
import { ruleAccounts, ruleBodySchema, ruleSchema } from '../../../common/automation/rules/schema';

const nine5 = [{ start: '09:00', end: '17:00' }];
const hours = businessHoursSchema.parse({
  timeZone: 'Asia/Jakarta',
  week: { sun: [], mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: [] },
  holidays: [],
});
const SATURDAY = Date.parse('2026-12-05T03:00:00Z'); // 10:00 WIB, closed
const MONDAY = Date.parse('2026-12-07T03:00:00Z'); // 10:00 WIB, open

const facts = (extra: Partial<RuleFacts> = {}): RuleFacts => ({
  trigger: { type: 'message.received' },
  accountId: 'acc-1',
  text: 'Berapa HARGA paket ini?',
  tags: ['VIP'],
  contactIsNew: false,
  at: MONDAY,
  hours,
  sentiment: null,
  ...extra,
});

const tagIt: RuleAction = { kind: 'addTag', tag: 'pricing' };
let seq = 0;
const rule = (extra: Partial<Rule> = {}): Rule =>
  ruleSchema.parse({
    id: `r${++seq}`,
    name: 'rule',
    enabled: true,
    order: seq,
    stopAfter: false,
    trigger: { type: 'message.received' },
    conditions: [],
    actions: [tagIt],
    ...extra,
  });

const holds = (c: RuleCondition, f: Partial<RuleFacts> = {}): boolean =>
  evaluateRules([rule({ conditions: [c] })], facts(f)).matched.length === 1;

describe('conditions', () => {
  it('number', () => {
    expect(holds({ kind: 'number', accountIds: ['acc-1', 'acc-2'] })).toBe(true);
    expect(holds({ kind: 'number', accountIds: ['acc-2'] })).toBe(false);
  });
  it('text contains, case-insensitively', () => {
    expect(holds({ kind: 'textContains', text: 'harga' })).toBe(true);
    expect(holds({ kind: 'textContains', text: 'ongkir' })).toBe(false);
  });
  it('regex, case-insensitively', () => {
    expect(holds({ kind: 'textRegex', pattern: 'berapa\\s+harga' })).toBe(true);
    expect(holds({ kind: 'textRegex', pattern: '^harga' })).toBe(false);
  });
  it('tag, case-insensitively', () => {
    expect(holds({ kind: 'tag', tag: 'vip' })).toBe(true);
    expect(holds({ kind: 'tag', tag: 'pricing' })).toBe(false);
  });
  it('contact is new', () => {
    expect(holds({ kind: 'contactNew' }, { contactIsNew: true })).toBe(true);
    expect(holds({ kind: 'contactNew' })).toBe(false);
  });
  it('within and outside business hours, in the number zone', () => {
    expect(holds({ kind: 'withinHours' })).toBe(true);
    expect(holds({ kind: 'outsideHours' })).toBe(false);
    expect(holds({ kind: 'withinHours' }, { at: SATURDAY })).toBe(false);
    expect(holds({ kind: 'outsideHours' }, { at: SATURDAY })).toBe(true);
    // No hours: the number is never closed.
    expect(holds({ kind: 'outsideHours' }, { at: SATURDAY, hours: null })).toBe(false);
  });
  it('sentiment only when AI gave one, and skipped cleanly otherwise', () => {
    expect(holds({ kind: 'sentiment', is: 'negative' }, { sentiment: 'negative' })).toBe(true);
    expect(holds({ kind: 'sentiment', is: 'negative' }, { sentiment: 'positive' })).toBe(false);
    const r = evaluateRules([rule({ conditions: [{ kind: 'sentiment', is: 'negative' }] })], facts());
    expect(r.matched).toEqual([]);
    expect(r.trace[0]?.conditions).toEqual([{ kind: 'sentiment', holds: false, note: 'no_sentiment' }]);
  });
  it('all conditions must hold', () => {
    const conditions: RuleCondition[] = [
      { kind: 'textContains', text: 'harga' },
      { kind: 'tag', tag: 'nope' },
    ];
    const r = evaluateRules([rule({ conditions })], facts());
    expect(r.matched).toEqual([]);
    expect(r.trace[0]).toMatchObject({ outcome: 'conditions_failed' });
    expect(r.trace[0]?.conditions.map(c => c.holds)).toEqual([true, false]);
  });
});

describe('triggers', () => {
  it('a rule answers only its own trigger', () => {
    const opened = rule({ trigger: { type: 'conversation.opened' } });
    expect(evaluateRules([opened], facts()).trace[0]?.outcome).toBe('other_trigger');
    expect(evaluateRules([opened], facts({ trigger: { type: 'conversation.opened' } })).matched).toHaveLength(1);
  });
  it('unanswered for at least N minutes, and a status change to a given status', () => {
    const late = rule({ trigger: { type: 'chat.unanswered', minutes: 30 } });
    expect(evaluateRules([late], facts({ trigger: { type: 'chat.unanswered', minutes: 29 } })).matched).toEqual([]);
    expect(evaluateRules([late], facts({ trigger: { type: 'chat.unanswered', minutes: 30 } })).matched).toHaveLength(1);
    const resolved = rule({ trigger: { type: 'status.changed', to: 'resolved' } });
    const any = rule({ trigger: { type: 'status.changed' } });
    const r = evaluateRules(
      [resolved, any],
      facts({ trigger: { type: 'status.changed', from: 'open', to: 'pending' } }),
    );
    expect(r.matched.map(m => m.ruleId)).toEqual([any.id]);
  });
  it('a status change from a given status, to a given status, or both; never for no change', () => {
    const reopened = rule({ trigger: { type: 'status.changed', from: 'resolved', to: 'open' } });
    const leftPending = rule({ trigger: { type: 'status.changed', from: 'pending' } });
    const ids = (from: 'open' | 'pending' | 'resolved', to: 'open' | 'pending' | 'resolved') =>
      evaluateRules([reopened, leftPending], facts({ trigger: { type: 'status.changed', from, to } })).matched.map(
        m => m.ruleId,
      );
    expect(ids('resolved', 'open')).toEqual([reopened.id]);
    expect(ids('pending', 'open')).toEqual([leftPending.id]);
    expect(ids('pending', 'resolved')).toEqual([leftPending.id]);
    expect(ids('open', 'resolved')).toEqual([]);
    const any = rule({ trigger: { type: 'status.changed' } });
    expect(
      evaluateRules([any], facts({ trigger: { type: 'status.changed', from: 'open', to: 'open' } })).matched,
    ).toEqual([]);
  });
  it('the schema takes from and to, each optional, and only known statuses', () => {
    const body = (trigger: unknown) => ruleSchema.safeParse({ ...rule({}), trigger }).success;
    expect(body({ type: 'status.changed', from: 'pending', to: 'resolved' })).toBe(true);
    expect(body({ type: 'status.changed', from: 'closed' })).toBe(false);
  });
});

describe('actions, order and stop', () => {
  it('returns every action of each matching rule, in rule order, skipping disabled ones', () => {
    const actions: RuleAction[] = [
      { kind: 'reply', templateId: 't1' },
      { kind: 'assign', memberId: 'm1' },
      { kind: 'addTag', tag: 'pricing' },
      { kind: 'setStatus', status: 'pending' },
      { kind: 'note', text: 'asked for prices' },
      { kind: 'notify', text: 'pricing question' },
    ];
    const second = rule({ order: 2, actions });
    const first = rule({ order: 1, actions: [tagIt] });
    const off = rule({ order: 0, enabled: false });
    const r = evaluateRules([second, off, first], facts());
    expect(r.matched).toEqual([
      { ruleId: first.id, actions: [tagIt] },
      { ruleId: second.id, actions },
    ]);
    expect(r.trace.map(t => t.outcome)).toEqual(['disabled', 'matched', 'matched']);
  });
  it('a matching rule with stopAfter ends the run; a non-matching one does not', () => {
    const stopsButFails = rule({ order: 1, stopAfter: true, conditions: [{ kind: 'tag', tag: 'nope' }] });
    const stops = rule({ order: 2, stopAfter: true });
    const after = rule({ order: 3 });
    const r = evaluateRules([after, stops, stopsButFails], facts());
    expect(r.matched.map(m => m.ruleId)).toEqual([stops.id]);
    expect(r.trace.map(t => t.outcome)).toEqual(['conditions_failed', 'matched', 'not_reached']);
  });
});

describe('schema', () => {
  it('refuses a rule without actions, an unknown action, and an unsafe regex', () => {
    const body = { name: 'x', enabled: true, stopAfter: false, trigger: { type: 'message.received' }, conditions: [] };
    expect(ruleBodySchema.safeParse({ ...body, actions: [] }).success).toBe(false);
    expect(ruleBodySchema.safeParse({ ...body, actions: [{ kind: 'delete_chat' }] }).success).toBe(false);
    const evil = { ...body, actions: [tagIt], conditions: [{ kind: 'textRegex', pattern: '(a+)+$' }] };
    expect(ruleBodySchema.safeParse(evil).success).toBe(false);
    expect(ruleBodySchema.safeParse({ ...body, actions: [tagIt] }).success).toBe(true);
  });
  it('the numbers a rule is limited to', () => {
    expect(ruleAccounts({ conditions: [] })).toBeNull();
    expect(
      ruleAccounts({
        conditions: [
          { kind: 'number', accountIds: ['a', 'b'] },
          { kind: 'number', accountIds: ['b', 'c'] },
        ],
      }),
    ).toEqual(['b']);
  });
});

describe('hostile regex', () => {
  it('rejects nested repetition, repeated alternation, back-references and piled-up repetition', () => {
    expect(regexProblem('(a+)+$')).toBe('nested_repetition');
    expect(regexProblem('(\\w+\\s?)+$')).toBe('nested_repetition');
    expect(regexProblem('(a|a)*b')).toBe('nested_repetition');
    expect(regexProblem('((ab)*c)+')).toBe('nested_repetition');
    expect(regexProblem('(a)\\1')).toBe('back_reference');
    expect(regexProblem('.*a.*b.*c')).toBe('too_many_repetitions');
    expect(regexProblem('\\d+\\d+x')).toBe('too_many_repetitions');
    expect(regexProblem('[a-z]+[0-9]{1,}')).toBe('too_many_repetitions');
    expect(regexProblem('x'.repeat(101))).toBe('too_long');
    expect(regexProblem('(')).toBe('invalid');
    expect(regexProblem('a?b?c?d?e?f?g?')).toBe('too_many_choices');
  });
  it('accepts ordinary patterns', () => {
    for (const p of [
      'harga',
      'berapa\\s+harga',
      '^(halo|hai) ',
      '[)]+',
      'ongkir.*jakarta',
      '\\d{4}-\\d{2}',
      '(?:a|b)c',
    ])
      expect(regexProblem(p)).toBeNull();
  });
  it('a catastrophic pattern never runs, and an allowed one stays fast on a long hostile text', () => {
    const hostile = 'a'.repeat(50_000) + '!';
    const started = performance.now();
    expect(safeRegexTest('(a+)+$', hostile)).toBe(false);
    expect(safeRegexTest('.*a.*b', hostile)).toBe(false);
    expect(safeRegexTest('\\s*x$', ' '.repeat(50_000))).toBe(false);
    expect(safeRegexTest('a.*!', hostile)).toBe(false); // the ! lies past the capped input
    expect(performance.now() - started).toBeLessThan(200);
    expect(safeRegexTest('a.*!', 'a'.repeat(REGEX_INPUT_MAX - 1) + '!')).toBe(true);
  });
});
