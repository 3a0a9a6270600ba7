import { randomUUID } from 'node:crypto';
import type { inboxCommands } from '../../../common/api/inbox';
import type { Chat } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { Store } from '../../store';
import type { FirstScreenStore } from '../../store/first-step';
import type { HandlerTable } from '../router';

type InboxHandlers = Pick<HandlerTable, keyof typeof inboxCommands>;
type FirstScreenName = 'chats:list' | 'chats:get' | 'chats:unreadCounts' | 'messages:list';
export type FirstScreenHandlers = Pick<HandlerTable, FirstScreenName>;

/**
 * The inbox's first screen, reads only: the core process's first step answers these from
 * the store before the rest of the core loads (first-screen.ts, #23); the whole core's
 * table below has them too.
 */
export function firstScreenHandlers(store: FirstScreenStore): FirstScreenHandlers {
  return {
    'chats:list': args => store.inboxPage(args),
    'chats:get': ({ chatId }) => {
      const chat = store.getChat(chatId);
      if (!chat) throw new CommandError('not_found', `No chat ${chatId}`);
      return chat;
    },
    'chats:unreadCounts': () => store.unreadCounts(),
    'messages:list': args => store.chatPage(args),
  };
}

/**
 * The renderer's read side of the inbox, answered from the local store (works offline).
 * `onRead` hears of each chat the agent read (read receipts for numbers hosted elsewhere).
 */
export function inboxHandlers(store: Store, onRead: (chat: Chat | null) => void = () => {}): InboxHandlers {
  return {
    ...firstScreenHandlers(store),
    'chats:markRead': ({ chatId }) => {
      const wasUnread = (store.getChat(chatId)?.unreadCount ?? 0) > 0;
      const chat = store.markChatRead(chatId);
      // A chat already read has no new message to send a receipt for.
      if (wasUnread) onRead(chat);
      return chat;
    },
    'search:messages': args => {
      const result = store.searchMessages(args);
      const firstPage = args.cursor === undefined || args.cursor === null;
      const chats =
        firstPage && args.chatId === undefined
          ? store.searchChats({ query: args.query, accountIds: args.accountIds })
          : [];
      return { ...result, chats };
    },
    'notes:list': ({ chatId }) => store.listNotes(chatId),
    'templates:list': () => store.listTemplates(),
    'templates:save': ({ id, ...fields }) => {
      const clash = store.templateByShortcut(fields.shortcut);
      if (clash && clash.id !== id) {
        throw new CommandError('conflict', `The shortcut /${fields.shortcut} is already used by "${clash.title}"`);
      }
      return store.saveTemplate({ id: id ?? randomUUID(), ...fields });
    },
    'templates:delete': ({ id }) => ({ deleted: store.deleteTemplate(id) }),
  };
}
