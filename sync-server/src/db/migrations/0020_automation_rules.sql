-- Automation rules of the workspace (#17): ordered by `position`; the body is the rule as
-- JSON (trigger, conditions, actions), validated again when read.
CREATE TABLE `automation_rules` (
	`id` char(36) NOT NULL,
	`position` int NOT NULL,
	`body` text NOT NULL,
	`updated_at` bigint NOT NULL,
	`updated_by` char(36),
	CONSTRAINT `automation_rules_id` PRIMARY KEY(`id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `automation_rules_position` ON `automation_rules` (`position`);
--> statement-breakpoint
-- One row per rule and trigger (a message id): the unique key makes a rule act once per
-- trigger, inserted in the same transaction as what it did. A failed run keeps its code.
CREATE TABLE `automation_rule_runs` (
	`row_id` bigint AUTO_INCREMENT NOT NULL,
	`rule_id` char(36) NOT NULL,
	`trigger_key` varchar(300) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`status` enum('ok','failed') NOT NULL,
	`error_code` varchar(50),
	`created_at` bigint NOT NULL,
	CONSTRAINT `automation_rule_runs_row_id` PRIMARY KEY(`row_id`),
	CONSTRAINT `automation_rule_runs_once` UNIQUE(`rule_id`,`trigger_key`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
CREATE INDEX `automation_rule_runs_account_time` ON `automation_rule_runs` (`account_id`,`created_at`);
