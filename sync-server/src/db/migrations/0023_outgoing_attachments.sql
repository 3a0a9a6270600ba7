-- Attachments members send on numbers hosted elsewhere (message:send, POST /api/v1/media).
-- sends.attachment: JSON { sha256, mimeType, fileName, size } of the file sent with the body
-- as caption; null for text. blob_uploads: which member uploaded which file, so a member
-- may send only a file they uploaded (a hash alone proves nothing).
ALTER TABLE `sends` ADD `attachment` varchar(1000);
--> statement-breakpoint
CREATE TABLE `blob_uploads` (
	`sha256` char(64) NOT NULL,
	`member_id` char(36) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `blob_uploads_sha256_member_id_pk` PRIMARY KEY(`sha256`,`member_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
