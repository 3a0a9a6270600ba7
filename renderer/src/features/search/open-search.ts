import type { Chat } from '../../../../common/domain';
import { chatName } from '../../lib/chat-name';
import { t } from '../../i18n';
import { useAppStore } from '../../stores/app';
import { useSearch } from '../../stores/search';

/**
 * Opens the search dialog over every chat (Ctrl+K) or within one (Ctrl+F, the header's
 * "Search in this chat"); the other filters stay as the agent left them.
 */
export function openSearch(chat: Chat | null): void {
  const search = useSearch.getState();
  search.setFilters({ chat: chat ? { id: chat.id, name: chatName(chat, t) } : null });
  useAppStore.getState().openPanel('search');
}
