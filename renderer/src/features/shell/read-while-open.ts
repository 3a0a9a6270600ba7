/**
 * The chat an agent is reading stays read: a message arriving in the open chat, while the
 * window is visible and focused, is marked read at once (row badge, number badge, window
 * title, Unread filter). A chat that gained messages while the window was in the background
 * is marked read when the agent comes back to it.
 */
import type { Chat } from '../../../../common/domain';
import { core } from '../../stores/core';
import { useInbox } from '../../stores/inbox';

const reading = () => document.visibilityState === 'visible' && document.hasFocus();

export function keepOpenChatRead(): () => void {
  let inFlight = false;
  const check = () => {
    const open: Chat | null = useInbox.getState().selected;
    if (!open || open.unreadCount === 0 || inFlight || !reading()) return;
    inFlight = true;
    void core
      .markRead(open.id)
      .then(r => {
        if (r.ok && r.value) useInbox.getState().applyChanged([r.value]);
      })
      .finally(() => {
        inFlight = false;
      });
  };
  // The inbox store takes every chats:changed; its selected chat carries the new unread count.
  const unsubscribe = useInbox.subscribe((s, prev) => {
    if (s.selected !== prev.selected) check();
  });
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  return () => {
    unsubscribe();
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', check);
  };
}
