-- Outgoing webhooks (#22). Endpoints with their subscribed events and secret (AES-256-GCM
-- under the server key, like TOTP secrets: the signature needs the secret itself), and a
-- durable queue of deliveries every node claims from. Ids compare byte for byte.
CREATE TABLE `webhook_endpoints` (
	`id` char(36) NOT NULL,
	`url` varchar(2000) NOT NULL,
	`events` varchar(500) NOT NULL,
	`secret` varchar(200) NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`consecutive_failures` int NOT NULL DEFAULT 0,
	`failing_since` bigint,
	`disabled_reason` varchar(40),
	`created_by` char(36) NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `webhook_endpoints_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`endpoint_id` char(36) NOT NULL,
	`event_id` char(36) NOT NULL,
	`event_type` varchar(40) NOT NULL,
	`chat_key` varchar(420) NOT NULL DEFAULT '',
	`payload` mediumtext NOT NULL,
	`status` varchar(12) NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`next_attempt_at` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	`last_attempt_at` bigint,
	`response_code` int,
	`latency_ms` int,
	`error` varchar(200),
	CONSTRAINT `webhook_deliveries_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_queue_idx` ON `webhook_deliveries` (`status`,`endpoint_id`,`chat_key`,`id`);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_endpoint_idx` ON `webhook_deliveries` (`endpoint_id`,`id`);
--> statement-breakpoint
CREATE TABLE `webhook_cursor` (
	`id` int NOT NULL,
	`seq` bigint NOT NULL DEFAULT 0,
	`primed` boolean NOT NULL DEFAULT false,
	`message_floor` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `webhook_cursor_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
INSERT INTO `webhook_cursor` (`id`, `seq`, `primed`, `message_floor`) VALUES (1, 0, false, 0);
--> statement-breakpoint
CREATE TABLE `webhook_chat_state` (
	`chat_id` varchar(420) NOT NULL,
	`assignee_id` char(36),
	`status` varchar(20) NOT NULL,
	CONSTRAINT `webhook_chat_state_chat_id` PRIMARY KEY(`chat_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE TABLE `webhook_message_state` (
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`ack` varchar(20) NOT NULL,
	CONSTRAINT `webhook_message_state_pk` PRIMARY KEY(`account_id`,`provider_message_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
