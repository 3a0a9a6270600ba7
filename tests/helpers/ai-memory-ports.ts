/**
 * In-memory AiStorePort and SecretStore, for unit tests that need no database. The AI
 * integration tests run on the real SQLite adapter instead (ai-sqlite-store.ts). Records
 * which port calls were made, so tests can prove that disabled AI does not even read messages.
 */
import type { ChatId, MessageId, Template } from '../../common/domain';
import type {
  AiChatInfo,
  AiMessage,
  AiStorePort,
  CacheKind,
  SecretStore,
  StoredInsight,
  StoredSummary,
} from '../../main/ai/ports';

export type MemoryAiStore = AiStorePort & {
  addChat(chatId: ChatId, info: AiChatInfo): void;
  addMessages(messages: readonly AiMessage[]): void;
  setTemplates(templates: readonly Template[]): void;
  /** Names of the port methods called, in order. */
  readonly calls: string[];
  readonly cache: Map<string, { kind: CacheKind; value: string; createdAt: number }>;
  readonly scored: Set<MessageId>;
};

export function createMemoryAiStore(): MemoryAiStore {
  const chats = new Map<ChatId, AiChatInfo>();
  const messages: AiMessage[] = [];
  let templates: readonly Template[] = [];
  let settings: unknown = null;
  const cache = new Map<string, { kind: CacheKind; value: string; createdAt: number }>();
  const usage = new Map<string, number>();
  const insights = new Map<ChatId, StoredInsight>();
  const summaries = new Map<ChatId, StoredSummary>();
  const scored = new Set<MessageId>();
  const calls: string[] = [];
  const track = (name: string) => calls.push(name);

  return {
    calls,
    cache,
    scored,
    addChat: (chatId, info) => chats.set(chatId, info),
    addMessages: list => {
      messages.push(...list);
      messages.sort((a, b) => a.timestamp - b.timestamp);
    },
    setTemplates: list => {
      templates = list;
    },
    recentMessages(chatId, limit) {
      track('recentMessages');
      return messages.filter(m => m.chatId === chatId).slice(-limit);
    },
    chatInfo(chatId) {
      track('chatInfo');
      return chats.get(chatId) ?? null;
    },
    templates() {
      track('templates');
      return templates;
    },
    loadSettings: () => settings,
    saveSettings(value) {
      settings = structuredClone(value);
    },
    cacheGet(key) {
      track('cacheGet');
      return cache.get(key) ?? null;
    },
    cachePut(key, kind, value, createdAt) {
      cache.set(key, { kind, value, createdAt });
    },
    pruneCache(before, keep) {
      for (const [key, entry] of cache) if (entry.createdAt < before) cache.delete(key);
      const newest = [...cache].sort((a, b) => b[1].createdAt - a[1].createdAt);
      for (const [key] of newest.slice(keep)) cache.delete(key);
    },
    usage: day => usage.get(day) ?? 0,
    addUsage(day, n) {
      usage.set(day, (usage.get(day) ?? 0) + n);
    },
    insights: chatIds => (chatIds ? chatIds.flatMap(id => insights.get(id) ?? []) : [...insights.values()]),
    setInsight(insight) {
      insights.set(insight.chatId, insight);
    },
    summary: chatId => summaries.get(chatId) ?? null,
    setSummary(chatId, summary) {
      summaries.set(chatId, summary);
    },
    unscoredIncoming(limit) {
      track('unscoredIncoming');
      return messages
        .filter(m => !m.fromMe && !m.revoked && (m.body ?? m.caption) && !scored.has(m.id))
        .slice(0, limit);
    },
    markScored(ids) {
      for (const id of ids) scored.add(id);
    },
  };
}

export function createMemorySecretStore(initial: string | null = null): SecretStore & { peek(): string | null } {
  let key = initial;
  return {
    getApiKey: () => Promise.resolve(key),
    setApiKey: next => {
      key = next;
      return Promise.resolve();
    },
    peek: () => key,
  };
}
