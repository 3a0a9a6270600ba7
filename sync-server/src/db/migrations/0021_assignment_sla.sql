-- Auto-assignment of a number (#17): the mode, the round-robin cursor (the member given the
-- last chat), reassignment after N minutes without an answer (null: never) and the
-- first-response SLA target in minutes (null: none). No row: mode off, no SLA.
CREATE TABLE `assignment_settings` (
	`account_id` varchar(200) NOT NULL,
	`mode` enum('off','round_robin','least_busy') NOT NULL DEFAULT 'off',
	`rr_cursor` char(36),
	`reassign_after_minutes` int,
	`sla_minutes` int,
	`updated_at` bigint NOT NULL,
	`updated_by` char(36),
	CONSTRAINT `assignment_settings_account_id` PRIMARY KEY(`account_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- A member's capacity: the most open (not resolved) chats auto-assignment gives them, over
-- every number. No row: the default (20, common/automation/assignment/decide.ts).
CREATE TABLE `member_capacity` (
	`member_id` char(36) NOT NULL,
	`max_open` int NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `member_capacity_member_id` PRIMARY KEY(`member_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- Conversations that opened while nobody could take them: assigned oldest first as soon as
-- someone can (a member comes online, a chat is resolved).
CREATE TABLE `assignment_waiting` (
	`chat_id` varchar(420) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`since` bigint NOT NULL,
	CONSTRAINT `assignment_waiting_chat_id` PRIMARY KEY(`chat_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `assignment_waiting_account_since` ON `assignment_waiting` (`account_id`,`since`);
--> statement-breakpoint
-- When the first reply to a customer waiting for one is due (#17 SLA): set when a customer
-- writes to a chat of a number with a first-response target and no reply is pending yet,
-- cleared by the number's first reply (automated messages do not count). Null: nothing due.
ALTER TABLE `chats` ADD `sla_due_at` bigint;
