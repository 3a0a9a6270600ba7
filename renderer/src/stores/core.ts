/**
 * The inbox commands the UI needs, in one place. Commands already declared in common/api
 * are called through the typed client; the ones still being added to the core are called
 * by name with the shapes the store and the lead agreed on (see docs/inbox.md, "Contracts"),
 * so that switching them to the typed client is a one-line change each.
 */
import type { Chat, ChatId, ChatStatus, Message, MessageId, Template } from '../../../common/domain';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';

export type ChatsPage = { readonly items: readonly Chat[]; readonly nextCursor: string | null };
export type ChatsQuery = {
  readonly accountIds?: readonly string[];
  readonly statuses?: readonly ChatStatus[];
  readonly assigneeId?: string | null;
  readonly unreadOnly?: boolean;
  readonly tag?: string;
  readonly cursor?: string | null;
  readonly limit?: number;
};
export type MessagesPage = {
  /** Oldest first. */
  readonly messages: readonly Message[];
  readonly olderCursor: string | null;
  readonly newerCursor: string | null;
};
export type SearchHit = { readonly message: Message; readonly chatName: string; readonly snippet: string };
export type SearchPage = { readonly hits: readonly SearchHit[]; readonly nextCursor: string | null };
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
type LooseSubscribe = (name: string, cb: (payload: unknown) => void) => () => void;

function call<T>(name: string, args: object): Promise<Reply<T>> {
  return (api().invoke as unknown as LooseInvoke)(name, args) as Promise<Reply<T>>;
}

export function on<T>(event: string, cb: (payload: T) => void): () => void {
  return (api().subscribe as unknown as LooseSubscribe)(event, p => cb(p as T));
}

export const core = {
  listChats: (q: ChatsQuery) => call<ChatsPage>('chats:list', q),
  getChat: (chatId: ChatId) => call<Chat>('chats:get', { chatId }),
  markRead: (chatId: ChatId) => call<Chat | null>('chats:markRead', { chatId }),
  listMessages: (args: {
    chatId: ChatId;
    before?: string | null;
    after?: string | null;
    aroundMessageId?: MessageId | null;
    limit?: number;
  }) => call<MessagesPage>('messages:list', args),
  send: (args: SendArgs) => call<Message>('messages:send', args),
  retry: (messageId: MessageId) => call<Message>('messages:retry', { messageId }),
  search: (args: {
    query: string;
    accountIds?: readonly string[];
    chatId?: ChatId;
    cursor?: string | null;
    limit?: number;
  }) => call<SearchPage>('search:messages', args),
  templates: () => call<readonly Template[]>('templates:list', {}),
  /** A same-origin or data: URL for a message's media, fetched on demand. */
  mediaUrl: (messageId: MessageId) => call<{ readonly url: string }>('media:url', { messageId }),
};
