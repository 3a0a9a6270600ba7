import type { chatActionsCommands } from '../../../common/api/chat-actions';
import { capabilitiesOf } from '../../../common/providers';
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
    'chats:setBlocked': async ({ chatId, blocked }) => {
      const chat = store.getChat(chatId);
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      if (chat.isGroup) throw new CommandError('invalid_args', 'A group cannot be blocked.', { reason: 'group' });
      if (deps.isRemote(chat.accountId))
        throw new CommandError('invalid_args', 'Only the desktop that runs this number can block.', {
          reason: 'remote',
        });
      const provider = store.getAccount(chat.accountId)?.provider;
      if (!capabilitiesOf(provider).blocking)
        throw new CommandError('invalid_args', 'This kind of number cannot block.', { reason: 'not_supported' });
      // Unlike pin or mute, a block must really happen on WhatsApp before the inbox says so.
      await accounts.request(chat.accountId, { op: 'setBlocked', chatJid: chat.jid, blocked });
      const next = store.setChatBlocked(chatId, blocked);
      if (!next) throw new CommandError('not_found', 'That chat is not on this device.');
      events.emit('chats:changed', { chats: [next] });
      return next;
    },
  };
}
