/** Settings → Webhooks: relayed to the workspace server, which decides who may (admins). */
import type { webhooksCommands } from '../../../common/api/webhooks';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type WebhookHandlers = Pick<HandlerTable, keyof typeof webhooksCommands>;

export function webhookHandlers(sync: Pick<WorkspaceSync, 'call'>): WebhookHandlers {
  return {
    'webhooks:list': () => sync.call('webhook:list', {}),
    'webhooks:create': args => sync.call('webhook:create', args),
    'webhooks:update': args => sync.call('webhook:update', args),
    'webhooks:delete': args => sync.call('webhook:delete', args),
    'webhooks:deliveries': args => sync.call('webhook:deliveries', args),
    'webhooks:redeliver': args => sync.call('webhook:redeliver', args),
  };
}
