-- The workspace's AI policy, one row (id = 1) once an admin saved it; no row means AI is
-- allowed with each desktop's own endpoint. base_url and model, when set, are the only
-- endpoint and model desktops may use; force_redact keeps redaction on everywhere.
CREATE TABLE `ai_policy` (
	`id` int NOT NULL,
	`allowed` boolean NOT NULL DEFAULT true,
	`base_url` varchar(500),
	`model` varchar(200),
	`force_redact` boolean NOT NULL DEFAULT false,
	`updated_at` bigint NOT NULL,
	`updated_by` char(36),
	CONSTRAINT `ai_policy_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
