/** Core events → stores: chats, messages, notifications. Returns the unsubscribe. */
import { asChatId } from '../../../../common/domain';
import { api } from '../../api/client';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import type { OpenChat } from '../notifications/notifier';
import { notifyAlert, notifyIncoming, setPausedByShell } from '../notifications/notifier';
import { notifyNotices } from '../notifications/notices';
import { core } from '../../stores/core';
import { keepOpenChatRead } from './read-while-open';

export function startLive(open: OpenChat): () => void {
  const client = api();
  const offs = [
    client.subscribe('chats:changed', ({ chats }) => useInbox.getState().applyChanged(chats)),
    client.subscribe('chats:removed', ({ chatIds }) => useInbox.getState().removeChats(chatIds)),
    client.subscribe('messages:received', ({ messages }) => {
      useConversation.getState().merge(messages);
      void notifyIncoming(messages, open);
    }),
    client.subscribe('messages:updated', ({ messages }) => useConversation.getState().merge(messages)),
    client.subscribe('accounts:alerted', notifyAlert),
    client.subscribe('notices:received', ({ notices }) => notifyNotices(notices, open)),
    client.subscribe('app:notifications-paused', ({ paused }) => setPausedByShell(paused)),
    // A blazz:// link, the tray or an OS notification asked for a chat.
    client.subscribe('app:chat-requested', ({ chatId }) => {
      void core.getChat(asChatId(chatId)).then(r => {
        if (r.ok) open(r.value);
      });
    }),
  ];
  offs.push(keepOpenChatRead());
  return () => offs.forEach(off => off());
}
