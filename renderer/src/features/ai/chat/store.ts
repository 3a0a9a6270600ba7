/**
 * The renderer's side of AI in the conversation: whether AI is on, streamed reply chips per
 * chat, summaries, inline translations of incoming messages and stored sentiment/urgency.
 * Every AI answer is data (AiOutcome): a failure is kept as its reason and shown in place.
 */
import { create } from 'zustand';
import type { AiFailureReason, ChatInsight } from '../../../../../common/api/ai';
import type { ChatId, MessageId } from '../../../../../common/domain';
import { api } from '../../../api/client';
import { newClientId } from '../../../lib/ids';
import { useI18n } from '../../../i18n';

export type Chips = {
  readonly requestId: string;
  readonly chips: readonly string[];
  readonly done: boolean;
  readonly failure: AiFailureReason | null;
};

export type Summary =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly text: string; readonly at: number; readonly stale: boolean }
  | { readonly state: 'failed'; readonly reason: AiFailureReason };

export type Translation =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly text: string }
  | { readonly state: 'failed'; readonly reason: AiFailureReason };

type AiChatState = {
  /** Null until the core answered: nothing AI-related is shown before. */
  enabled: boolean | null;
  chips: Readonly<Record<string, Chips | undefined>>;
  /** Chats whose chips the agent closed; reopened by Regenerate. */
  dismissed: Readonly<Record<string, true | undefined>>;
  summaries: Readonly<Record<string, Summary | undefined>>;
  translations: Readonly<Record<string, Translation | undefined>>;
  insights: Readonly<Record<string, ChatInsight | undefined>>;
  attentionOnly: boolean;
  sortByUrgency: boolean;
  refresh(): Promise<void>;
  loadInsights(chatIds?: readonly ChatId[]): Promise<void>;
  /** refresh: Regenerate, past the core's cache. */
  suggest(chatId: ChatId, refresh?: boolean): Promise<void>;
  onStreamed(e: { chatId: string; requestId: string; index: number; text: string; done: boolean }): void;
  dismiss(chatId: ChatId): void;
  summarize(chatId: ChatId, refresh: boolean): Promise<void>;
  translateMessage(messageId: MessageId, text: string): Promise<void>;
  hideTranslation(messageId: MessageId): void;
  setAttentionOnly(on: boolean): void;
  setSortByUrgency(on: boolean): void;
};

/** The agent's app language, named as the model understands it. */
export function agentLanguage(): string {
  return useI18n.getState().language === 'id' ? 'Bahasa Indonesia' : 'English';
}

export const useAiChat = create<AiChatState>((set, get) => ({
  enabled: null,
  chips: {},
  dismissed: {},
  summaries: {},
  translations: {},
  insights: {},
  attentionOnly: false,
  sortByUrgency: false,
  async refresh() {
    const r = await api().invoke('ai:settings:get', {});
    const enabled = r.ok && r.value.settings.enabled;
    const was = get().enabled;
    set({ enabled });
    // All stored insights once, when AI is (found) on; ai:insights:updated keeps them current.
    if (enabled && was !== true) await get().loadInsights();
  },
  async loadInsights(chatIds) {
    const r = await api().invoke('ai:insights:list', chatIds ? { chatIds: [...chatIds] } : {});
    if (!r.ok) return;
    const next = { ...get().insights };
    for (const i of r.value) next[i.chatId] = i;
    set({ insights: next });
  },
  async suggest(chatId, refresh = false) {
    const requestId = newClientId();
    set(s => ({
      chips: { ...s.chips, [chatId]: { requestId, chips: [], done: false, failure: null } },
      dismissed: { ...s.dismissed, [chatId]: undefined },
    }));
    const r = await api().invoke('ai:suggest', { chatId, requestId, agentLanguage: agentLanguage(), refresh });
    // A newer request for this chat replaced this one: its answer no longer matters.
    if (get().chips[chatId]?.requestId !== requestId) return;
    const value: Chips = !r.ok
      ? { requestId, chips: [], done: true, failure: 'unavailable' }
      : r.value.ok
        ? { requestId, chips: r.value.suggestions, done: true, failure: null }
        : { requestId, chips: [], done: true, failure: r.value.reason };
    set(s => ({ chips: { ...s.chips, [chatId]: value } }));
  },
  onStreamed(e) {
    const current = get().chips[e.chatId];
    if (current?.requestId !== e.requestId || current.done) return;
    const chips = [...current.chips];
    if (!e.done && e.text) chips[e.index] = e.text;
    set(s => ({ chips: { ...s.chips, [e.chatId]: { ...current, chips } } }));
  },
  dismiss(chatId) {
    set(s => ({ dismissed: { ...s.dismissed, [chatId]: true } }));
  },
  async summarize(chatId, refresh) {
    set(s => ({ summaries: { ...s.summaries, [chatId]: { state: 'loading' } } }));
    const r = await api().invoke('ai:summarize', { chatId, refresh, agentLanguage: agentLanguage() });
    const value: Summary = !r.ok
      ? { state: 'failed', reason: 'unavailable' }
      : r.value.ok
        ? { state: 'ready', text: r.value.summary.text, at: r.value.at, stale: r.value.stale }
        : { state: 'failed', reason: r.value.reason };
    set(s => ({ summaries: { ...s.summaries, [chatId]: value } }));
  },
  async translateMessage(messageId, text) {
    set(s => ({ translations: { ...s.translations, [messageId]: { state: 'loading' } } }));
    const r = await api().invoke('ai:rewrite', {
      draft: text.slice(0, 8_000),
      style: 'translate',
      targetLanguage: agentLanguage(),
    });
    const value: Translation = !r.ok
      ? { state: 'failed', reason: 'unavailable' }
      : r.value.ok
        ? { state: 'ready', text: r.value.text }
        : { state: 'failed', reason: r.value.reason };
    set(s => ({ translations: { ...s.translations, [messageId]: value } }));
  },
  hideTranslation(messageId) {
    set(s => ({ translations: { ...s.translations, [messageId]: undefined } }));
  },
  setAttentionOnly: on => set({ attentionOnly: on }),
  setSortByUrgency: on => set({ sortByUrgency: on }),
}));

/** Core events → this store. Returns the unsubscribe. */
export function subscribeAiChat(): () => void {
  const client = api();
  const offs = [
    client.subscribe('ai:suggestions:streamed', e => useAiChat.getState().onStreamed(e)),
    client.subscribe('ai:insights:updated', ({ chatIds }) => void useAiChat.getState().loadInsights(chatIds)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
