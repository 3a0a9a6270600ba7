import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Chat, Message } from '../../../../common/domain';
import { localeOf, useI18n, useT } from '../../i18n';
import { dayLabel, withDaySeparators } from '../../lib/days';
import { useAccounts } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { useComposer } from '../../stores/composer';
import { useConversation } from '../../stores/conversation';
import { core } from '../../stores/core';
import { MessageBubble } from './MessageBubble';
import { OlderHistory } from './OlderHistory';
import { errorText } from '../../lib/error-text';
import { formatDate } from '../../lib/format-cache';

const NEAR_BOTTOM_PX = 120;

/**
 * Whether the list stays pinned to its newest message after a scroll: near the bottom it
 * is; away from it only when the agent scrolled (a row growing above moves the view too).
 */
export function stillPinned(
  el: Pick<HTMLElement, 'scrollHeight' | 'scrollTop' | 'clientHeight'>,
  pinned: boolean,
  byUser: boolean,
): boolean {
  if (el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX) return true;
  return byUser ? false : pinned;
}

/**
 * A conversation as a virtualized log: rows are measured as they render; it opens at the
 * newest message, stays pinned to the bottom while the agent is there, loads older pages
 * when the top comes into view (keeping the reading position), and scrolls to a message
 * a search result or a quote points at.
 */
