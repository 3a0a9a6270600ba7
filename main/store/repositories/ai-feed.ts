/** What the AI sentiment worker reads: incoming text in arrival order, and stored insights. */
import type { ChatId, Message } from '../../../common/domain';
import type { StoreDb } from '../db';
import type { MessageRow } from '../rows';
import { MESSAGE_COLUMNS, messageOf } from '../rows';
import type { ChatInsight } from './insights';

/**
 * Incoming messages with text after a sequence watermark, oldest first. `seq` is the rowid,
 * so this is a range scan however large the table is.
 */
export function incomingTextAfter(db: StoreDb, afterSeq: number, limit: number): { seq: number; message: Message }[] {
  const rows = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.seq > ? AND m.from_me = 0 AND m.revoked = 0 AND (m.body IS NOT NULL OR m.caption IS NOT NULL)
       ORDER BY m.seq LIMIT ?`,
    )
    .all(afterSeq, Math.min(Math.max(limit, 1), 500)) as MessageRow[];
  return rows.map(r => ({ seq: r.seq, message: messageOf(r) }));
}

type InsightRow = {
  chat_id: string;
  sentiment: string | null;
  urgency: number | null;
  summary: string | null;
  summary_at: number | null;
  updated_at: number;
};

const insightOf = (r: InsightRow): ChatInsight => ({
  chatId: r.chat_id as ChatId,
  sentiment: r.sentiment,
  urgency: r.urgency,
  summary: r.summary,
  summaryAt: r.summary_at,
  updatedAt: r.updated_at,
});

/** Insights of the given chats, or of every chat that has one. */
export function listChatInsights(db: StoreDb, chatIds?: readonly ChatId[]): ChatInsight[] {
  if (chatIds === undefined) {
    return (db.prepare('SELECT * FROM chat_insights ORDER BY updated_at DESC LIMIT 5000').all() as InsightRow[]).map(
      insightOf,
    );
  }
  if (chatIds.length === 0) return [];
  return (
    db
      .prepare('SELECT ci.* FROM json_each(?) j JOIN chat_insights ci ON ci.chat_id = j.value')
      .all(JSON.stringify(chatIds)) as InsightRow[]
  ).map(insightOf);
}

/**
 * Seqs of incoming messages in (afterSeq, upToSeq] still waiting for their content: an
 * encrypted placeholder the provider fills in later. The sentiment watermark moves past
 * them, so they are remembered and scored once filled (`incomingBySeq`).
 */
export function incomingPlaceholdersBetween(db: StoreDb, afterSeq: number, upToSeq: number, limit: number): number[] {
  return db
    .prepare(
      `SELECT m.seq FROM messages m
       WHERE m.seq > ? AND m.seq <= ? AND m.from_me = 0 AND m.revoked = 0 AND m.type = 'ciphertext'
         AND m.body IS NULL AND m.caption IS NULL
       ORDER BY m.seq LIMIT ?`,
    )
    .pluck()
    .all(afterSeq, upToSeq, Math.min(Math.max(limit, 1), 5_000)) as number[];
}

export type RememberedMessage = {
  readonly seq: number;
  /** Still a placeholder: keep waiting. */
  readonly waiting: boolean;
  /** Filled with text now: score it. */
  readonly message: Message | null;
};

/** The rows behind remembered placeholder seqs; seqs whose row is gone are simply absent. */
export function incomingBySeq(db: StoreDb, seqs: readonly number[]): RememberedMessage[] {
  if (seqs.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${MESSAGE_COLUMNS} FROM json_each(?) j JOIN messages m ON m.seq = j.value ORDER BY m.seq`)
    .all(JSON.stringify(seqs)) as MessageRow[];
  return rows.map(r => {
    const message = messageOf(r);
    const hasText = !message.revoked && (message.body !== null || message.caption !== null);
    const waiting = !message.revoked && !hasText && message.type === 'ciphertext';
    return { seq: r.seq, waiting, message: hasText && !message.fromMe ? message : null };
  });
}

/**
 * Keeps the AI cache bounded: drops answers created before `before` and all but the
 * `keep` newest. Returns how many rows went.
 */
export function boundAiCache(db: StoreDb, before: number, keep: number): number {
  const old = db.prepare('DELETE FROM ai_cache WHERE created_at < ?').run(before).changes;
  const extra = db
    .prepare(
      `DELETE FROM ai_cache WHERE key NOT IN (
         SELECT key FROM ai_cache ORDER BY created_at DESC, key LIMIT ?)`,
    )
    .run(Math.max(keep, 0)).changes;
  return old + extra;
}
