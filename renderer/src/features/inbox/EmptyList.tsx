import { defaultFilter } from '../../lib/inbox';
import { useAccounts } from '../../stores/accounts';
import { useInbox } from '../../stores/inbox';
import { emptyReason } from './empty-reason';
import { useInboxEmptyT } from './useInboxEmptyT';

/** The empty chat list, saying why it is empty; a filter that hides everything can be cleared. */
export function EmptyList() {
  const t = useInboxEmptyT();
  const filter = useInbox(s => s.filter);
  const setFilter = useInbox(s => s.setFilter);
  const accountCount = useAccounts(s => s.accounts.length);
  const reason = emptyReason(filter, accountCount);
  return (
    <div className="empty-list muted" role="status">
      <p>{t(`inboxEmpty.${reason}`)}</p>
      {(reason === 'noMatch' || reason === 'allRead') && (
        <button type="button" onClick={() => setFilter(defaultFilter)}>
          {t('inboxEmpty.clear')}
        </button>
      )}
    </div>
  );
}
