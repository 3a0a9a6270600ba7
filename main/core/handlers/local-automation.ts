/**
 * This desktop's own automation settings and rules (#17), for the numbers it hosts, used
 * while it is not signed in to a workspace. Signed in, every command answers `conflict`:
 * the workspace's settings are the ones that run, and editing these would mislead.
 */
import type { localAutomationCommands } from '../../../common/api/local-automation';
import { RULES_MAX } from '../../../common/protocol-automation-rules';
import { CommandError } from '../../../common/result';
import type { Store } from '../../store';
import { localDryRun } from '../local-automation/dry-run';
import type { HandlerTable } from '../router';

type LocalAutomationHandlers = Pick<HandlerTable, keyof typeof localAutomationCommands>;

export type LocalAutomationHandlerDeps = {
  readonly store: Store;
  readonly signedIn: () => boolean;
  /** Numbers this desktop runs; others (a teammate's) have no local automation. */
  readonly isHosted: (accountId: string) => boolean;
  readonly numberName: (accountId: string) => string;
  readonly now: () => number;
};

export function localAutomationHandlers(deps: LocalAutomationHandlerDeps): LocalAutomationHandlers {
  const { store } = deps;
  const local = <T>(fn: () => T): T => {
    if (deps.signedIn()) throw new CommandError('conflict', 'Signed in, the workspace runs automation.');
    return fn();
  };
  const hosted = (accountId: string) => {
    if (!deps.isHosted(accountId)) throw new CommandError('not_found', 'That number is not on this desktop.');
  };
  return {
    'local-automation:get': ({ accountId }) =>
      local(() => {
        hosted(accountId);
        return store.getLocalAutomation(accountId);
      }),
    'local-automation:save': update =>
      local(() => {
        hosted(update.accountId);
        return store.saveLocalAutomation(update, deps.now());
      }),
    'local-automation:hours': () => local(() => store.listLocalHours().filter(h => deps.isHosted(h.accountId))),
    'local-rules:list': () => local(() => store.listLocalRules()),
    'local-rules:save': ({ id, rule }) =>
      local(() => {
        if (rule.actions.some(a => a.kind === 'assign'))
          throw new CommandError('invalid_args', 'Assignment needs a workspace.', { reason: 'action_not_available' });
        if (id === undefined && store.countLocalRules() >= RULES_MAX)
          throw new CommandError('conflict', 'Too many rules.', { reason: 'rules_max' });
        const saved = store.saveLocalRule(id, rule, deps.now());
        if (!saved) throw new CommandError('not_found', 'That rule is gone.');
        return saved;
      }),
    'local-rules:delete': ({ id }) =>
      local(() => {
        if (!store.deleteLocalRule(id)) throw new CommandError('not_found', 'That rule is gone.');
        return { id };
      }),
    'local-rules:reorder': ({ ids }) => local(() => store.reorderLocalRules(ids, deps.now())),
    'local-rules:test': sample =>
      local(() => localDryRun(store, sample, deps.numberName(sample.accountId), deps.now())),
    'local-rules:runs': ({ limit, failedOnly }) => local(() => store.listLocalRuleRuns(limit, failedOnly)),
  };
}
