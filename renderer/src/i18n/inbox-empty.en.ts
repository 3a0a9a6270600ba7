/** English strings of the inbox's empty states and queue filters (features/inbox). */
export const inboxEmptyEn = {
  'inboxEmpty.noAccounts': 'No WhatsApp number yet. Add one (or try the demo): its chats appear here.',
  'inboxEmpty.noChats': 'No chats yet. Conversations appear here as soon as customers write.',
  'inboxEmpty.allRead': 'All read: no chat has unread messages.',
  'inboxEmpty.noMatch': 'No chat matches these filters.',
  'inboxEmpty.clear': 'Show all chats',
} as const;

export type InboxEmptyMessageKey = keyof typeof inboxEmptyEn;
