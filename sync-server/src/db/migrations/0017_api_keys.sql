-- API keys for the REST API (docs/api.md). Only the SHA-256 of the secret is kept: the
-- secret is shown once. scopes and account_ids are JSON arrays of strings; account_ids
-- null means every number. Ids are compared byte for byte, so the tables are binary.
CREATE TABLE `api_keys` (
	`id` char(36) NOT NULL,
	`name` varchar(100) NOT NULL,
	`prefix` char(8) NOT NULL,
	`secret_hash` char(64) NOT NULL,
	`scopes` text NOT NULL,
	`account_ids` text,
	`created_by` char(36) NOT NULL,
	`created_at` bigint NOT NULL,
	`last_used_at` bigint,
	`revoked_at` bigint,
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_keys_secret_hash` UNIQUE(`secret_hash`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- The first answer to each write sent with an Idempotency-Key, per key and route, so a
-- retry gets it back instead of writing twice. status 0 = the first attempt is still running.
CREATE TABLE `api_idempotency` (
	`api_key_id` char(36) NOT NULL,
	`key_hash` char(64) NOT NULL,
	`status` int NOT NULL,
	`body` mediumtext,
	`created_at` bigint NOT NULL,
	CONSTRAINT `api_idempotency_pk` PRIMARY KEY(`api_key_id`,`key_hash`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `api_idempotency_created` ON `api_idempotency` (`created_at`);
