/**
 * What the AI service needs from the rest of the core. The store and the shells adapt to
 * these shapes, so main/ai never imports main/store or electron.
 */
import type { HandoverSummary, Sentiment, Urgency } from '../../common/api/ai';
import type { ChatId, Message, MessageId, Template } from '../../common/domain';

export type AiChatInfo = {
  readonly name: string;
  readonly isGroup: boolean;
  /** The WhatsApp account (number) the chat belongs to, by its display name. */
  readonly accountName: string | null;
  /** Timestamp of the newest message, to tell whether a stored summary is stale. */
  readonly lastMessageAt: number | null;
};

export type AiMessage = Pick<
  Message,
  'id' | 'chatId' | 'fromMe' | 'authorName' | 'type' | 'body' | 'caption' | 'timestamp' | 'revoked'
>;

export type StoredInsight = {
  readonly chatId: ChatId;
  readonly sentiment: Sentiment | null;
  readonly urgency: Urgency | null;
  readonly updatedAt: number;
};

export type StoredSummary = { readonly summary: HandoverSummary; readonly at: number };

export type CacheKind = 'suggest' | 'summary' | 'rewrite';

/**
 * Backed by SQLite: messages, templates, settings (key → JSON), `ai_cache` and
 * `chat_insights`. Synchronous because better-sqlite3 is; every call is one small query.
 */
export type AiStorePort = {
  /** Newest `limit` messages of a chat, returned oldest first. */
  recentMessages(chatId: ChatId, limit: number): readonly AiMessage[];
  chatInfo(chatId: ChatId): AiChatInfo | null;
  templates(): readonly Template[];

  /** Settings row `ai` (JSON); null when never saved. Parsed defensively by the service. */
  loadSettings(): unknown;
  saveSettings(value: unknown): void;

  cacheGet(key: string): { readonly value: string; readonly createdAt: number } | null;
  cachePut(key: string, kind: CacheKind, value: string, createdAt: number): void;
  /** Drops answers created before `before` and all but the `keep` newest, so the cache stays bounded. */
  pruneCache(before: number, keep: number): void;

  /** Requests counted against the daily budget; `day` is 'YYYY-MM-DD' (UTC). */
  usage(day: string): number;
  addUsage(day: string, n: number): void;

  insights(chatIds?: readonly ChatId[]): readonly StoredInsight[];
  setInsight(insight: StoredInsight): void;
  summary(chatId: ChatId): StoredSummary | null;
  setSummary(chatId: ChatId, summary: StoredSummary): void;

  /**
   * Oldest incoming text messages not yet scored for sentiment (fromMe = false, with a
   * body or caption, not revoked). A column or a per-chat watermark both work.
   */
  unscoredIncoming(limit: number): readonly AiMessage[];
  markScored(ids: readonly MessageId[]): void;
};

/**
 * The API key, encrypted at rest by the shell: safeStorage in Electron, a 0600 file in
 * the headless host. Only the AI client reads it; no command returns it.
 */
export type SecretStore = {
  getApiKey(): Promise<string | null>;
  setApiKey(key: string | null): Promise<void>;
};

/** Injectable so tests can drive the clock, deadlines and the sentiment worker. */
export type AiTimers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const realTimers: AiTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
