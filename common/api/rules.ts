/**
 * Automation rules for the desktop: each command is relayed to the workspace server's
 * `rules:*` command of the same name, which decides who may read and change which rule.
 */
import type { WireRule, WireRuleRun, WireRuleTest } from '../protocol-automation-rules';
import { AUTOMATION_RULE_COMMAND_SCHEMAS as S } from '../protocol-automation-rules';
import { command } from './define';

export const ruleCommands = {
  'rules:list': command<WireRule[]>()(S['rules:list']),
  /** Without an id: a new rule, placed last. */
  'rules:save': command<WireRule>()(S['rules:save']),
  'rules:delete': command<{ id: string }>()(S['rules:delete']),
  'rules:reorder': command<WireRule[]>()(S['rules:reorder']),
  /** Dry-run: no side effect on the server. */
  'rules:test': command<WireRuleTest>()(S['rules:test']),
  'rules:runs': command<WireRuleRun[]>()(S['rules:runs']),
} as const;
