/** What each chat action changes, and running one from a menu or a shortcut. */
import { create } from 'zustand';
import type { Chat } from '../../../../common/domain';
import type { ChatActionsMessageKey } from '../../i18n/chat-actions.en';
import { core } from '../../stores/core';
import { useInbox } from '../../stores/inbox';
import { errorText } from '../../lib/error-text';

export type ChatAction = 'unread' | 'pin' | 'archive' | 'mute';

export const CHAT_ACTIONS: readonly ChatAction[] = ['unread', 'pin', 'archive', 'mute'];

/** The keys of each action, as WhatsApp Desktop has them (Ctrl or ⌘ with Shift). */
export const SHORTCUT_KEYS: Readonly<Record<ChatAction, string>> = { unread: 'U', pin: 'P', archive: 'E', mute: 'M' };

export type ChatFlagsPatch = {
  readonly pinned?: boolean;
  readonly archived?: boolean;
  readonly muted?: boolean;
  readonly unread?: boolean;
};

/** Each action toggles: pin a pinned chat unpins it, and so on. */
export function patchFor(chat: Chat, action: ChatAction): ChatFlagsPatch {
  switch (action) {
    case 'unread':
      return { unread: chat.unreadCount === 0 };
    case 'pin':
      return { pinned: !chat.pinned };
    case 'archive':
      return { archived: !chat.archived };
    case 'mute':
      return { muted: !chat.muted };
  }
}

export function labelKey(chat: Chat, action: ChatAction): ChatActionsMessageKey {
  switch (action) {
    case 'unread':
      return chat.unreadCount === 0 ? 'chatActions.markUnread' : 'chatActions.markRead';
    case 'pin':
      return chat.pinned ? 'chatActions.unpin' : 'chatActions.pin';
    case 'archive':
      return chat.archived ? 'chatActions.unarchive' : 'chatActions.archive';
    case 'mute':
      return chat.muted ? 'chatActions.unmute' : 'chatActions.mute';
  }
}

/** The last failure, shown next to the Archived toggle until the next action. */
export const useChatActionError = create<{ message: string | null }>(() => ({ message: null }));

export async function runChatAction(chat: Chat, action: ChatAction): Promise<void> {
  const patch = patchFor(chat, action);
  // An open chat counts as read while it is on screen, so marking it unread closes it first
  // (as WhatsApp does); closed after, the chat's own change would mark it read again.
  if (patch.unread === true && useInbox.getState().selectedId === chat.id) useInbox.getState().select(null);
  const r = await core.setChatFlags({ chatId: chat.id, ...patch });
  if (!r.ok) {
    useChatActionError.setState({ message: errorText(r.error) });
    return;
  }
  useChatActionError.setState({ message: null });
  useInbox.getState().applyChanged([r.value]);
}
