-- Edits and deletes-for-everyone of our own messages asked for from any device
-- (message:change): one row per client change id, so a retried or redelivered command
-- reaches WhatsApp once. It waits here, queued, until the number's host reports it.
CREATE TABLE `message_changes` (
	`client_change_id` char(36) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`chat_jid` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`kind` varchar(8) NOT NULL,
	`text` mediumtext,
	`sender_id` char(36) NOT NULL,
	`state` varchar(12) NOT NULL,
	`error` varchar(200),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `message_changes_client_change_id` PRIMARY KEY(`client_change_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `message_changes_account_state` ON `message_changes` (`account_id`,`state`);
