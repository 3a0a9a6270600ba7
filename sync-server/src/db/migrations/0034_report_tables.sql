-- Reports at scale (issue #18): the figures' inputs kept current at write time rather than
-- rebuilt from every message of the range in each request (docs/reports.md, "How figures are stored").
-- One row per conversation, as sync-server/src/reports/conversations.ts cuts a chat's timeline.
CREATE TABLE `report_conversations` (
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
  CONSTRAINT `report_conversations_pk` PRIMARY KEY(`account_id`,`opened_at`,`chat_id`)

) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- Clustered by number and opening: a range's conversations are one contiguous read. The
-- secondary indexes carry opened_at (the key), so "opened before the range" is checked in them.
CREATE INDEX `report_conversations_chat` ON `report_conversations` (`chat_id`);
--> statement-breakpoint
CREATE INDEX `report_conversations_resolved` ON `report_conversations` (`account_id`,`resolved_at`);
--> statement-breakpoint
CREATE INDEX `report_conversations_touched` ON `report_conversations` (`account_id`,`touched_at`);
--> statement-breakpoint
-- Messages in/out per number (member_id '') and sent per member, per 15-minute UTC bucket
-- (keyed by member first: a number's own counters over a range are one contiguous read):
-- every time zone's days and hours are whole buckets (offsets are multiples of 15 minutes).
CREATE TABLE `report_message_counts` (
  `account_id` varchar(200) NOT NULL,
  `member_id` varchar(36) NOT NULL,
  `bucket` bigint NOT NULL,
  `messages_in` int NOT NULL DEFAULT 0,
  `messages_out` int NOT NULL DEFAULT 0,
  CONSTRAINT `report_message_counts_pk` PRIMARY KEY(`account_id`,`member_id`,`bucket`)

) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- Chats whose conversations must be cut again (a push, a status or assignment change; or the
-- backfill: `backfill` true). Drained chat by chat by the server's report worker.
CREATE TABLE `report_dirty_chats` (
  `chat_id` varchar(420) NOT NULL,
  `backfill` boolean NOT NULL DEFAULT false,
  CONSTRAINT `report_dirty_chats_pk` PRIMARY KEY(`chat_id`)

) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `report_dirty_chats_backfill` ON `report_dirty_chats` (`backfill`);
--> statement-breakpoint
-- Existing data: the counters in one pass, the conversations by the worker (every chat queued).
INSERT INTO `report_message_counts` (`account_id`, `member_id`, `bucket`, `messages_in`, `messages_out`)
  SELECT `account_id`, '', `ts` - MOD(`ts`, 900000), SUM(NOT `from_me`), SUM(`from_me`)
  FROM `messages` GROUP BY `account_id`, `ts` - MOD(`ts`, 900000);
--> statement-breakpoint
INSERT INTO `report_message_counts` (`account_id`, `member_id`, `bucket`, `messages_in`, `messages_out`)
  SELECT m.`account_id`, s.`sender_id`, m.`ts` - MOD(m.`ts`, 900000), 0, COUNT(*)
  FROM `messages` m JOIN `sends` s ON s.`client_message_id` = m.`client_message_id`
  WHERE m.`from_me` AND s.`origin` <> 'automation'
  GROUP BY m.`account_id`, s.`sender_id`, m.`ts` - MOD(m.`ts`, 900000);
--> statement-breakpoint
INSERT INTO `report_dirty_chats` (`chat_id`, `backfill`) SELECT `id`, true FROM `chats`;
