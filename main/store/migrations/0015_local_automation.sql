-- Automation on a desktop that is not signed in to a workspace (#17): the same settings and
-- rules the workspace server keeps, per number, for the numbers this desktop hosts.
CREATE TABLE `automation_settings` (
	`account_id` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `automation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
-- One row per automated message: the key (chat, kind, window) is claimed before the send is
-- queued, so a message seen twice (a redelivery, a restart) answers once.
CREATE TABLE `automation_sends` (
	`chat_id` text NOT NULL,
	`kind` text NOT NULL,
	`window_key` integer NOT NULL,
	`client_message_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`chat_id`, `kind`, `window_key`)
);
--> statement-breakpoint
CREATE INDEX `automation_sends_chat` ON `automation_sends` (`chat_id`, `created_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_sends_client` ON `automation_sends` (`client_message_id`);
--> statement-breakpoint
-- A rule's run per trigger (msg: or open: plus the message id), claimed before its actions.
CREATE TABLE `automation_rule_runs` (
	`rule_id` text NOT NULL,
	`trigger_key` text NOT NULL,
	`account_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`status` text NOT NULL,
	`error_code` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`rule_id`, `trigger_key`)
);
--> statement-breakpoint
CREATE INDEX `automation_rule_runs_created` ON `automation_rule_runs` (`created_at`);
