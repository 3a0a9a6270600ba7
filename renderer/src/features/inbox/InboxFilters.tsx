import { useEffect, useMemo } from 'react';
import type { AccountId } from '../../../../common/domain';
import { useT } from '../../i18n';
import type { Queue } from '../../lib/inbox';
import { stripBidi } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { useInbox } from '../../stores/inbox';
import { retainTags, useTags } from '../../stores/tags';
import { useWorkspace } from '../../stores/workspace';
import { InboxAiControls } from '../ai/chat';
import { ArchivedToggle, BlockConfirm } from '../chat-actions';

const QUEUES: readonly Queue[] = ['all', 'mine', 'unassigned', 'open', 'pending', 'resolved'];

/** Queue, account, unread and tag filters of the unified inbox. */
export function InboxFilters() {
  const t = useT();
  const { filter, setFilter, chats } = useInbox();
  const accounts = useAccounts(s => s.accounts);
  const managed = useTags(s => s.tags);
  // Mounted with the inbox: keeps the workspace's tags (and so the rows' chip colours) current.
  useEffect(() => retainTags(), []);
  // Queues (Mine, Unassigned, statuses) exist only in a workspace; signed out they are hidden
  // and a queue chosen before falls back to All, so nothing stays filtered out of sight.
  const teamOn = useWorkspace(s => s.status.connection !== 'signed_out' && s.status.member !== null);
  useEffect(() => {
    if (!teamOn && useInbox.getState().filter.queue !== 'all') useInbox.getState().setFilter({ queue: 'all' });
  }, [teamOn]);
  // Tags offered: the workspace's list, those seen on loaded chats, and the active one.
  const tags = useMemo(() => {
    const set = new Set<string>(managed.map(m => m.name));
    for (let i = 0; i < chats.length && set.size < 50; i++) for (const tag of chats[i]?.tags ?? []) set.add(tag);
    if (filter.tag) set.add(filter.tag);
    return [...set].sort();
  }, [managed, chats, filter.tag]);

  return (
    <div className="filters">
      {teamOn && (
        <div role="group" aria-label={t('inbox.queue')} className="queue-tabs">
          {QUEUES.map(q => (
            <button
              key={q}
              type="button"
              aria-pressed={filter.queue === q}
              className={filter.queue === q ? 'on' : undefined}
              onClick={() => setFilter({ queue: q })}
            >
              {t(`inbox.queue.${q}`)}
            </button>
          ))}
        </div>
      )}
      <div className="filter-row">
        <label className="compact">
          <span className="sr-only">{t('inbox.filter.account')}</span>
          <select
            value={filter.accountIds[0] ?? ''}
            onChange={e => setFilter({ accountIds: e.target.value ? [e.target.value as AccountId] : [] })}
            aria-label={t('inbox.filter.account')}
          >
            <option value="">{t('inbox.filter.allAccounts')}</option>
            {accounts.map(a => (
              <option key={a.id} value={a.id}>
                {stripBidi(a.name)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline compact">
          <input
            type="checkbox"
            checked={filter.unreadOnly}
            onChange={e => setFilter({ unreadOnly: e.target.checked })}
          />
          {t('inbox.filter.unread')}
        </label>
        <ArchivedToggle />
        <BlockConfirm />
        <InboxAiControls />
        {tags.length > 0 && (
          <select
            value={filter.tag ?? ''}
            onChange={e => setFilter({ tag: e.target.value || null })}
            aria-label={t('inbox.filter.tag')}
          >
            <option value="">{t('inbox.filter.anyTag')}</option>
            {tags.map(tag => (
              <option key={tag} value={tag}>
                #{stripBidi(tag)}
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  );
}
