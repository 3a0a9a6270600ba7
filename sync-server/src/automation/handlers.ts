/**
 * `automation:get` / `automation:update` (admins, and leads for numbers they are members of:
 * capability automation.manage) and `automation:hours` (every member: the hours of the
 * numbers they see, for "open now" in the accounts rail).
 */
import { getAutomation, hoursOf, saveAutomation } from '../db/repositories/automation';
import { CommandError } from '../../../common/result';
import { accountById, allAccountIds, insertAudit } from '../db/repositories/workspace';
import { requireAccount, requireCapability } from '../handlers/access';
import type { Services } from '../handlers/context';
import { commit } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';

type Commands = 'automation:get' | 'automation:update' | 'automation:hours';

export function automationHandlers(services: Services): Pick<HandlerTable, Commands> {
  return {
    'automation:get': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      requireAccount(caller, args.accountId);
      return getAutomation(services.db, args.accountId);
    },
    'automation:update': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      requireAccount(caller, args.accountId);
      // An admin passes requireAccount for any id: settings of a number that does not exist are refused.
      if (!(await accountById(services.db, args.accountId))) throw new CommandError('not_found', 'no such account');
      return commit(services, async tx => {
        // Locked so two saves at once leave an audit trail in the order they landed.
        const before = await getAutomation(tx, args.accountId, true);
        const after = await saveAutomation(tx, args, caller.memberId, services.clock());
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'automation.update',
          chatId: null,
          before: { automation: before },
          after: { automation: after },
          at: after.updatedAt ?? services.clock(),
        });
        return after;
      });
    },
    'automation:hours': async caller => {
      const visible = caller.role === 'admin' ? await allAccountIds(services.db) : [...caller.viewer.accountIds];
      return hoursOf(services.database.raw, visible);
    },
  };
}
