import { useVirtualizer } from '@tanstack/react-virtual';
import { EmptyList } from './EmptyList';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Chat } from '../../../../common/domain';
import { localeOf, useI18n, useT } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { useInbox } from '../../stores/inbox';
import { ChatRow } from './ChatRow';
import { attentionView, useAiChat } from '../ai/chat';
import { ChatActionsMenu, useChatActionsT } from '../chat-actions';
import { warmIntl } from '../../lib/format-cache';

export const CHAT_ROW_HEIGHT = 76;

/**
 * The unified inbox as one virtualized listbox: only the rows in view (plus a few) are in
 * the DOM, whether 20 or 100,000 chats are loaded; pages load as the end comes into view.
 */
export function ChatList({ onOpen }: { readonly onOpen: (chat: Chat) => void }) {
  const t = useT();
  const tActions = useChatActionsT();
  const locale = localeOf(useI18n(s => s.language));
  const { chats: loaded, complete, loading, selectedId, loadMore, error } = useInbox();
  // With AI on, "Needs attention" and "Most urgent first" apply to the loaded chats.
  const aiEnabled = useAiChat(s => s.enabled === true);
  const insights = useAiChat(s => s.insights);
  const attentionOnly = useAiChat(s => s.attentionOnly);
  const sortByUrgency = useAiChat(s => s.sortByUrgency);
  const chats = useMemo(
    () => (aiEnabled ? attentionView(loaded, insights, { attentionOnly, sortByUrgency }) : loaded),
    [aiEnabled, loaded, insights, attentionOnly, sortByUrgency],
  );
  const byId = useAccounts(s => s.byId);
  const parent = useRef<HTMLDivElement>(null);
  const archivedView = useInbox(s => s.filter.archived);
  const [menu, setMenu] = useState<{ chat: Chat; at?: { x: number; y: number } } | null>(null);
  const onMenu = useCallback((chat: Chat, at: { x: number; y: number }) => setMenu({ chat, at }), []);
  const closeMenu = useCallback(() => {
    setMenu(null);
    parent.current?.focus();
  }, []);
  const hasRows = loaded.length > 0;
  useEffect(() => {
    if (hasRows) warmIntl(locale);
  }, [hasRows, locale]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const count = chats.length + (complete ? 0 : 1);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => CHAT_ROW_HEIGHT,
    overscan: 6,
    getItemKey: i => chats[i]?.id ?? 'loader',
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (!complete && lastIndex >= chats.length - 20) void loadMore();
  }, [lastIndex, chats.length, complete, loadMore]);

  const selectedIndex = selectedId ? chats.findIndex(c => c.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const selected = chats[selectedIndex];
      if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
        // The keyboard's way to a row's context menu.
        e.preventDefault();
        if (selected) setMenu({ chat: selected });
        return;
      }
      const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (move) {
        e.preventDefault();
        const next = chats[Math.min(Math.max(selectedIndex + move, 0), chats.length - 1)];
        if (next) onOpen(next);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        const next = e.key === 'Home' ? chats[0] : chats[chats.length - 1];
        if (next) onOpen(next);
      }
    },
    [chats, selectedIndex, onOpen],
  );

  if (chats.length === 0 && (complete || error)) {
    if (error || loading) return <p className="empty-list muted">{error ?? t('common.loading')}</p>;
    if (archivedView) return <p className="empty-list muted">{tActions('chatActions.archivedEmpty')}</p>;
    return <EmptyList />;
  }

  return (
    <div
      ref={parent}
      className="chat-list"
      role="listbox"
      aria-label={t('inbox.list')}
      aria-activedescendant={selectedIndex >= 0 ? `chat-row-${selectedIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-total={chats.length}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map(v => {
          const chat = chats[v.index];
          return (
            <div
              key={v.key}
              className="virtual-row"
              style={{ transform: `translateY(${v.start}px)`, height: CHAT_ROW_HEIGHT }}
            >
              {chat ? (
                <ChatRow
                  chat={chat}
                  account={byId.get(chat.accountId)}
                  selected={chat.id === selectedId}
                  id={`chat-row-${v.index}`}
                  locale={locale}
                  now={now}
                  t={t}
                  onOpen={onOpen}
                  onMenu={onMenu}
                />
              ) : (
                <div className="loader-row muted small" role="presentation">
                  {t('common.loading')}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {menu && <ChatActionsMenu chat={menu.chat} at={menu.at ?? menuPlace(parent.current)} onClose={closeMenu} />}
    </div>
  );
}

/** Opened from the keyboard: at the top left of the list. */
function menuPlace(list: HTMLElement | null): { x: number; y: number } {
  const r = list?.getBoundingClientRect();
  return { x: (r?.left ?? 0) + 24, y: (r?.top ?? 0) + 24 };
}
