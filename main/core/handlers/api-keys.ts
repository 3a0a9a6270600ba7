/** Settings → Integrations: API key commands relayed as they are to the workspace server, which decides. */
import type { integrationsCommands } from '../../../common/api/integrations';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

export function apiKeyHandlers(
  sync: Pick<WorkspaceSync, 'call'>,
): Pick<HandlerTable, keyof typeof integrationsCommands> {
  return {
    'apiKeys:list': () => sync.call('apiKey:list', {}),
    'apiKeys:create': args => sync.call('apiKey:create', args),
    'apiKeys:revoke': args => sync.call('apiKey:revoke', args),
  };
}
