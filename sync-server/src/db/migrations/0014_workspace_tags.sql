-- The workspace's managed tags (docs/server.md, "Managed tags"). Names compare byte for
-- byte like the tags stored on chats (see 0002_binary_collation.sql), so the table is binary.
CREATE TABLE `workspace_tags` (
	`name` varchar(50) NOT NULL PRIMARY KEY,
	`color` varchar(20) NOT NULL,
	`updated_at` bigint NOT NULL
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
