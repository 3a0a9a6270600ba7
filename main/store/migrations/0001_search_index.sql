-- Full-text search over message text and captions, and over chat and contact names.
-- unicode61 with diacritics removed, so "cafe" finds "café"; prefix indexes of 2, 3 and 4
-- characters keep type-ahead (`ma*`, `paket*`) from merging the doclists of every term
-- with that prefix (a 4-letter prefix without its own index took 40 ms over 1M messages).
-- messages_fts is external-content over messages, sharing its rowid (`seq`, which is
-- time-ordered), so newest-first paging is `ORDER BY rowid DESC`.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
  body, caption,
  content='messages', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
);
--> statement-breakpoint
-- Rows without any text are never indexed; the triggers keep that rule symmetric, since
-- an external-content 'delete' of a row that was never inserted corrupts the index.
CREATE TRIGGER `messages_fts_ai` AFTER INSERT ON `messages`
WHEN new.body IS NOT NULL OR new.caption IS NOT NULL
BEGIN
  INSERT INTO messages_fts(rowid, body, caption) VALUES (new.seq, new.body, new.caption);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_ad` AFTER DELETE ON `messages`
WHEN old.body IS NOT NULL OR old.caption IS NOT NULL
BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body, caption) VALUES ('delete', old.seq, old.body, old.caption);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_au` AFTER UPDATE OF body, caption ON `messages`
WHEN old.body IS NOT new.body OR old.caption IS NOT new.caption
BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, body, caption)
    SELECT 'delete', old.seq, old.body, old.caption WHERE old.body IS NOT NULL OR old.caption IS NOT NULL;
  INSERT INTO messages_fts(rowid, body, caption)
    SELECT new.seq, new.body, new.caption WHERE new.body IS NOT NULL OR new.caption IS NOT NULL;
END;
--> statement-breakpoint
-- Messages stored before this migration become searchable too.
INSERT INTO messages_fts(rowid, body, caption)
  SELECT seq, body, caption FROM messages WHERE body IS NOT NULL OR caption IS NOT NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `chats_fts` USING fts5(
  search_name,
  content='chats', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `chats_fts_ai` AFTER INSERT ON `chats`
BEGIN
  INSERT INTO chats_fts(rowid, search_name) VALUES (new.seq, new.search_name);
END;
--> statement-breakpoint
CREATE TRIGGER `chats_fts_ad` AFTER DELETE ON `chats`
BEGIN
  INSERT INTO chats_fts(chats_fts, rowid, search_name) VALUES ('delete', old.seq, old.search_name);
END;
--> statement-breakpoint
CREATE TRIGGER `chats_fts_au` AFTER UPDATE OF search_name ON `chats`
WHEN old.search_name IS NOT new.search_name
BEGIN
  INSERT INTO chats_fts(chats_fts, rowid, search_name) VALUES ('delete', old.seq, old.search_name);
  INSERT INTO chats_fts(rowid, search_name) VALUES (new.seq, new.search_name);
END;
--> statement-breakpoint
INSERT INTO chats_fts(chats_fts) VALUES ('rebuild');
