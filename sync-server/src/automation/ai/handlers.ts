/**
 * `automationAi:get` / `automationAi:set`: the workspace's AI endpoint for sentiment
 * conditions. Admins only (settings.manage). The key is sealed under the server key and
 * never returned: replies say "set" or "not_set". Changes are audited without the key.
 */
import type { WireAutomationAi } from '../../../../common/protocol-automation-ai';
import { CommandError } from '../../../../common/result';
import { seal } from '../../cloud/secrets';
import type { AutomationAiRow } from '../../db/repositories/automation-ai';
import { clearAutomationAi, getAutomationAi, saveAutomationAi } from '../../db/repositories/automation-ai';
import { insertAudit } from '../../db/repositories/workspace';
import { requireCapability } from '../../handlers/access';
import type { Services } from '../../handlers/context';
import { commit } from '../../handlers/context';
import type { HandlerTable } from '../../handlers/dispatch';

type Commands = 'automationAi:get' | 'automationAi:set';

export function wireAutomationAi(row: AutomationAiRow | null): WireAutomationAi {
  return {
    baseUrl: row?.baseUrl ?? null,
    model: row?.model ?? null,
    key: row?.apiKey ? 'set' : 'not_set',
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export function automationAiHandlers(services: Services): Pick<HandlerTable, Commands> {
  return {
    'automationAi:get': async caller => {
      requireCapability(caller, 'settings.manage');
      return wireAutomationAi(await getAutomationAi(services.db));
    },
    'automationAi:set': async (caller, args) => {
      requireCapability(caller, 'settings.manage');
      if (args.baseUrl !== null && !args.model)
        throw new CommandError('invalid_args', 'a model is needed with an endpoint', { reason: 'model_missing' });
      const key = services.mfaKey;
      if (typeof args.apiKey === 'string' && !key)
        throw new CommandError('unavailable', 'an API key needs the server key (MFA_ENCRYPTION_KEY)', {
          reason: 'server_key_missing',
        });
      return commit(services, async tx => {
        const before = await getAutomationAi(tx);
        const now = services.clock();
        let after: AutomationAiRow | null = null;
        if (args.baseUrl === null) await clearAutomationAi(tx);
        else {
          const apiKey =
            args.apiKey === undefined
              ? (before?.apiKey ?? null)
              : args.apiKey === null || !key
                ? null
                : seal(key, args.apiKey);
          after = { baseUrl: args.baseUrl, model: args.model, apiKey, updatedAt: now, updatedBy: caller.memberId };
          await saveAutomationAi(tx, after);
        }
        // The audit row says whether a key is set, never the key.
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'automation.ai.update',
          chatId: null,
          before: { automationAi: wireAutomationAi(before) },
          after: { automationAi: wireAutomationAi(after) },
          at: now,
        });
        return wireAutomationAi(after);
      });
    },
  };
}
