-- One row per chat whose report_conversations rows the report worker replaced: each server
-- process's in-memory conversation index reads the rows past the last seq it saw and reloads
-- those chats (docs/reports.md, "How figures are stored"). Rows older than an hour are deleted.
CREATE TABLE `report_versions` (
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`at` bigint NOT NULL,
	CONSTRAINT `report_versions_seq` PRIMARY KEY(`seq`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `report_versions_at` ON `report_versions` (`at`);
