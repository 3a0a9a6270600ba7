/**
 * Automation kept by this desktop for the numbers it hosts, used while it is not signed in
 * to a workspace (#17): the same settings and rules as the workspace's `automation:*` and
 * `rules:*`, on a local data source. Signed in, these are refused with `conflict` (the
 * workspace server is then the one place that runs automation).
 */
import { z } from 'zod';
import type { WireAccountHours, WireAutomation } from '../protocol-automation';
import { AUTOMATION_COMMAND_SCHEMAS, automationUpdateSchema } from '../protocol-automation';
import type { WireRule, WireRuleRun, WireRuleTest } from '../protocol-automation-rules';
import { AUTOMATION_RULE_COMMAND_SCHEMAS as S } from '../protocol-automation-rules';
import { command } from './define';

export const localAutomationCommands = {
  'local-automation:get': command<WireAutomation>()(AUTOMATION_COMMAND_SCHEMAS['automation:get']),
  'local-automation:save': command<WireAutomation>()(automationUpdateSchema),
  'local-automation:hours': command<WireAccountHours[]>()(z.strictObject({})),
  'local-rules:list': command<WireRule[]>()(S['rules:list']),
  /** Without an id: a new rule, placed last. Assignment actions are refused here. */
  'local-rules:save': command<WireRule>()(S['rules:save']),
  'local-rules:delete': command<{ id: string }>()(S['rules:delete']),
  'local-rules:reorder': command<WireRule[]>()(S['rules:reorder']),
  /** Dry-run against this desktop's rules and templates: sends and changes nothing. */
  'local-rules:test': command<WireRuleTest>()(S['rules:test']),
  'local-rules:runs': command<WireRuleRun[]>()(S['rules:runs']),
} as const;
