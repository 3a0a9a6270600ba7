/**
 * The live team signals: this device's presence (away when idle or hidden), the composer's
 * typing reports, and "X is replying…" for the open chat.
 */
import { useEffect, useState } from 'react';
import type { ChatId } from '../../../../common/domain';
import { useComposer } from '../../stores/composer';
import { useWorkspace } from '../../stores/workspace';
import { TYPING_IDLE_MS, desiredPresence, nextExpiry, replyingIn, typingChange } from './live-logic';
import { useTeamT } from './useTeamT';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

/** Reports 'away' after IDLE_AFTER_MS without input or while the window is hidden, 'online' on return. */
export function usePresenceReporter(): void {
  const signedIn = useWorkspace(s => s.status.connection !== 'signed_out');
  useEffect(() => {
    if (!signedIn) return;
    let lastInputAt = Date.now();
    let reported: 'online' | 'away' = 'online';
    const check = () => {
      const next = desiredPresence({ hidden: document.visibilityState === 'hidden', lastInputAt, now: Date.now() });
      if (next === reported) return;
      reported = next;
      void useWorkspace.getState().setPresence(next);
    };
    const onInput = () => {
      lastInputAt = Date.now();
      // Coming back must show at once; going away can wait for the next check.
      if (reported === 'away') check();
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true });
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput);
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [signedIn]);
}

/**
 * Watches the composer's draft of a chat: typing while it changes, stopped when it is
 * cleared or sent, after TYPING_IDLE_MS without a change, when the box loses focus and
 * when the agent leaves the chat. The core throttles what actually goes to the server.
 */
export function useTypingReporter(chatId: ChatId): void {
  useEffect(() => {
    const report = useWorkspace.getState().reportTyping;
    let active = false;
    let idle: ReturnType<typeof setTimeout> | null = null;
    const stop = () => {
      if (idle) clearTimeout(idle);
      idle = null;
      if (active) report(chatId, false);
      active = false;
    };
    let before = useComposer.getState().drafts[chatId]?.text ?? '';
    const off = useComposer.subscribe(s => {
      const after = s.drafts[chatId]?.text ?? '';
      const change = typingChange(before, after);
      before = after;
      if (change === null) return;
      if (!change) return stop();
      active = true;
      report(chatId, true);
      if (idle) clearTimeout(idle);
      idle = setTimeout(stop, TYPING_IDLE_MS);
    });
    const onFocusOut = (e: FocusEvent) => {
      if ((e.target as HTMLElement | null)?.id === 'composer-input') stop();
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      off();
      document.removeEventListener('focusout', onFocusOut);
      stop();
    };
  }, [chatId]);
}

/** "Ana is replying…" for a chat, until the report says stopped or expires. */
export function TypingIndicator({ chatId }: { readonly chatId: string }) {
  const t = useTeamT();
  const typing = useWorkspace(s => s.typing);
  const [now, setNow] = useState(() => Date.now());
  const names = replyingIn(typing, chatId, now);

  // Re-render when the earliest report expires, so a lost "stopped" does not linger.
  useEffect(() => {
    const at = nextExpiry(typing, chatId, Date.now());
    if (at === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, at - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [typing, chatId, now]);

  if (names.length === 0) return null;
  const text =
    names.length === 1
      ? t('team.replying.one', { name: names[0]! })
      : names.length === 2
        ? t('team.replying.two', { a: names[0]!, b: names[1]! })
        : t('team.replying.many', { n: names.length });
  return (
    <p className="team-replying" role="status" data-testid="team-replying">
      {text}
    </p>
  );
}
