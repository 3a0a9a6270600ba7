import type { customerCommands } from '../../../common/api/customer';
import type { Chat } from '../../../common/domain';
import type { EventBus } from '../../platform/event-bus';
import type { Store } from '../../store';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type CustomerHandlers = Pick<HandlerTable, keyof typeof customerCommands>;

export type CustomerDeps = {
  readonly store: Pick<Store, 'customerProfile' | 'updateCustomer' | 'getChat'>;
  readonly sync: Pick<WorkspaceSync, 'call' | 'status'>;
  readonly events: Pick<EventBus, 'emit'>;
  readonly now: () => number;
};

/**
 * The customer panel, answered from the local store (works offline). An edit in a
 * workspace goes to the server first, so the team's name is one name: the server's answer
 * is what this device then keeps (its contacts:upserted fact brings the same later).
 */
export function customerHandlers(deps: CustomerDeps): CustomerHandlers {
  const { store, sync, events } = deps;
  return {
    'customer:get': ({ chatId }) => store.customerProfile(chatId),
    'customer:update': async ({ chatId, name, labels, note }) => {
      const changes = {
        ...(name !== undefined ? { name } : {}),
        ...(labels !== undefined ? { labels } : {}),
        ...(note !== undefined ? { note } : {}),
      };
      const patch: { customName?: string | null; labels?: readonly string[]; note?: string | null } = {
        ...(name !== undefined ? { customName: name } : {}),
        ...(labels !== undefined ? { labels } : {}),
        ...(note !== undefined ? { note } : {}),
      };
      if (sync.status().connection !== 'signed_out') {
        const saved = await sync.call('contact:update', { chatId, ...changes });
        // The server's answer is the team's word on every field it carries.
        if (saved.customName !== undefined) patch.customName = saved.customName;
        if (saved.labels !== undefined) patch.labels = saved.labels;
        if (saved.note !== undefined) patch.note = saved.note;
      }
      const { chatIds } = store.updateCustomer(chatId, patch, deps.now());
      const chats = chatIds.map(id => store.getChat(id)).filter((c): c is Chat => c !== null);
      if (chats.length > 0) events.emit('chats:changed', { chats });
      return store.customerProfile(chatId);
    },
  };
}
