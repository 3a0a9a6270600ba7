import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What this desktop still owes the workspace server: each row one ingest batch of a hosted
 * account (JSON, as validated by common/ingest.ts). Rows leave only after the server acked
 * them; the server upserts by key, so a batch pushed twice is stored once.
 */
export const pushQueue = sqliteTable('push_queue', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  batch: text('batch').notNull(),
  items: integer('items').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: integer('created_at').notNull(),
});
