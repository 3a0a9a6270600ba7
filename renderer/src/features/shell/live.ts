/** Core events → stores: chats, messages, notifications. Returns the unsubscribe. */
import { api } from '../../api/client';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import type { OpenChat } from '../notifications/notifier';
import { notifyAlert, notifyIncoming } from '../notifications/notifier';

export function startLive(open: OpenChat): () => void {
  const client = api();
  const offs = [
    client.subscribe('chats:changed', ({ chats }) => useInbox.getState().applyChanged(chats)),
    client.subscribe('messages:received', ({ messages }) => {
      useConversation.getState().merge(messages);
      void notifyIncoming(messages, open);
    }),
    client.subscribe('messages:updated', ({ messages }) => useConversation.getState().merge(messages)),
    client.subscribe('accounts:alerted', notifyAlert),
  ];
  return () => offs.forEach(off => off());
}
