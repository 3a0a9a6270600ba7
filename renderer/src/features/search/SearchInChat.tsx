import type { Chat } from '../../../../common/domain';
import { openSearch } from './open-search';
import { useSearchFiltersT } from './useSearchFiltersT';

/** The conversation header's "Search in this chat" (also Ctrl+F). */
export function SearchInChat({ chat }: { readonly chat: Chat }) {
  const t = useSearchFiltersT();
  return (
    <button type="button" aria-keyshortcuts="Control+F" onClick={() => openSearch(chat)}>
      {t('searchFilters.inThisChat')}
    </button>
  );
}
