import { stripBidi } from '../../lib/text';
import { useSearch } from '../../stores/search';
import type { SearchSender } from './filters';
import { NO_FILTERS } from './filters';
import { useSearchFiltersT } from './useSearchFiltersT';

const SENDERS: readonly SearchSender[] = ['me', 'them'];
const senderOf = (v: string): SearchSender | null => SENDERS.find(s => s === v) ?? null;

/** The search dialog's filters: a date range, who sent it, and the chat the search is limited to. */
export function SearchFiltersBar() {
  const t = useSearchFiltersT();
  const filters = useSearch(s => s.filters);
  const setFilters = useSearch(s => s.setFilters);
  const active = filters.fromDay || filters.toDay || filters.sender || filters.chat;
  return (
    <div className="search-filters" role="group" aria-label={t('searchFilters.group')}>
      <label>
        {t('searchFilters.from')}{' '}
        <input
          type="date"
          value={filters.fromDay}
          max={filters.toDay || undefined}
          onChange={e => setFilters({ fromDay: e.target.value })}
        />
      </label>
      <label>
        {t('searchFilters.to')}{' '}
        <input
          type="date"
          value={filters.toDay}
          min={filters.fromDay || undefined}
          onChange={e => setFilters({ toDay: e.target.value })}
        />
      </label>
      <label>
        {t('searchFilters.sender')}{' '}
        <select value={filters.sender ?? ''} onChange={e => setFilters({ sender: senderOf(e.target.value) })}>
          <option value="">{t('searchFilters.sender.any')}</option>
          <option value="me">{t('searchFilters.sender.me')}</option>
          <option value="them">{t('searchFilters.sender.them')}</option>
        </select>
      </label>
      {filters.chat && (
        <span className="search-scope">
          {t('searchFilters.inChat', { name: stripBidi(filters.chat.name) })}{' '}
          <button type="button" onClick={() => setFilters({ chat: null })}>
            {t('searchFilters.removeChat')}
          </button>
        </span>
      )}
      {active && (
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          {t('searchFilters.clear')}
        </button>
      )}
    </div>
  );
}
