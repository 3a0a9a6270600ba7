-- Sessions users can manage: where and on what each device signed in, shown in its devices list.
-- The IP is the socket's peer (or X-Forwarded-For's first hop when TRUST_PROXY says so).
ALTER TABLE `sessions` ADD `platform` varchar(10);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `ip` varchar(64);
--> statement-breakpoint
-- Devices that signed in as a member before (hashes of the random key each desktop keeps):
-- the per-e-mail back-off after failed sign-ins does not apply to them.
CREATE TABLE `member_device_keys` (
	`member_id` char(36) NOT NULL,
	`key_hash` char(64) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `member_device_keys_member_id_key_hash_pk` PRIMARY KEY(`member_id`,`key_hash`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- Failed sign-ins per e-mail in a row, and until when further attempts wait (back-off).
CREATE TABLE `login_backoff` (
	`email` varchar(320) NOT NULL,
	`failures` int NOT NULL DEFAULT 0,
	`locked_until` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `login_backoff_email` PRIMARY KEY(`email`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- One-time password reset codes an admin starts (stored as sha-256; one per member, 24 h).
CREATE TABLE `password_resets` (
	`member_id` char(36) NOT NULL,
	`code_hash` char(64) NOT NULL,
	`expires_at` bigint NOT NULL,
	`created_by` char(36) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `password_resets_member_id` PRIMARY KEY(`member_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
