-- Reports at scale (issue #18, docs/reports.md "How figures are stored"): the two reads of a
-- report that touched far more rows than they return.
-- Messages each member sent, per number, member and UTC day (the 15-minute member rows of
-- report_message_counts stay: the range's partial days at its edges are summed from them).
CREATE TABLE `report_member_days` (
  `account_id` varchar(200) NOT NULL,
  `member_id` varchar(36) NOT NULL,
  `day` bigint NOT NULL,
  `messages_out` int NOT NULL DEFAULT 0,
  CONSTRAINT `report_member_days_pk` PRIMARY KEY(`account_id`,`member_id`,`day`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
INSERT INTO `report_member_days` (`account_id`, `member_id`, `day`, `messages_out`)
  SELECT `account_id`, `member_id`, `bucket` - MOD(`bucket`, 86400000), SUM(`messages_out`)
  FROM `report_message_counts` WHERE `member_id` <> ''
  GROUP BY `account_id`, `member_id`, `bucket` - MOD(`bucket`, 86400000);
--> statement-breakpoint
-- Whether a chat has a tag, kept by the database from the JSON list, indexed with its number:
-- the per-tag table finds the tagged chats without reading every chat of the numbers.
ALTER TABLE `chats` ADD COLUMN `tagged` boolean GENERATED ALWAYS AS (`tags` <> '[]') STORED;
--> statement-breakpoint
CREATE INDEX `chats_tagged` ON `chats` (`account_id`,`tagged`);
