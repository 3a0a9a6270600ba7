-- New messages enter the search index in one statement per ingest batch, written by the
-- store's ingest (main/store/ingest/search-index.ts), no longer by a trigger per row. FTS5
-- writes its pending terms out as a new segment at every statement savepoint, and inside a
-- transaction every INSERT into messages opened one: a batch of 80 messages wrote 80
-- one-message segments and spent itself merging them; one INSERT … SELECT writes one.
-- The update and delete triggers of 0001 stay: the ingest indexes its rows before any
-- statement of the same transaction rewrites or deletes one of them.
DROP TRIGGER `messages_fts_ai`;
