/** English strings of chat actions (features/chat-actions). Every key must also exist in chat-actions.id.ts. */
export const chatActionsEn = {
  'chatActions.menu': 'Actions for {name}',
  'chatActions.open': 'Chat actions',
  'chatActions.markUnread': 'Mark as unread',
  'chatActions.markRead': 'Mark as read',
  'chatActions.pin': 'Pin to top',
  'chatActions.unpin': 'Unpin',
  'chatActions.archive': 'Archive',
  'chatActions.unarchive': 'Unarchive',
  'chatActions.mute': 'Mute notifications',
  'chatActions.unmute': 'Unmute notifications',
  'chatActions.pinned': 'Pinned',
  'chatActions.muted': 'Muted',
  'chatActions.archivedView': 'Archived',
  'chatActions.archivedEmpty': 'No archived chats.',
  'chatActions.assignedTo': 'Assigned to {name}',
  'chatActions.assignedToSomeone': 'Assigned to a teammate',
  'chatActions.block': 'Block contact…',
  'chatActions.unblock': 'Unblock contact',
  'chatActions.blocked': 'Blocked',
  'chatActions.block.title': 'Block {name}?',
  'chatActions.block.confirm': 'Block',
  'chatActions.block.body':
    '{name} will no longer be able to call or message this number on WhatsApp. The chat and its messages stay here. You can unblock from the same menu.',
  'chatActions.failed': 'Could not change the chat: {message}',
} as const;

export type ChatActionsMessageKey = keyof typeof chatActionsEn;
