import type { chatActionsCommands } from '../../../common/api/chat-actions';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { EventBus } from '../../platform/event-bus';
import type { Logger } from '../../platform/log';
import type { Store } from '../../store';
import type { HandlerTable } from '../router';

type ChatActionsHandlers = Pick<HandlerTable, keyof typeof chatActionsCommands>;

export type ChatActionsDeps = {
  readonly store: Store;
  readonly accounts: Pick<AccountManager, 'request'>;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
  /** Numbers another desktop of the workspace runs: there is no WhatsApp session here to tell. */
  readonly isRemote: (accountId: string) => boolean;
};

/**
 * Pin, archive, mute and unread are applied on this device first, so the list answers at
 * once and the action also holds while the number is offline; WhatsApp is told after,
 * without making the agent wait for the phone.
 */
export function chatActionsHandlers(deps: ChatActionsDeps): ChatActionsHandlers {
  const { store, accounts, events, log } = deps;
  return {
    'chats:setFlags': ({ chatId, ...flags }) => {
      const before = store.getChat(chatId);
      if (!before) throw new CommandError('not_found', 'That chat is not on this device.');
      const chat = store.setChatLocalState(chatId, flags);
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      events.emit('chats:changed', { chats: [chat] });
      if (!deps.isRemote(chat.accountId)) {
        accounts.request(chat.accountId, { op: 'setChatFlags', chatJid: chat.jid, ...flags }).catch((err: unknown) => {
          const code = err instanceof CommandError ? err.code : 'unknown';
          log.warn('chat flags kept on this device only', { code });
        });
      }
      return chat;
    },
  };
}
