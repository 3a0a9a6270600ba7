/**
 * Who manages which rule: admins every rule; leads a rule limited by a number condition to
 * numbers they are on (a rule for every number would act on numbers they do not lead).
 */
import type { RuleBody } from '../../../../common/automation/rules/schema';
import { ruleAccounts } from '../../../../common/automation/rules/schema';
import { CommandError } from '../../../../common/result';
import { requireAccount } from '../../handlers/access';
import type { Caller } from '../../handlers/context';

export function manages(caller: Caller, rule: Pick<RuleBody, 'conditions'>): boolean {
  if (caller.role === 'admin') return true;
  const accounts = ruleAccounts(rule);
  return accounts !== null && accounts.length > 0 && accounts.every(a => caller.viewer.accountIds.has(a));
}

/** A lead may save only a rule limited to their numbers: other numbers look unknown, as elsewhere. */
export function requireManageable(caller: Caller, rule: Pick<RuleBody, 'conditions'>): void {
  if (caller.role === 'admin') return;
  for (const c of rule.conditions) if (c.kind === 'number') c.accountIds.forEach(a => requireAccount(caller, a));
  if (!manages(caller, rule)) throw new CommandError('forbidden', 'a lead limits a rule to numbers they are on');
}
