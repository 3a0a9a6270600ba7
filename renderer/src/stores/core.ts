/**
 * The inbox commands the UI needs, in one place. Commands already declared in common/api
 * are called through the typed client; the ones still being added to the core are called
 * by name with the shapes the store and the lead agreed on (see docs/inbox.md, "Contracts"),
 * so that switching them to the typed client is a one-line change each.
 */
import type { CommandArgs } from '../../../common/api';
import type { ChatId, MessageId } from '../../../common/domain';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';

export type { ChatsPage, MessagesPage, SearchHit, SearchPage } from '../../../common/api/inbox';
export type OutgoingMedia = { readonly mimeType: string; readonly fileName: string; readonly dataBase64: string };
/** messages:send, with the chat resolved by the composer. */
export type SendArgs = {
  /** The chat the reply goes to; for another number of ours, that number's chat with the same customer. */
  readonly chatId: ChatId;
  readonly clientMessageId: string;
  readonly text: string;
  readonly quotedMessageId: MessageId | null;
  readonly attachment: OutgoingMedia | null;
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
  send: (args: SendArgs) => api().invoke('messages:send', args),
  retry: (clientMessageId: string) => api().invoke('messages:retry', { clientMessageId }),
  // Not in common/api yet (asked of the lead):
  /** A same-origin or data: URL for a message's media, fetched on demand. */
  mediaUrl: (messageId: MessageId) => call<{ readonly url: string }>('media:url', { messageId }),
};
