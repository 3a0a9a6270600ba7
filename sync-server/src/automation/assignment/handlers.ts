/**
 * `assignment:get` / `assignment:update`: admins, and leads for numbers they are members of
 * (capability automation.manage, as for the rest of Settings → Automation).
 */
import type { WireAssignment } from '../../../../common/protocol-assignment';
import { CommandError } from '../../../../common/result';
import { getAssignment, membersOfNumber, saveAssignment } from '../../db/repositories/assignment';
import { accountById, insertAudit } from '../../db/repositories/workspace';
import { requireAccount, requireCapability } from '../../handlers/access';
import type { Services } from '../../handlers/context';
import { commit } from '../../handlers/context';
import type { HandlerTable } from '../../handlers/dispatch';
import { drainNumber } from './drain';

type Commands = 'assignment:get' | 'assignment:update';

/**
 * The audit row keeps the settings and only the capacities this save changed: the full
 * list grows with the number's members, and at 1,000 members it no longer fit the column
 * (the save failed with `internal`).
 */
export function assignmentAudit(before: WireAssignment, after: WireAssignment) {
  const was = new Map(before.capacities.map(c => [c.memberId, c.capacity]));
  const changed = new Set(after.capacities.filter(c => was.get(c.memberId) !== c.capacity).map(c => c.memberId));
  const view = (a: WireAssignment) => ({
    assignment: { ...a, capacities: a.capacities.filter(c => changed.has(c.memberId)) },
  });
  return { before: view(before), after: view(after) };
}

export function assignmentHandlers(services: Services): Pick<HandlerTable, Commands> {
  return {
    'assignment:get': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      requireAccount(caller, args.accountId);
      return getAssignment(services.db, args.accountId);
    },
    'assignment:update': async (caller, args) => {
      requireCapability(caller, 'automation.manage');
      requireAccount(caller, args.accountId);
      if (!(await accountById(services.db, args.accountId))) throw new CommandError('not_found', 'no such account');
      const ids = [...new Set(args.capacities.map(c => c.memberId))];
      // A lead sets capacities of the number's members only: not of members they cannot see.
      const members = await membersOfNumber(services.db, args.accountId, ids);
      if (ids.some(id => !members.has(id)))
        throw new CommandError('invalid_args', 'a capacity names someone who is not a member of this number');
      const saved = await commit(services, async tx => {
        const before = await getAssignment(tx, args.accountId);
        await saveAssignment(tx, args, caller.memberId, services.clock());
        const after = await getAssignment(tx, args.accountId);
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'assignment.update',
          chatId: null,
          ...assignmentAudit(before, after),
          at: services.clock(),
        });
        return after;
      });
      // Switched on, or capacities raised: chats that were waiting may be assigned now.
      await drainNumber(services, args.accountId).catch((err: unknown) =>
        services.log.error({ err }, 'assigning waiting chats after a settings change failed'),
      );
      return saved;
    },
  };
}
