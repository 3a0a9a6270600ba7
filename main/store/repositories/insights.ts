/** What the AI feature keeps: per-chat sentiment/urgency/summary, and a cache of model answers. */
import { and, eq, lt } from 'drizzle-orm';
import type { ChatId } from '../../../common/domain';
import type { StoreDb } from '../db';
import { aiCache, chatInsights } from '../schema';

export type ChatInsight = {
  readonly chatId: ChatId;
  readonly sentiment: string | null;
  /** 0 (no rush) … 3 (needs an answer now), as the model rated it. */
  readonly urgency: number | null;
  readonly summary: string | null;
  readonly summaryAt: number | null;
  readonly updatedAt: number;
};

export function getChatInsight(db: StoreDb, chatId: ChatId): ChatInsight | null {
  const r = db.orm.select().from(chatInsights).where(eq(chatInsights.chatId, chatId)).get();
  return r ? { ...r, chatId: r.chatId as ChatId } : null;
}

/** Merges the given fields into the chat's insight; fields left out keep their value. */
export function saveChatInsight(
  db: StoreDb,
  chatId: ChatId,
  patch: Partial<Omit<ChatInsight, 'chatId' | 'updatedAt'>>,
  now = Date.now(),
): ChatInsight {
  const set = { ...patch, updatedAt: now };
  db.orm
    .insert(chatInsights)
    .values({ chatId, ...set })
    .onConflictDoUpdate({ target: chatInsights.chatId, set })
    .run();
  const saved = getChatInsight(db, chatId);
  if (!saved) throw new Error(`chat insight for ${chatId} was not stored`);
  return saved;
}

export type AiCacheEntry = {
  readonly key: string;
  readonly kind: string;
  readonly value: string;
  readonly createdAt: number;
};

/** A cached answer no older than maxAgeMs, else null. */
export function getAiCache(db: StoreDb, key: string, maxAgeMs: number, now = Date.now()): AiCacheEntry | null {
  const r = db.orm.select().from(aiCache).where(eq(aiCache.key, key)).get();
  return r && now - r.createdAt <= maxAgeMs ? r : null;
}

export function putAiCache(db: StoreDb, entry: AiCacheEntry): void {
  db.orm
    .insert(aiCache)
    .values(entry)
    .onConflictDoUpdate({
      target: aiCache.key,
      set: { kind: entry.kind, value: entry.value, createdAt: entry.createdAt },
    })
    .run();
}

/** Drops answers older than `before`; returns how many. */
export function pruneAiCache(db: StoreDb, kind: string, before: number): number {
  return db.orm
    .delete(aiCache)
    .where(and(eq(aiCache.kind, kind), lt(aiCache.createdAt, before)))
    .run().changes;
}
