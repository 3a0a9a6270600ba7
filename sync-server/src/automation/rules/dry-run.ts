/**
 * `rules:test`: the editor's "test this rule". Evaluates a sample with the same engine the
 * push path runs and says what each action would do, with no side effect.
 */
import { sampleFacts } from '../../../../common/protocol-automation-rules';
import type { Rule, RuleAction } from '../../../../common/automation/rules/schema';
import { evaluateRules } from '../../../../common/automation/rules/evaluate';
import { renderRuleReply } from '../../../../common/automation/rules/reply';
import { detectLanguage } from '../language';
import type { z } from 'zod';
import type { RulePreview, WireRuleTest } from '../../../../common/protocol-automation-rules';
import type { AUTOMATION_RULE_COMMAND_SCHEMAS } from '../../../../common/protocol-automation-rules';
import type { Exec } from '../../db/index';
import { getAutomation } from '../../db/repositories/automation';
import { memberById } from '../../db/repositories/members';
import { accountById, templateById } from '../../db/repositories/workspace';

type Sample = z.output<(typeof AUTOMATION_RULE_COMMAND_SCHEMAS)['rules:test']>;

const DRAFT_ID = 'draft';

async function preview(db: Exec, action: RuleAction, numberName: string): Promise<RulePreview> {
  switch (action.kind) {
    case 'reply': {
      const template = await templateById(db, action.templateId);
      if (!template) return { action, preview: null, problem: 'template_missing' };
      const text = renderRuleReply(template.body, { 'customer.name': 'Sample customer', 'number.name': numberName });
      return { action, preview: text, problem: null };
    }
    case 'assign': {
      // To the pool: auto-assignment decides when it runs.
      if (action.memberId === undefined) return { action, preview: null, problem: null };
      const member = await memberById(db, action.memberId);
      if (!member) return { action, preview: null, problem: 'member_missing' };
      return { action, preview: member.name, problem: member.active ? null : 'member_inactive' };
    }
    case 'note':
    case 'notify': {
      const text = renderRuleReply(action.text, { 'customer.name': 'Sample customer', 'number.name': numberName });
      return { action, preview: text, problem: text.trim() ? null : `${action.kind}_empty` };
    }
    default:
      return { action, preview: null, problem: null };
  }
}

export async function dryRun(db: Exec, rules: readonly Rule[], s: Sample, now: number): Promise<WireRuleTest> {
  const all: Rule[] = s.draft ? [{ ...s.draft, id: DRAFT_ID, order: 0, enabled: true }] : [...rules];
  const automation = await getAutomation(db, s.accountId);
  const number = await accountById(db, s.accountId);
  const facts = sampleFacts(s);
  const result = evaluateRules(all, {
    ...facts,
    accountId: s.accountId,
    tags: s.tags,
    at: s.at ?? now,
    hours: automation.hours,
    sentiment: s.sentiment,
    language: facts.text ? detectLanguage(facts.text) : null,
  });
  const matched: WireRuleTest['matched'] = [];
  for (const m of result.matched) {
    const actions: RulePreview[] = [];
    for (const a of m.actions) actions.push(await preview(db, a, number?.name ?? ''));
    matched.push({ ruleId: m.ruleId, actions });
  }
  const trace = result.trace.map(t => ({ ...t, conditions: t.conditions.map(c => ({ ...c })) }));
  return { trace, matched };
}
