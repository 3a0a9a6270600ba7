-- Automation of a WhatsApp number: business hours (JSON text, null = none), the away
-- message and the greeting. No row: nothing automated.
CREATE TABLE `automation_settings` (
	`account_id` varchar(200) NOT NULL,
	`hours` text,
	`away_enabled` boolean NOT NULL DEFAULT false,
	`away_text` text NOT NULL,
	`greeting_enabled` boolean NOT NULL DEFAULT false,
	`greeting_text` text NOT NULL,
	`greeting_idle_hours` int NOT NULL DEFAULT 24,
	`updated_at` bigint NOT NULL,
	`updated_by` char(36),
	CONSTRAINT `automation_settings_account_id` PRIMARY KEY(`account_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- One row per automated message: the key (chat, kind, window) is what makes it exactly
-- once per conversation window, inserted in the same transaction as the send.
CREATE TABLE `automation_sends` (
	`chat_id` varchar(420) NOT NULL,
	`kind` varchar(20) NOT NULL,
	`window_key` bigint NOT NULL,
	`client_message_id` char(36) NOT NULL,
	`sent_at` bigint NOT NULL,
	CONSTRAINT `automation_sends_key` PRIMARY KEY(`chat_id`,`kind`,`window_key`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `automation_sends_chat_time` ON `automation_sends` (`chat_id`,`sent_at`);
--> statement-breakpoint
-- Who a relayed send came from: a member, or the number's automation (reports exclude those).
ALTER TABLE `sends` ADD `origin` enum('member','automation') NOT NULL DEFAULT 'member';
