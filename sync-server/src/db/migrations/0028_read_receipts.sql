-- Read receipts from any device (chat:read, docs/protocol.md "Read receipts"). A number's
-- "Send read receipts" setting, on unless an admin turns it off.
ALTER TABLE `accounts` ADD COLUMN `read_receipts` boolean NOT NULL DEFAULT true;
--> statement-breakpoint
-- Unread is team state: the time of the last inbound message anyone read, so every device
-- shows the chat read (older servers' devices ignore it).
ALTER TABLE `chats` ADD COLUMN `read_at` bigint;
--> statement-breakpoint
-- One row per inbound message marked read, so each is marked once however often chat:read
-- comes. A Cloud number's row is queued until the server's worker reaches Graph
-- (`next_attempt_at` is both the back-off and the lease); a desktop number's is relayed.
CREATE TABLE `read_receipts` (
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`state` varchar(12) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` bigint NOT NULL,
	`error` varchar(200),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `read_receipts_account_message` PRIMARY KEY(`account_id`,`provider_message_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `read_receipts_state_next` ON `read_receipts` (`state`,`next_attempt_at`);
