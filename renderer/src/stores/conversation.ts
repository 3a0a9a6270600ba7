/**
 * Messages of the open conversations, per chat. Pages come from messages:list (oldest
 * first); live messages and updates (acks, edits, deletions, reactions) are merged by id,
 * and an optimistic message is replaced by the stored one that has its client id.
 */
import { create } from 'zustand';
import type { ChatId, Message, MessageId } from '../../../common/domain';
import { core } from './core';
import { errorText } from '../lib/error-text';
import { mergeMessage } from '../lib/thread-merge';

/**
 * Older history from the phone, once the store has no older message: `idle` (ask when the
 * top is reached), `loading`, `start` (the phone has none: the beginning of the chat),
 * `limit` (paging stopped at the depth limit), or why the last ask failed (`offline`: the
 * number is not connected; `failed`: anything else). A failed ask is retried by the agent.
 */
export type PhoneHistory = 'idle' | 'loading' | 'start' | 'limit' | 'offline' | 'failed';

export type Thread = {
  readonly messages: readonly Message[];
  readonly olderCursor: string | null;
  readonly newerCursor: string | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** A message to scroll to and highlight (jump from search). */
  readonly focusId: MessageId | null;
  /** A page came from the store (a thread holding only messages composed here is not loaded). */
  readonly loaded: boolean;
  readonly phone: PhoneHistory;
};

const emptyThread: Thread = {
  messages: [],
  olderCursor: null,
  newerCursor: null,
  loading: false,
  error: null,
  focusId: null,
  loaded: false,
  phone: 'idle',
};

type ConversationState = {
  threads: Readonly<Record<string, Thread>>;
  open(chatId: ChatId, aroundMessageId?: MessageId | null): Promise<void>;
  /**
   * Older messages: the store's next page, then, for a number this desktop hosts
   * (`fromPhone`), the phone's (messages:loadOlder).
   */
  loadOlder(chatId: ChatId, fromPhone?: boolean): Promise<void>;
  /** Asks the phone again after a failure. */
  retryOlder(chatId: ChatId): Promise<void>;
  loadNewer(chatId: ChatId): Promise<void>;
  /** Live messages and updates: inserted in time order or replaced in place. */
  merge(messages: readonly Message[]): void;
  /** A message composed here, shown at once with ack 'pending'. */
  addLocal(message: Message): void;
  markFailed(chatId: ChatId, clientMessageId: string): void;
  clearFocus(chatId: ChatId): void;
  focus(chatId: ChatId, messageId: MessageId): void;
  thread(chatId: ChatId | null): Thread;
};

const byTime = (a: Message, b: Message) => a.timestamp - b.timestamp;

