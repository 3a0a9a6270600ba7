-- Reports aggregated in SQL (issue #18, docs/reports.md "How figures are stored"): the indexes
-- those queries read, and the scratch rows of the conversations cut again as at a range's end.
-- The conversations resolved in a range, with every column the resolution figures read
-- (opened_at and chat_id come with the primary key): no row lookup for 100k conversations.
CREATE INDEX `report_conversations_resolved_cover` ON `report_conversations` (`account_id`,`resolved_at`,`resolved_by`,`assignee_id`,`assignee_since`,`touched_at`);
--> statement-breakpoint
DROP INDEX `report_conversations_resolved` ON `report_conversations`;
--> statement-breakpoint
-- The reopened conversations of a range (a few among the range's rows) without scanning the others.
CREATE INDEX `report_conversations_reopened` ON `report_conversations` (`account_id`,`reopen_count`,`touched_at`);
--> statement-breakpoint
-- The conversation list (CSV) paged in opening order across several numbers: keyset on (opened_at, chat_id).
CREATE INDEX `report_conversations_page` ON `report_conversations` (`opened_at`,`chat_id`);
--> statement-breakpoint
-- The conversations of a range that changed after its end, cut again as they were at that end,
-- kept under one random token while that range's report and pages are served (then deleted):
-- every SQL aggregate reads them in place of the stored rows of the same chats.
CREATE TABLE `report_recut` (
  `token` char(36) NOT NULL,
  `created_at` bigint NOT NULL,
  `account_id` varchar(200) NOT NULL,
  `chat_id` varchar(420) NOT NULL,
  `opened_at` bigint NOT NULL,
  `first_response_at` bigint,
  `first_responder_id` char(36),
  `resolved_at` bigint,
  `resolved_by` char(36),
  `assignee_id` char(36),
  `assignee_since` bigint NOT NULL,
  `holders` varchar(2000) NOT NULL DEFAULT '',
  `reopen_count` int NOT NULL DEFAULT 0,
  `reopened_at` text,
  `last_message_at` bigint NOT NULL,
  `touched_at` bigint NOT NULL,
  `messages_in` int NOT NULL DEFAULT 0,
  `messages_out` int NOT NULL DEFAULT 0,
  CONSTRAINT `report_recut_pk` PRIMARY KEY(`token`,`account_id`,`opened_at`,`chat_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `report_recut_created` ON `report_recut` (`created_at`);
