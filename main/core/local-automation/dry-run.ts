/**
 * `local-rules:test`: the rule editor's dry-run on this desktop. The same engine and the
 * same answer as the server's `rules:test`, with this desktop's templates; nothing is sent
 * or changed. Assignment is not carried out here, so it says `action_not_available`.
 */
import { sampleFacts } from '../../../common/protocol-automation-rules';
import type { z } from 'zod';
import { evaluateRules } from '../../../common/automation/rules/evaluate';
import { renderRuleReply } from '../../../common/automation/rules/reply';
import { detectLanguage } from '../../platform/language';
import type { Rule, RuleAction } from '../../../common/automation/rules/schema';
import type {
  AUTOMATION_RULE_COMMAND_SCHEMAS,
  RulePreview,
  WireRuleTest,
} from '../../../common/protocol-automation-rules';
import type { Store } from '../../store';

type Sample = z.output<(typeof AUTOMATION_RULE_COMMAND_SCHEMAS)['rules:test']>;

/** What the editor shows for the customer's name in a preview (the server says the same). */
const SAMPLE_CUSTOMER = 'Sample customer';

function preview(store: Store, action: RuleAction, numberName: string): RulePreview {
  const values = { 'customer.name': SAMPLE_CUSTOMER, 'number.name': numberName };
  switch (action.kind) {
    case 'reply': {
      const template = store.listTemplates().find(t => t.id === action.templateId);
      if (!template) return { action, preview: null, problem: 'template_missing' };
      return { action, preview: renderRuleReply(template.body, values), problem: null };
    }
    case 'assign':
      return { action, preview: null, problem: 'action_not_available' };
    case 'note':
    case 'notify': {
      const text = renderRuleReply(action.text, values);
      return { action, preview: text, problem: text.trim() ? null : `${action.kind}_empty` };
    }
    default:
      return { action, preview: null, problem: null };
  }
}

export function localDryRun(store: Store, s: Sample, numberName: string, now: number): WireRuleTest {
  const rules: Rule[] = s.draft ? [{ ...s.draft, id: 'draft', order: 0, enabled: true }] : store.listLocalRules();
  const facts = sampleFacts(s);
  const result = evaluateRules(rules, {
    ...facts,
    accountId: s.accountId,
    tags: s.tags,
    at: s.at ?? now,
    hours: store.getLocalAutomation(s.accountId).hours,
    sentiment: s.sentiment,
    language: facts.text ? detectLanguage(facts.text) : null,
  });
  return {
    trace: result.trace.map(t => ({ ...t, conditions: t.conditions.map(c => ({ ...c })) })),
    matched: result.matched.map(m => ({
      ruleId: m.ruleId,
      actions: m.actions.map(a => preview(store, a, numberName)),
    })),
  };
}
