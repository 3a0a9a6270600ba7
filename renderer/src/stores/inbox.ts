/** The unified inbox: one sorted, paged list of chats from every account, with filters. */
import { create } from 'zustand';
import type { Chat, ChatId, MemberId } from '../../../common/domain';
import type { InboxFilter } from '../lib/inbox';
import { applyChanges, defaultFilter, toQuery } from '../lib/inbox';
import { core } from './core';
import { errorText } from '../lib/error-text';

// A screenful first (it paints sooner), then larger pages while scrolling.
const FIRST_PAGE = 60;
const PAGE = 200;

type InboxState = {
  filter: InboxFilter;
  chats: readonly Chat[];
  cursor: string | null;
  complete: boolean;
  loading: boolean;
  error: string | null;
  selectedId: ChatId | null;
  /** The open chat, also when the filter hides it (opened from search or a notification). */
  selected: Chat | null;
  me: MemberId | null;
  /** Bumped on every reload so a late page of an older filter is ignored. */
  generation: number;
  setFilter(patch: Partial<InboxFilter>): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  applyChanged(chats: readonly Chat[]): void;
  /** Chats this device may no longer see (unassigned, access lost): gone from the list and, if open, closed. */
  removeChats(ids: readonly string[]): void;
  select(chat: Chat | null): void;
  /** The chat above or below the open one (Alt+↑/↓). */
  neighbour(delta: 1 | -1): Chat | undefined;
  chat(id: ChatId | null): Chat | undefined;
};

export const useInbox = create<InboxState>((set, get) => ({
  filter: defaultFilter,
  chats: [],
  cursor: null,
  complete: false,
  loading: false,
  error: null,
  selectedId: null,
  selected: null,
  me: null,
  generation: 0,
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
    void get().reload();
  },
  async reload() {
    const generation = get().generation + 1;
    set({ generation, loading: true, cursor: null, complete: false });
    const r = await core.listChats({ ...toQuery(get().filter, get().me), limit: FIRST_PAGE });
    if (get().generation !== generation) return;
    if (!r.ok) return set({ loading: false, error: errorText(r.error) });
    set({
      chats: r.value.items,
      cursor: r.value.nextCursor,
      complete: r.value.nextCursor === null,
      loading: false,
      error: null,
    });
    remember(r.value.items);
  },
  async loadMore() {
    const { loading, complete, cursor, generation } = get();
    if (loading || complete || cursor === null) return;
    set({ loading: true });
    const r = await core.listChats({ ...toQuery(get().filter, get().me), cursor, limit: PAGE });
    if (get().generation !== generation) return;
    if (!r.ok) return set({ loading: false, error: errorText(r.error) });
    const seen = new Set(get().chats.map(c => c.id));
    set({
      chats: [...get().chats, ...r.value.items.filter(c => !seen.has(c.id))],
      cursor: r.value.nextCursor,
      complete: r.value.nextCursor === null,
      loading: false,
    });
    remember(r.value.items);
  },
  applyChanged(changed) {
    const { chats, filter, me, complete } = get();
    remember(changed);
    const selected = get().selected;
    const mine = selected ? changed.find(c => c.id === selected.id) : undefined;
    set({ chats: applyChanges(chats, changed, filter, me, complete), ...(mine ? { selected: mine } : {}) });
  },
  removeChats(ids) {
    const gone = new Set(ids);
    for (const id of gone) known.delete(id as ChatId);
    const selectedGone = get().selectedId !== null && gone.has(get().selectedId as string);
    set({
      chats: get().chats.filter(c => !gone.has(c.id)),
      ...(selectedGone ? { selectedId: null, selected: null } : {}),
    });
  },
  select(chat) {
    if (chat) remember([chat]);
    set({ selectedId: chat?.id ?? null, selected: chat });
  },
  neighbour(delta) {
    const { chats, selectedId } = get();
    const at = chats.findIndex(c => c.id === selectedId);
    const next = at < 0 ? 0 : Math.min(Math.max(at + delta, 0), chats.length - 1);
    return chats[next];
  },
  chat(id) {
    return id ? known.get(id) : undefined;
  },
}));

// Every chat seen (loaded or changed), by id: lookups for notifications and the
// conversation header. Not reactive on purpose: copying 100,000 entries per event is waste.
const known = new Map<ChatId, Chat>();

function remember(chats: readonly Chat[]): void {
  for (const c of chats) known.set(c.id, c);
}
