/**
 * Messages of the open conversations, per chat. Pages come from messages:list (oldest
 * first); live messages and updates (acks, edits, deletions, reactions) are merged by id,
 * and an optimistic message is replaced by the stored one that has its client id.
 */
import { create } from 'zustand';
import type { ChatId, Message, MessageId } from '../../../common/domain';
import { core } from './core';
import { errorText } from '../lib/error-text';

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
};

const emptyThread: Thread = {
  messages: [],
  olderCursor: null,
  newerCursor: null,
  loading: false,
  error: null,
  focusId: null,
  loaded: false,
};

type ConversationState = {
  threads: Readonly<Record<string, Thread>>;
  open(chatId: ChatId, aroundMessageId?: MessageId | null): Promise<void>;
  loadOlder(chatId: ChatId): Promise<void>;
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
    async loadOlder(chatId) {
      const t = get().threads[chatId];
      if (!t || t.loading || t.olderCursor === null) return;
      patch(chatId, { loading: true });
      const r = await core.listMessages({ chatId, before: t.olderCursor, limit: 60 });
      if (!r.ok) return patch(chatId, { loading: false, error: errorText(r.error) });
      const now = get().threads[chatId] ?? emptyThread;
      const seen = new Set(now.messages.map(m => m.id));
      patch(chatId, {
        messages: [...r.value.messages.filter(m => !seen.has(m.id)), ...now.messages],
        olderCursor: r.value.olderCursor,
        loading: false,
      });
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
        // Chats never opened load fresh when opened; a thread scrolled back in history
        // (newerCursor set) gets the message when it pages forward.
        if (!t) continue;
        const at = t.messages.findIndex(
          x => x.id === m.id || (m.clientMessageId !== null && x.clientMessageId === m.clientMessageId),
        );
        let messages: Message[];
        if (at >= 0) {
          messages = [...t.messages];
          messages[at] = m;
        } else if (t.newerCursor === null) {
          messages = [...t.messages, m];
          const prev = messages[messages.length - 2];
          if (prev && prev.timestamp > m.timestamp) messages.sort(byTime);
        } else continue;
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

/** Optimistic messages not yet in the stored page stay at the end. */
function keepLocal(stored: readonly Message[], previous: readonly Message[]): Message[] {
  const ids = new Set(stored.map(m => m.clientMessageId).filter(Boolean));
  const local = previous.filter(m => m.id.startsWith('local:') && !ids.has(m.clientMessageId));
  return [...stored, ...local];
}
