/**
 * The baseline for ingest: the same rows written with plain better-sqlite3 INSERTs (one
 * prepared statement, no validation, no upsert logic) into the same tables and the same FTS
 * index, fed by a trigger per row (the headline's baseline) or by one statement per chunk.
 */
import type { MessageInput } from '../../common/ingest';
import type { StoreDb } from '../../main/store';

const INSERT = `INSERT INTO messages (seq, account_id, chat_id, provider_message_id, from_me, author, author_name, type,
  body, caption, media, location, vcard, quoted_provider_message_id, ts, ack, edited, revoked, client_message_id)
  VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 0, 0, NULL)`;

export type RawWriter = { write(chunk: readonly MessageInput[]): void };

/** A chunk's search index rows in one statement (the store's ingest does the same per batch). */
const INDEX_CHUNK = `INSERT INTO messages_fts(rowid, body, caption)
  SELECT seq, body, caption FROM messages WHERE seq BETWEEN ? AND ? AND (body IS NOT NULL OR caption IS NOT NULL)`;

export function rawWriter(db: StoreDb, indexPerChunk = false): RawWriter {
  const stmt = db.sqlite.prepare(INSERT);
  const index = db.sqlite.prepare(INDEX_CHUNK);
  let lastSeq = 0;
  const tx = db.sqlite.transaction((chunk: readonly MessageInput[]) => {
    const first = lastSeq + 1;
    for (const m of chunk) {
      const seq = Math.max(m.timestamp * 1024, lastSeq + 1);
      lastSeq = seq;
      stmt.run(
        seq,
        m.accountId,
        `${m.accountId}:${m.chatJid}`,
        m.providerMessageId,
        m.fromMe ? 1 : 0,
        m.author,
        m.type,
        m.body,
        m.caption,
        m.media ? JSON.stringify(m.media) : null,
        m.timestamp,
        m.fromMe ? 4 : 2,
      );
    }
    // The history is in time order, so the chunk's rows are exactly the seqs it just took.
    if (indexPerChunk) index.run(first, lastSeq);
  });
  return { write: chunk => tx(chunk) };
}
