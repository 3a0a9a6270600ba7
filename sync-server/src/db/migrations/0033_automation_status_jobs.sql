-- Automation's jobs (#17): work a commit leaves for after it, kept in the same transaction
-- so a server that stops in between still does it once it is back. 'status': the
-- 'status.changed' rules of one status change; 'sentiment': the rules with a sentiment
-- condition for one customer message (they wait for an AI answer, which must not hold a
-- push). job_key makes a job once per occasion (a redelivered push adds nothing); a node
-- takes a job by a conditional update of lease_until, and the rules' own run keys keep
-- each action once even when a lease ran out under a slow node.
CREATE TABLE `automation_jobs` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`kind` varchar(20) NOT NULL,
	`job_key` varchar(300) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`payload` text NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`lease_until` bigint NOT NULL DEFAULT 0,
	`done_at` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `automation_jobs_id` PRIMARY KEY(`id`),
	CONSTRAINT `automation_jobs_once` UNIQUE(`kind`,`job_key`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- The worker looks for jobs not done whose lease has ended.
CREATE INDEX `automation_jobs_queue` ON `automation_jobs` (`done_at`,`lease_until`);
--> statement-breakpoint
-- The workspace's AI endpoint for automation (sentiment conditions): one row, id 1. The
-- key never leaves the server; clients only learn whether one is set.
CREATE TABLE `automation_ai` (
	`id` int NOT NULL,
	`base_url` varchar(500) NOT NULL,
	`model` varchar(200) NOT NULL,
	`api_key` text,
	`updated_at` bigint NOT NULL,
	`updated_by` char(36),
	CONSTRAINT `automation_ai_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
