/**
 * The inbox commands the UI needs, in one place. Commands already declared in common/api
 * are called through the typed client; the ones still being added to the core are called
 * by name with the shapes the store and the lead agreed on (see docs/inbox.md, "Contracts"),
 * so that switching them to the typed client is a one-line change each.
 */
import type { CommandArgs } from '../../../common/api';
import type { ChatId, Message, MessageId } from '../../../common/domain';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';

export type { ChatsPage, MessagesPage, SearchHit, SearchPage } from '../../../common/api/inbox';
export type OutgoingMedia = { readonly mimeType: string; readonly fileName: string; readonly dataBase64: string };
export type SendArgs = {
  readonly chatId: ChatId;
  /** The number the reply goes out from (the chat's own account unless the agent chose another). */
  readonly accountId: string;
  readonly clientMessageId: string;
  readonly text?: string;
  readonly quotedMessageId?: MessageId;
  readonly media?: OutgoingMedia;
};

type LooseInvoke = (name: string, args: unknown) => Promise<Reply<unknown>>;

function call<T>(name: string, args: object): Promise<Reply<T>> {
  return (api().invoke as unknown as LooseInvoke)(name, args) as Promise<Reply<T>>;
}

export const core = {
  listChats: (q: CommandArgs<'chats:list'>) => api().invoke('chats:list', q),
  getChat: (chatId: ChatId) => api().invoke('chats:get', { chatId }),
  markRead: (chatId: ChatId) => api().invoke('chats:markRead', { chatId }),
  listMessages: (args: CommandArgs<'messages:list'>) => api().invoke('messages:list', args),
  search: (args: CommandArgs<'search:messages'>) => api().invoke('search:messages', args),
  templates: () => api().invoke('templates:list', {}),
  // Not in common/api yet (the lead adds them with the outbox):
  send: (args: SendArgs) => call<Message>('messages:send', args),
  retry: (messageId: MessageId) => call<Message>('messages:retry', { messageId }),
  /** A same-origin or data: URL for a message's media, fetched on demand. */
  mediaUrl: (messageId: MessageId) => call<{ readonly url: string }>('media:url', { messageId }),
};
