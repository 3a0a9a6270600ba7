/** Ctrl+K search across every account through the store's full-text index. */
import { create } from 'zustand';
import type { AccountId, Chat } from '../../../common/domain';
import type { SearchFilters } from '../features/search/filters';
import { NO_FILTERS, filterArgs } from '../features/search/filters';
import type { SearchHit } from './core';
import { core } from './core';
import { errorText } from '../lib/error-text';

type SearchState = {
  query: string;
  accountId: AccountId | null;
  /** Date range, sender and one chat (search within a chat). */
  filters: SearchFilters;
  hits: readonly SearchHit[];
  /** Chats whose name or number match (first page only). */
  chats: readonly Chat[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Counts requests so that a slow answer to an older query never replaces a newer one. */
  seq: number;
  setQuery(query: string): void;
  setAccount(accountId: AccountId | null): void;
  setFilters(change: Partial<SearchFilters>): void;
  run(): Promise<void>;
  more(): Promise<void>;
  reset(): void;
};

let timer: ReturnType<typeof setTimeout> | null = null;
const DEBOUNCE_MS = 60;

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  accountId: null,
  filters: NO_FILTERS,
  hits: [],
  chats: [],
  nextCursor: null,
  loading: false,
  error: null,
  seq: 0,
  setQuery(query) {
    set({ query });
    if (timer) clearTimeout(timer);
    timer = null;
    // The first keystroke searches at once; while an answer is on its way, typing is
    // coalesced (a late answer to an older query is dropped by `seq`).
    if (!get().loading) void get().run();
    else timer = setTimeout(() => void get().run(), DEBOUNCE_MS);
  },
  setAccount(accountId) {
    set({ accountId });
    void get().run();
  },
  setFilters(change) {
    set({ filters: { ...get().filters, ...change } });
    void get().run();
  },
  async run() {
    const { query, accountId, filters } = get();
    const seq = get().seq + 1;
    if (!query.trim()) return set({ seq, hits: [], chats: [], nextCursor: null, loading: false, error: null });
    set({ seq, loading: true });
    const r = await core.search({
      query,
      ...(accountId ? { accountIds: [accountId] } : {}),
      ...filterArgs(filters),
      limit: 50,
    });
    if (get().seq !== seq) return;
    if (!r.ok) return set({ loading: false, error: errorText(r.error), hits: [], chats: [] });
    set({
      hits: r.value.hits,
      chats: r.value.chats.slice(0, 5),
      nextCursor: r.value.nextCursor,
      loading: false,
      error: null,
    });
  },
  async more() {
    const { query, accountId, filters, nextCursor, loading, seq } = get();
    if (loading || !nextCursor) return;
    set({ loading: true });
    const r = await core.search({
      query,
      cursor: nextCursor,
      ...(accountId ? { accountIds: [accountId] } : {}),
      ...filterArgs(filters),
      limit: 50,
    });
    if (get().seq !== seq) return;
    if (!r.ok) return set({ loading: false, error: errorText(r.error) });
    set({ hits: [...get().hits, ...r.value.hits], nextCursor: r.value.nextCursor, loading: false });
  },
  reset() {
    set({ query: '', hits: [], chats: [], nextCursor: null, error: null, seq: get().seq + 1 });
  },
}));
