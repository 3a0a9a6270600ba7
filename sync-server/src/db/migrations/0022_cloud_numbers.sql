-- WhatsApp Cloud API numbers hosted by this server (docs/cloud-api.md). The access token,
-- app secret and verify token are AES-256-GCM under the server key (auth/mfa-crypto.ts).
CREATE TABLE `cloud_numbers` (
	`account_id` varchar(200) NOT NULL,
	`phone_number_id` varchar(40) NOT NULL,
	`waba_id` varchar(40) NOT NULL,
	`display_phone` varchar(40),
	`verified_name` varchar(200),
	`access_token` text NOT NULL,
	`app_secret` varchar(400) NOT NULL,
	`verify_token` varchar(400) NOT NULL,
	`created_by` char(36) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `cloud_numbers_account_id` PRIMARY KEY(`account_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE UNIQUE INDEX `cloud_numbers_phone_number_id` ON `cloud_numbers` (`phone_number_id`);
--> statement-breakpoint
-- Webhook bodies as Meta sent them, verified and stored before the 200: a worker turns them
-- into messages and statuses. `next_attempt_at` doubles as a claim's lease.
CREATE TABLE `cloud_webhook_inbox` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`received_at` bigint NOT NULL,
	`body` mediumtext NOT NULL,
	`status` varchar(12) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` bigint NOT NULL,
	`error` varchar(200),
	CONSTRAINT `cloud_webhook_inbox_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `cloud_webhook_inbox_queue` ON `cloud_webhook_inbox` (`status`,`next_attempt_at`);
--> statement-breakpoint
-- A Cloud number's template send: name, language and body parameters (JSON); null for text.
ALTER TABLE `sends` ADD `template` text;
