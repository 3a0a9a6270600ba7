import { useEffect, useMemo, useRef, useState } from 'react';
import { useChatName } from '../../lib/chat-name';
import type { AccountId, Chat } from '../../../../common/domain';
import { Dialog } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { localeOf, useI18n, useT } from '../../i18n';
import { listTime } from '../../lib/days';
import { parseSnippet } from '../../lib/snippet';
import { stripBidi } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import type { SearchHit } from '../../stores/core';
import { useSearch } from '../../stores/search';
import { SearchFiltersBar } from './SearchFiltersBar';
import './search-filters.css';

type Item = { readonly kind: 'chat'; readonly chat: Chat } | { readonly kind: 'hit'; readonly hit: SearchHit };

type Props = {
  readonly onClose: () => void;
  readonly onJump: (hit: SearchHit) => void;
  readonly onOpenChat: (chat: Chat) => void;
};

/** Ctrl+K: full-text search over every account, newest first; Enter opens the chat or jumps to the message. */
export function SearchDialog({ onClose, onJump, onOpenChat }: Props) {
  const t = useT();
  const chatName = useChatName();
  const locale = localeOf(useI18n(s => s.language));
  const { query, accountId, hits, chats, loading, error, nextCursor, setQuery, setAccount, more } = useSearch();
  const accounts = useAccounts(s => s.accounts);
  const byId = useAccounts(s => s.byId);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const now = Date.now();
  const items = useMemo<Item[]>(
    () => [
      ...chats.map(chat => ({ kind: 'chat' as const, chat })),
      ...hits.map(hit => ({ kind: 'hit' as const, hit })),
    ],
    [chats, hits],
  );
  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    list.current?.querySelector(`#search-item-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (item: Item | undefined) => {
    if (item?.kind === 'chat') onOpenChat(item.chat);
    else if (item) onJump(item.hit);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(a => Math.min(Math.max(a + (e.key === 'ArrowDown' ? 1 : -1), 0), Math.max(items.length - 1, 0)));
    } else if (e.key === 'Enter' && items[active]) {
      e.preventDefault();
      pick(items[active]);
    }
  };

  return (
    <Dialog title={t('search.title')} onClose={onClose} className="search-dialog" initialFocus="input[type=search]">
      <div className="search-bar">
        <input
          type="search"
          value={query}
          onChange={e => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('search.placeholder')}
          aria-label={t('search.input')}
          aria-controls="search-results"
          aria-activedescendant={items.length ? `search-item-${active}` : undefined}
          autoComplete="off"
        />
        <select
          aria-label={t('inbox.filter.account')}
          value={accountId ?? ''}
          onChange={e => setAccount(e.target.value ? (e.target.value as AccountId) : null)}
        >
          <option value="">{t('inbox.filter.allAccounts')}</option>
          {accounts.map(a => (
            <option key={a.id} value={a.id}>
              {stripBidi(a.name)}
            </option>
          ))}
        </select>
      </div>
      <SearchFiltersBar />
      <p className="small muted" role="status">
        {loading
          ? t('common.loading')
          : error
            ? error
            : query.trim()
              ? t('search.count', { n: hits.length, more: nextCursor ? '+' : '' })
              : t('search.hint')}
      </p>
      <ul ref={list} id="search-results" role="listbox" aria-label={t('search.results')} className="search-results">
        {items.map((item, i) => {
          const accountIdOf = item.kind === 'chat' ? item.chat.accountId : item.hit.message.accountId;
          const account = byId.get(accountIdOf);
          return (
            <li
              key={item.kind === 'chat' ? `c:${item.chat.id}` : item.hit.message.id}
              id={`search-item-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              style={{ borderLeftColor: account?.color }}
              onClick={() => pick(item)}
              onMouseMove={() => setActive(i)}
            >
              {item.kind === 'chat' ? (
                <div className="chat-line">
                  <SafeText className="chat-name" text={chatName(item.chat)} />
                  <span className="small muted">{t('search.chat')}</span>
                </div>
              ) : (
                <>
                  <div className="chat-line">
                    <SafeText className="chat-name" text={item.hit.chatName} />
                    <span className="small muted">{listTime(item.hit.message.timestamp, now, locale)}</span>
                  </div>
                  <div className="small">
                    {parseSnippet(item.hit.snippet).map((p, k) =>
                      p.hit ? <mark key={k}>{stripBidi(p.text)}</mark> : <span key={k}>{stripBidi(p.text)}</span>,
                    )}
                  </div>
                </>
              )}
              {/* Only the dot takes the number's colour: a WhatsApp green name on white is 1.98:1. */}
              <div className="small muted">
                <span aria-hidden="true" style={{ color: account?.color }}>
                  ●
                </span>{' '}
                <SafeText text={account?.name ?? ''} />
              </div>
            </li>
          );
        })}
      </ul>
      {nextCursor && (
        <button type="button" onClick={() => void more()} disabled={loading}>
          {t('search.more')}
        </button>
      )}
    </Dialog>
  );
}
