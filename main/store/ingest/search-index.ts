/**
 * The search index's rows of the messages an ingest transaction inserts, written in one
 * statement at the end of the batch instead of by a trigger per row (migration 0018).
 *
 * Why: FTS5 keeps a transaction's new terms in memory, but writes them out as a new segment
 * whenever a statement savepoint opens (its xSavepoint), and inside a transaction every
 * INSERT into `messages` opens one (it has triggers). With the per-row trigger a batch of 80
 * messages wrote 80 one-message segments, and FTS5 then spent the batch merging them; one
 * INSERT … SELECT per batch writes one segment.
 *
 * The update and delete triggers stay (0001): they take a row out of the index with the
 * values it was indexed with. So a row inserted by this batch must be in the index before any
 * statement rewrites its text or deletes it: `beforeRewrite` writes the pending rows first.
 */
import type { IngestContext } from './context';

// Rowids ascending (the caller sorts): FTS5 also writes its terms out when a rowid goes down.
const INDEX_SQL = `INSERT INTO messages_fts(rowid, body, caption)
  SELECT m.seq, m.body, m.caption FROM json_each(?) j JOIN messages m ON m.seq = j.value
  WHERE m.body IS NOT NULL OR m.caption IS NOT NULL`;

/** A message row this transaction inserted with text: indexed by `indexPending`. */
export function indexLater(ctx: IngestContext, seq: number): void {
  ctx.unindexed.add(seq);
}

/** Writes the search index rows of every message inserted since the last call, in one statement. */
export function indexPending(ctx: IngestContext): void {
  if (ctx.unindexed.size === 0) return;
  const seqs = [...ctx.unindexed].sort((a, b) => a - b);
  ctx.unindexed.clear();
  ctx.db.prepare(INDEX_SQL).run(JSON.stringify(seqs));
}

/**
 * Before a statement that may change a message's text or delete it (the 0001 triggers then
 * take its old values out of the index): the row must be indexed already. `seq` narrows it to
 * one row, for upserts of a message that may or may not be this batch's own.
 */
export function beforeRewrite(ctx: IngestContext, seq?: number): void {
  if (ctx.unindexed.size > 0 && (seq === undefined || ctx.unindexed.has(seq))) indexPending(ctx);
}
