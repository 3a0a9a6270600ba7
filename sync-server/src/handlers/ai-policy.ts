/**
 * `aiPolicy:get` (every member: their desktop follows it) and `aiPolicy:update` (admins):
 * whether the workspace's desktops may use AI, with which endpoint, redaction forced or not.
 */
import { getAiPolicy, saveAiPolicy } from '../db/repositories/ai-policy';
import { insertAudit } from '../db/repositories/workspace';
import { requireCapability } from './access';
import type { Services } from './context';
import { commit } from './context';
import type { HandlerTable } from './dispatch';

export function aiPolicyHandlers(services: Services): Pick<HandlerTable, 'aiPolicy:get' | 'aiPolicy:update'> {
  return {
    'aiPolicy:get': async () => getAiPolicy(services.db),
    'aiPolicy:update': async (caller, args) => {
      requireCapability(caller, 'settings.manage');
      return commit(services, async (tx, emit) => {
        // Locked so two admins saving at once leave an audit trail in the order they landed.
        const before = await getAiPolicy(tx, true);
        const after = await saveAiPolicy(tx, args, caller.memberId, Date.now());
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'settings.update',
          chatId: null,
          before: { aiPolicy: before },
          after: { aiPolicy: after },
          at: after.updatedAt ?? Date.now(),
        });
        emit({ body: { type: 'aiPolicy:updated', policy: after }, audience: 'workspace' });
        return after;
      });
    },
  };
}