export function MessageList({ chat }: { readonly chat: Chat }) {
  const t = useT();
  const locale = localeOf(useI18n(s => s.language));
  const thread = useConversation(s => s.threads[chat.id]);
  const { loadOlder, loadNewer, clearFocus, retryOlder } = useConversation.getState();
  const account = useAccounts(s => s.byId.get(chat.accountId));
  const connection = useAppStore(s => s.connection);
  const queued = connection !== 'connected' || account?.state !== 'ready';
  const messages = useMemo(() => thread?.messages ?? [], [thread?.messages]);
  const rows = useMemo(() => withDaySeparators(messages), [messages]);
  const byProviderId = useMemo(() => {
    const map = new Map<string, Message>();
    for (const m of messages) if (m.providerMessageId) map.set(m.providerMessageId, m);
    return map;
  }, [messages]);
  // A number this desktop hosts can ask its phone for what the store does not hold.
  const fromPhone = account !== undefined && account.remote === undefined;
  const phone = thread?.phone ?? 'idle';
  const hasOlder = thread?.olderCursor != null || (fromPhone && phone === 'idle');
  const parent = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // Set by the agent's own wheel, touch, key or scrollbar drag: only they unpin the list, not
  // the scroll a row's late growth (an image's height arriving) causes.
  const userScrolled = useRef(false);
  const anchorKey = useRef<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const now = Date.now();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: i => (rows[i]?.kind === 'day' ? 36 : 64),
    overscan: 8,
    getItemKey: i => rows[i]?.key ?? i,
  });

  // Open at the newest message (or at the focused one, below).
  const opened = useRef<string | null>(null);
  // Older pages load only once the agent can have scrolled: not while the list is still
  // being positioned at its newest message.
  const settled = useRef(false);
  // The latest maybeLoadOlder, for the frame that ends the positioning.
  const loadOlderNow = useRef<() => void>(() => undefined);
  useLayoutEffect(() => {
    if (rows.length === 0 || opened.current === chat.id) return;
    opened.current = chat.id;
    atBottom.current = true;
    settled.current = false;
    if (!thread?.focusId) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    // Rows are measured after they render; finish at the true bottom, then allow paging.
    const el = parent.current;
    let frames = 0;
    const settle = () => {
      if (el && atBottom.current && !thread?.focusId) el.scrollTop = el.scrollHeight;
      if (++frames < 4) requestAnimationFrame(settle);
      else {
        settled.current = true;
        // A short chat shows its top at once: no scroll will ask for older messages.
        loadOlderNow.current();
      }
    };
    requestAnimationFrame(settle);
  }, [chat.id, rows.length, thread?.focusId, virtualizer]);

  // New rows: keep the reading position after an older page, follow the bottom otherwise.
  const lastKey = rows[rows.length - 1]?.key;
  useLayoutEffect(() => {
    if (anchorKey.current) {
      const i = rows.findIndex(r => r.key === anchorKey.current);
      anchorKey.current = null;
      if (i >= 0) virtualizer.scrollToIndex(i, { align: 'start' });
    } else if (atBottom.current && rows.length > 0) {
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
  }, [rows, lastKey, virtualizer]);

  // A row grew after it was painted (an image's height arrived): stay at the bottom if pinned.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const el = parent.current;
    if (el && atBottom.current && !thread?.focusId) el.scrollTop = el.scrollHeight;
  }, [totalSize, thread?.focusId]);

  // Jump to a message (search, quote).
  const focusId = thread?.focusId ?? null;
  useEffect(() => {
    if (!focusId) return;
    const i = rows.findIndex(r => r.key === focusId);
    if (i < 0) return;
    atBottom.current = false;
    virtualizer.scrollToIndex(i, { align: 'center' });
    setHighlight(focusId);
    clearFocus(chat.id);
    const timer = setTimeout(() => setHighlight(null), 2500);
    return () => clearTimeout(timer);
  }, [focusId, rows, virtualizer, clearFocus, chat.id]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const maybeLoadOlder = () => {
    const el = parent.current;
    if (!el || !settled.current || !hasOlder || thread?.loading || rows.length === 0) return;
    if (el.scrollTop > 300) return;
    anchorKey.current = rows[first]?.key ?? null;
    void loadOlder(chat.id, fromPhone);
  };
  loadOlderNow.current = maybeLoadOlder;
  useEffect(() => {
    if (thread?.newerCursor && last >= rows.length - 3 && !thread.loading) void loadNewer(chat.id);
  }, [last, rows.length, thread?.newerCursor, thread?.loading, loadNewer, chat.id]);

  const onScroll = () => {
    const el = parent.current;
    if (el) atBottom.current = stillPinned(el, atBottom.current, userScrolled.current);
    if (atBottom.current) userScrolled.current = false;
    maybeLoadOlder();
  };
  const markUserScroll = () => {
    userScrolled.current = true;
  };
  const onReply = useCallback((m: Message) => {
    useComposer.getState().setReplyTo(m.chatId, m);
    document.getElementById('composer-input')?.focus();
  }, []);
  const onRetry = useCallback((m: Message) => void useComposer.getState().retry(m), []);
  const onReact = useCallback(async (m: Message, emoji: string) => {
    const reply = await core.react(m.id, emoji);
    return reply.ok ? null : errorText(reply.error);
  }, []);
  const onJump = useCallback(
    (pid: string) => {
      const target = byProviderId.get(pid);
      if (target) useConversation.getState().focus(chat.id, target.id);
    },
    [byProviderId, chat.id],
  );

  return (
    <div
      ref={parent}
      className="messages"
      role="log"
      aria-label={t('conversation.messages')}
      onScroll={onScroll}
      onWheel={markUserScroll}
      onTouchMove={markUserScroll}
      onKeyDown={markUserScroll}
      onPointerDown={markUserScroll}
      tabIndex={0}
    >
      {thread?.loading && thread.olderCursor !== null && (
        <div className="loader-row small muted">{t('common.loading')}</div>
      )}
      <OlderHistory phone={phone} account={account} onRetry={() => void retryOlder(chat.id)} />
      {thread?.error && (
        <p role="alert" className="error-text">
          {thread.error}
        </p>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map(v => {
          const row = rows[v.index];
          if (!row) return null;
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              className="virtual-row"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {row.kind === 'day' ? (
                <DaySeparator ts={row.ts} now={now} locale={locale} />
              ) : (
                <MessageBubble
                  message={row.message}
                  quoted={
                    row.message.quotedProviderMessageId ? byProviderId.get(row.message.quotedProviderMessageId) : null
                  }
                  isGroup={chat.isGroup}
                  queued={queued}
                  highlighted={highlight === row.message.id}
                  locale={locale}
                  t={t}
                  onReply={onReply}
                  onRetry={onRetry}
                  onJump={onJump}
                  onReact={onReact}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function DaySeparator({ ts, now, locale }: { readonly ts: number; readonly now: number; readonly locale: string }) {
  const t = useT();
  const d = dayLabel(ts, now);
  const text =
    d.kind === 'date'
      ? formatDate(d.ts, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      : t(d.kind === 'today' ? 'day.today' : 'day.yesterday');
  return (
    <div className="day-sep" role="separator" aria-label={text}>
      <span>{text}</span>
    </div>
  );
}
