import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app';
import type { Chat } from '../../../../common/domain';
import { ChatList } from './ChatList';
import { InboxFilters } from './InboxFilters';
import { Icon } from '../../components/Icon';

/** The middle column: search entry, filters and the unified chat list. */
export function InboxPane({ onOpen }: { readonly onOpen: (chat: Chat) => void }) {
  const t = useT();
  const openPanel = useAppStore(s => s.openPanel);
  return (
    <section className="inbox" aria-label={t('inbox.heading')}>
      <div className="inbox-head">
        <button
          type="button"
          className="search-button"
          onClick={() => openPanel('search')}
          aria-keyshortcuts="Control+K"
        >
          <Icon name="search" /> {t('search.open')} <kbd>Ctrl K</kbd>
        </button>
      </div>
      <InboxFilters />
      <ChatList onOpen={onOpen} />
    </section>
  );
}
