-- One row per member who started or finished enrolling a second factor (TOTP). The secret is
-- AES-256-GCM ciphertext (auth/mfa-crypto.ts), never the secret itself. enabled_at is null while
-- the enrolment waits for its first code; last_step is the newest time step a code was accepted
-- for, so one code cannot be used twice.
CREATE TABLE `member_mfa` (
	`member_id` char(36) NOT NULL,
	`secret_enc` varchar(255) NOT NULL,
	`enabled_at` bigint,
	`last_step` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `member_mfa_member_id` PRIMARY KEY(`member_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- Ten single-use recovery codes per member, stored as sha-256 of the normalised code (the codes
-- are random, 50 bits each, and sign-in attempts are rate-limited); used_at marks one spent.
CREATE TABLE `mfa_recovery_codes` (
	`member_id` char(36) NOT NULL,
	`code_hash` char(64) NOT NULL,
	`used_at` bigint,
	CONSTRAINT `mfa_recovery_codes_member_id_code_hash_pk` PRIMARY KEY(`member_id`,`code_hash`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
