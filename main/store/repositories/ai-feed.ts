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
