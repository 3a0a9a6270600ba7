import { useEffect } from 'react';
import { useInbox } from '../../stores/inbox';
import type { ChatAction } from './actions';
import { SHORTCUT_KEYS, runChatAction } from './actions';

const BY_KEY = new Map<string, ChatAction>(
  (Object.entries(SHORTCUT_KEYS) as [ChatAction, string][]).map(([a, k]) => [k.toLowerCase(), a]),
);

/** Ctrl/⌘+Shift+U, P, E, M act on the open chat: unread, pin, archive, mute. */
export function useChatShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey) return;
      const action = BY_KEY.get(e.key.toLowerCase());
      const chat = useInbox.getState().selected;
      if (!action || !chat) return;
      e.preventDefault();
      void runChatAction(chat, action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
