/** Core events → stores: chats, messages, notifications. Returns the unsubscribe. */
import type { Chat, Message } from '../../../../common/domain';
import { on } from '../../stores/core';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import { notifyIncoming } from '../notifications/notifier';
import type { OpenChat } from '../notifications/notifier';

type ChatsPayload = { readonly chats?: readonly Chat[] } | readonly Chat[];
type MessagesPayload = { readonly messages?: readonly Message[] } | readonly Message[];

const chatsOf = (p: ChatsPayload): readonly Chat[] =>
  Array.isArray(p) ? p : ((p as { chats?: readonly Chat[] }).chats ?? []);
const messagesOf = (p: MessagesPayload): readonly Message[] =>
  Array.isArray(p) ? p : ((p as { messages?: readonly Message[] }).messages ?? []);

export function startLive(open: OpenChat): () => void {
  const offs = [
    on<ChatsPayload>('chats:changed', p => useInbox.getState().applyChanged(chatsOf(p))),
    on<MessagesPayload>('messages:received', p => {
      const messages = messagesOf(p);
      useConversation.getState().merge(messages);
      notifyIncoming(messages, open);
    }),
    on<MessagesPayload>('messages:updated', p => useConversation.getState().merge(messagesOf(p))),
  ];
  return () => offs.forEach(off => off());
}
