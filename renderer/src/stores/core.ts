/** The inbox commands the UI needs, in one place, through the typed client. */
import type { CommandArgs } from '../../../common/api';
import type { ChatId, MessageId } from '../../../common/domain';
import { api } from '../api/client';
import type { StagedFile } from '../api/files';

export type { ChatsPage, MessagesPage, SearchHit, SearchPage } from '../../../common/api/inbox';
/** An attachment as `messages:send` takes it: its file by path, upload id or inline bytes. */
export type OutgoingMedia = {
  readonly mimeType: string;
  readonly fileName: string;
  readonly voice: boolean;
} & StagedFile;
/** messages:send, with the chat resolved by the composer. */
export type SendArgs = {
  /** The chat the reply goes to; for another number of ours, that number's chat with the same customer. */
  readonly chatId: ChatId;
  readonly clientMessageId: string;
  readonly text: string;
  readonly quotedMessageId: MessageId | null;
  readonly attachment: OutgoingMedia | null;
};

export const core = {
  listChats: (q: CommandArgs<'chats:list'>) => api().invoke('chats:list', q),
  getChat: (chatId: ChatId) => api().invoke('chats:get', { chatId }),
  markRead: (chatId: ChatId) => api().invoke('chats:markRead', { chatId }),
  /** Pin, archive, mute, unread: only the flags given change. */
  setChatFlags: (args: CommandArgs<'chats:setFlags'>) => api().invoke('chats:setFlags', args),
  listMessages: (args: CommandArgs<'messages:list'>) => api().invoke('messages:list', args),
  /** The phone's page of messages older than the chat's oldest stored one (numbers hosted here). */
  loadOlderFromPhone: (chatId: ChatId) => api().invoke('messages:loadOlder', { chatId }),
  search: (args: CommandArgs<'search:messages'>) => api().invoke('search:messages', args),
  templates: () => api().invoke('templates:list', {}),
  send: (args: SendArgs) => api().invoke('messages:send', args),
  retry: (clientMessageId: string) => api().invoke('messages:retry', { clientMessageId }),
  /** Reacts as the chat's account; an empty emoji takes our reaction back. */
  react: (messageId: MessageId, emoji: string) => api().invoke('messages:react', { messageId, emoji }),
  /** Edits our own text message (numbers hosted here, within WhatsApp's 15 minutes). */
  editMessage: (messageId: MessageId, text: string) => api().invoke('messages:edit', { messageId, text }),
  /** Deletes our own message for everyone (numbers hosted here, within about two days). */
  deleteMessage: (messageId: MessageId) => api().invoke('messages:delete', { messageId }),
  /** A data: URL for a message's media, fetched on demand. */
  mediaUrl: (messageId: MessageId) => api().invoke('media:url', { messageId }),
  /** Versions, account states and recent problems as text for a support ticket. */
  diagnostics: () => api().invoke('app:diagnostics', {}),
};
