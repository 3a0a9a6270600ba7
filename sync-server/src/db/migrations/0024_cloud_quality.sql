-- What Meta last reported about a Cloud API number's standing (docs/cloud-api.md, "Quality
-- rating"): the quality rating read from Graph, the messaging limit and event of the last
-- phone_number_quality_update webhook, and when it came. Null until Meta reports one.
ALTER TABLE `cloud_numbers`
	ADD COLUMN `quality_rating` varchar(16),
	ADD COLUMN `messaging_limit` varchar(40),
	ADD COLUMN `quality_event` varchar(40),
	ADD COLUMN `quality_at` bigint;
--> statement-breakpoint
-- Reactions members ask for from any device (message:react): one row per client reaction
-- id, so a retried or redelivered command reaches WhatsApp once. A Cloud number's reaction
-- is sent by the server; a desktop number's waits here until its host reports it.
CREATE TABLE `reaction_requests` (
	`client_reaction_id` char(36) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`chat_jid` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`emoji` varchar(32) NOT NULL,
	`sender_id` char(36) NOT NULL,
	`state` varchar(12) NOT NULL,
	`error` varchar(200),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `reaction_requests_client_reaction_id` PRIMARY KEY(`client_reaction_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `reaction_requests_account_state` ON `reaction_requests` (`account_id`,`state`);
