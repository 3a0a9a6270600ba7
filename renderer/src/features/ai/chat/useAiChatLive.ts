import { useEffect } from 'react';
import { subscribeAiChat, useAiChat } from './store';

/** Once per app: whether AI is on, stored insights, and the ai:* events kept current. */
export function useAiChatLive(): void {
  useEffect(() => {
    void useAiChat.getState().refresh();
    const off = subscribeAiChat();
    // Settings can change in another window or device; check again when the agent comes back.
    const onFocus = () => void useAiChat.getState().refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      off();
      window.removeEventListener('focus', onFocus);
    };
  }, []);
}