export const useConversation = create<ConversationState>((set, get) => {
  const patch = (chatId: ChatId, p: Partial<Thread>) =>
    set({ threads: { ...get().threads, [chatId]: { ...(get().threads[chatId] ?? emptyThread), ...p } } });

  const loadFromPhone = async (chatId: ChatId) => {
    patch(chatId, { loading: true, phone: 'loading' });
    const r = await core.loadOlderFromPhone(chatId);
    if (!r.ok) return patch(chatId, { loading: false, phone: r.error.code === 'unavailable' ? 'offline' : 'failed' });
    const { page, hasMore, reachedLimit } = r.value;
    patch(chatId, {
      messages: withOlder(get().threads[chatId]?.messages ?? [], page.messages),
      olderCursor: page.olderCursor,
      loading: false,
      phone: hasMore ? 'idle' : reachedLimit ? 'limit' : 'start',
    });
  };

  return {
    threads: {},
    async open(chatId, aroundMessageId = null) {
      const existing = get().threads[chatId];
      // A loaded thread that already holds the target (or no target) is kept: events kept it current.
      if (existing?.loaded && existing.newerCursor === null && !aroundMessageId) return;
      if (existing && aroundMessageId && existing.messages.some(m => m.id === aroundMessageId)) {
        patch(chatId, { focusId: aroundMessageId });
        return;
      }
      patch(chatId, { loading: true, error: null });
      const r = await core.listMessages({ chatId, aroundMessageId, limit: 60 });
      if (!r.ok) return patch(chatId, { loading: false, error: errorText(r.error) });
      patch(chatId, {
        messages: keepLocal(r.value.messages, get().threads[chatId]?.messages ?? []),
        olderCursor: r.value.olderCursor,
        newerCursor: r.value.newerCursor,
        loading: false,
        focusId: aroundMessageId,
        loaded: true,
      });
    },
    async loadOlder(chatId, fromPhone = false) {
      const t = get().threads[chatId];
      if (!t || t.loading || !t.loaded) return;
      if (t.olderCursor === null) {
        if (fromPhone && t.phone === 'idle') await loadFromPhone(chatId);
        return;
      }
      patch(chatId, { loading: true });
      const r = await core.listMessages({ chatId, before: t.olderCursor, limit: 60 });
      if (!r.ok) return patch(chatId, { loading: false, error: errorText(r.error) });
      patch(chatId, {
        messages: withOlder(get().threads[chatId]?.messages ?? [], r.value.messages),
        olderCursor: r.value.olderCursor,
        loading: false,
      });
    },
    async retryOlder(chatId) {
      const t = get().threads[chatId];
      if (!t || (t.phone !== 'offline' && t.phone !== 'failed')) return;
      patch(chatId, { phone: 'idle' });
      await get().loadOlder(chatId, true);
    },
    async loadNewer(chatId) {
      const t = get().threads[chatId];
      if (!t || t.loading || t.newerCursor === null) return;
      patch(chatId, { loading: true });
      const r = await core.listMessages({ chatId, after: t.newerCursor, limit: 60 });
      if (!r.ok) return patch(chatId, { loading: false, error: errorText(r.error) });
      const now = get().threads[chatId] ?? emptyThread;
      const seen = new Set(now.messages.map(m => m.id));
      patch(chatId, {
        messages: [...now.messages, ...r.value.messages.filter(m => !seen.has(m.id))],
        newerCursor: r.value.newerCursor,
        loading: false,
      });
    },
    merge(incoming) {
      const threads = { ...get().threads };
      let changed = false;
      for (const m of incoming) {
        const t = threads[m.chatId];
        // Chats never opened load fresh when opened.
        if (!t) continue;
        // A thread scrolled back in history (newerCursor set) gets a new message when it pages forward.
        const messages = mergeMessage(t.messages, m, t.newerCursor === null);
        if (!messages) continue;
        threads[m.chatId] = { ...t, messages };
        changed = true;
      }
      if (changed) set({ threads });
    },
    addLocal(message) {
      const t = get().threads[message.chatId] ?? emptyThread;
      patch(message.chatId, { messages: [...t.messages, message] });
    },
    markFailed(chatId, clientMessageId) {
      const t = get().threads[chatId];
      if (!t) return;
      patch(chatId, {
        messages: t.messages.map(m =>
          m.clientMessageId === clientMessageId && m.ack === 'pending' ? { ...m, ack: 'failed' } : m,
        ),
      });
    },
    clearFocus(chatId) {
      patch(chatId, { focusId: null });
    },
    focus(chatId, messageId) {
      patch(chatId, { focusId: messageId });
    },
    thread(chatId) {
      return (chatId && get().threads[chatId]) || emptyThread;
    },
  };
});

/** An older page in front of what the thread holds (live events may have brought some already). */
function withOlder(current: readonly Message[], older: readonly Message[]): Message[] {
  const seen = new Set(current.map(m => m.id));
  const merged = [...older.filter(m => !seen.has(m.id)), ...current];
  return merged.some((m, i) => i > 0 && (merged[i - 1]?.timestamp ?? 0) > m.timestamp) ? merged.sort(byTime) : merged;
}

/** Optimistic messages not yet in the stored page stay at the end. */
function keepLocal(stored: readonly Message[], previous: readonly Message[]): Message[] {
  const ids = new Set(stored.map(m => m.clientMessageId).filter(Boolean));
  const local = previous.filter(m => m.id.startsWith('local:') && !ids.has(m.clientMessageId));
  return [...stored, ...local];
}
