import type { customerCommands } from '../../../common/api/customer';
import type { Store } from '../../store';
import type { HandlerTable } from '../router';

type CustomerHandlers = Pick<HandlerTable, keyof typeof customerCommands>;

/** The customer panel, answered from the local store (works offline). */
export function customerHandlers(store: Pick<Store, 'customerProfile'>): CustomerHandlers {
  return {
    'customer:get': ({ chatId }) => store.customerProfile(chatId),
  };
}
