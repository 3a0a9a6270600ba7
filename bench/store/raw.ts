/**
 * The baseline for ingest: the same rows written with plain better-sqlite3 INSERTs (one
 * prepared statement, no validation, no upsert logic) into the same tables, where the same
 * triggers feed the same FTS index.
 */
import type { MessageInput } from '../../common/ingest';
import type { StoreDb } from '../../main/store';

const INSERT = `INSERT INTO messages (seq, account_id, chat_id, provider_message_id, from_me, author, author_name, type,
  body, caption, media, location, vcard, quoted_provider_message_id, ts, ack, edited, revoked, client_message_id)
  VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 0, 0, NULL)`;

export type RawWriter = { write(chunk: readonly MessageInput[]): void };

export function rawWriter(db: StoreDb): RawWriter {
  const stmt = db.sqlite.prepare(INSERT);
  let lastSeq = 0;
  const tx = db.sqlite.transaction((chunk: readonly MessageInput[]) => {
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
  });
  return { write: chunk => tx(chunk) };
}
