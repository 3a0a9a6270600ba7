/**
 * `rules:*` (capability automation.manage): admins manage every rule, leads the rules
 * limited to their numbers (access.ts). Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import { orderRules } from '../../../../common/automation/rules/evaluate';
import type { WireRule } from '../../../../common/protocol-automation-rules';
import { RULES_MAX } from '../../../../common/protocol-automation-rules';
import { CommandError } from '../../../../common/result';
import type { Exec } from '../../db/index';
import {
  countRules,
  deleteRule,
  insertRule,
  listRules,
  recentRuns,
  ruleById,
  setPosition,
  updateRule,
} from '../../db/repositories/automation-rules';
import { insertAudit } from '../../db/repositories/workspace';
import { requireAccount, requireCapability } from '../../handlers/access';
import type { Caller, Services } from '../../handlers/context';
import { commit } from '../../handlers/context';
import type { HandlerTable } from '../../handlers/dispatch';
import { manages, requireManageable } from './access';
import { dryRun } from './dry-run';

type Commands = 'rules:list' | 'rules:save' | 'rules:delete' | 'rules:reorder' | 'rules:test' | 'rules:runs';

async function visibleRules(db: Exec, caller: Caller, forUpdate = false): Promise<WireRule[]> {
  return (await listRules(db, forUpdate)).filter(r => manages(caller, r));
}

/** A rule the caller may not manage looks like no rule at all. */
async function managedRule(db: Exec, caller: Caller, id: string): Promise<WireRule> {
  const rule = await ruleById(db, id, true);
  if (!rule || !manages(caller, rule)) throw new CommandError('not_found', 'no such rule');
  return rule;
}

export function ruleHandlers(services: Services): Pick<HandlerTable, Commands> {
  const audit = (db: Exec, caller: Caller, action: string, before: unknown, after: unknown) =>
    insertAudit(db, {
      memberId: caller.memberId,
      deviceId: caller.sessionId,
      action,
      chatId: null,
      before: before === null ? null : { rule: before },
      after: after === null ? null : { rule: after },
      at: services.clock(),
    });
  return {
    'rules:list': async caller => {
      requireCapability(caller, 'automation.manage');
      return visibleRules(services.db, caller);
    },
    'rules:save': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      requireManageable(caller, args.rule);
      return commit(services, async tx => {
        const now = services.clock();
        if (args.id === undefined) {
          if ((await countRules(tx)) >= RULES_MAX) throw new CommandError('conflict', 'too many rules');
          const created = await insertRule(tx, randomUUID(), args.rule, caller.memberId, now);
          await audit(tx, caller, 'automation.rule.create', null, created);
          return created;
        }
        const before = await managedRule(tx, caller, args.id);
        const after = await updateRule(tx, before, args.rule, caller.memberId, now);
        await audit(tx, caller, 'automation.rule.update', before, after);
        return after;
      });
    },
    'rules:delete': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      return commit(services, async tx => {
        const before = await managedRule(tx, caller, args.id);
        await deleteRule(tx, args.id);
        await audit(tx, caller, 'automation.rule.delete', before, null);
        return { id: args.id };
      });
    },
    'rules:reorder': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      if (new Set(args.ids).size !== args.ids.length) throw new CommandError('invalid_args', 'each rule once');
      return commit(services, async tx => {
        const mine = await visibleRules(tx, caller, true);
        const byId = new Map(mine.map(r => [r.id, r]));
        const moving = args.ids.map(id => byId.get(id));
        if (moving.some(r => r === undefined)) throw new CommandError('not_found', 'no such rule');
        // The listed rules swap the places they hold among themselves; every other rule stays put.
        const places = orderRules(moving.map(r => r!)).map(r => r.order);
        for (const [i, id] of args.ids.entries()) await setPosition(tx, id, places[i]!);
        await audit(tx, caller, 'automation.rule.reorder', null, { ids: args.ids });
        return visibleRules(tx, caller);
      });
    },
    'rules:test': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      requireAccount(caller, args.accountId);
      if (args.draft) requireManageable(caller, args.draft);
      const rules = await visibleRules(services.db, caller);
      return dryRun(services.db, rules, args, services.clock());
    },
    'rules:runs': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      const accounts = caller.role === 'admin' ? null : [...caller.viewer.accountIds];
      return recentRuns(services.database.raw, accounts, args.limit, args.failedOnly);
    },
  };
}
