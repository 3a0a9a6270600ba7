CREATE TABLE `account_members` (
	`account_id` varchar(200) NOT NULL,
	`member_id` char(36) NOT NULL,
	CONSTRAINT `account_members_account_id_member_id_pk` PRIMARY KEY(`account_id`,`member_id`)
);
--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` varchar(200) NOT NULL,
	`name` varchar(200) NOT NULL,
	`phone` varchar(20),
	`provider` varchar(20) NOT NULL,
	`host_device_id` char(36),
	`host_member_id` char(36),
	`host_online` boolean NOT NULL DEFAULT false,
	`state` varchar(40) NOT NULL DEFAULT 'stopped',
	`created_at` bigint NOT NULL,
	CONSTRAINT `accounts_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`member_id` char(36),
	`device_id` char(36),
	`action` varchar(60) NOT NULL,
	`chat_id` varchar(420),
	`before` text,
	`after` text,
	`at` bigint NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` char(64) NOT NULL,
	`size` bigint NOT NULL,
	`mime_type` varchar(200) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `blobs_sha256` PRIMARY KEY(`sha256`)
);
--> statement-breakpoint
CREATE TABLE `chats` (
	`id` varchar(420) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`jid` varchar(200) NOT NULL,
	`is_group` boolean NOT NULL,
	`name` varchar(500) NOT NULL,
	`last_message_at` bigint,
	`unread_count` int NOT NULL DEFAULT 0,
	`status` enum('open','pending','resolved') NOT NULL DEFAULT 'open',
	`assignee_id` char(36),
	`tags` text NOT NULL,
	`version` int NOT NULL DEFAULT 0,
	CONSTRAINT `chats_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`account_id` varchar(200) NOT NULL,
	`contact_key` varchar(200) NOT NULL,
	`jid` varchar(200),
	`lid` varchar(200),
	`phone` varchar(20),
	`name` varchar(500),
	`push_name` varchar(500),
	CONSTRAINT `contacts_account_id_contact_key_pk` PRIMARY KEY(`account_id`,`contact_key`)
);
--> statement-breakpoint
CREATE TABLE `event_sequencer` (
	`id` int NOT NULL,
	`writes` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `event_sequencer_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`seq` bigint AUTO_INCREMENT NOT NULL,
	`type` varchar(40) NOT NULL,
	`audience` enum('chat','account','member','workspace') NOT NULL,
	`account_id` varchar(200),
	`chat_id` varchar(420),
	`member_id` char(36),
	`payload` longtext NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `events_seq` PRIMARY KEY(`seq`)
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` char(36) NOT NULL,
	`email` varchar(320) NOT NULL,
	`name` varchar(200) NOT NULL,
	`role` enum('admin','lead','agent') NOT NULL,
	`active` boolean NOT NULL DEFAULT true,
	`password_hash` varchar(255) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `members_id` PRIMARY KEY(`id`),
	CONSTRAINT `members_email` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`row_id` bigint AUTO_INCREMENT NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`from_me` boolean NOT NULL,
	`author` varchar(200),
	`author_name` varchar(500),
	`type` varchar(20) NOT NULL,
	`body` mediumtext,
	`caption` mediumtext,
	`media` text,
	`media_sha256` char(64),
	`location` text,
	`quoted_provider_message_id` varchar(200),
	`ts` bigint NOT NULL,
	`ack` varchar(10) NOT NULL,
	`edited` boolean NOT NULL DEFAULT false,
	`revoked` boolean NOT NULL DEFAULT false,
	`client_message_id` char(36),
	CONSTRAINT `messages_row_id` PRIMARY KEY(`row_id`),
	CONSTRAINT `messages_provider_id` UNIQUE(`account_id`,`provider_message_id`)
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` char(36) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`author_id` char(36) NOT NULL,
	`body` text NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `notes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`rl_key` varchar(200) NOT NULL,
	`window_start` bigint NOT NULL,
	`hits` int NOT NULL,
	CONSTRAINT `rate_limits_rl_key_window_start_pk` PRIMARY KEY(`rl_key`,`window_start`)
);
--> statement-breakpoint
CREATE TABLE `sends` (
	`row_id` bigint AUTO_INCREMENT NOT NULL,
	`client_message_id` char(36) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`chat_jid` varchar(200) NOT NULL,
	`sender_id` char(36) NOT NULL,
	`sender_device_id` char(36) NOT NULL,
	`body` mediumtext NOT NULL,
	`quoted_provider_message_id` varchar(200),
	`state` enum('queued','forwarded','sent','failed') NOT NULL,
	`provider_message_id` varchar(200),
	`error` varchar(500),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `sends_row_id` PRIMARY KEY(`row_id`),
	CONSTRAINT `sends_client_id` UNIQUE(`client_message_id`)
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` char(36) NOT NULL,
	`member_id` char(36) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`device_name` varchar(100) NOT NULL,
	`created_at` bigint NOT NULL,
	`last_seen_at` bigint NOT NULL,
	`revoked_at` bigint,
	`presence` enum('online','away','offline') NOT NULL DEFAULT 'offline',
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `sessions_token_hash` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `workspace_settings` (
	`id` int NOT NULL,
	`agents_see_unassigned` boolean NOT NULL DEFAULT true,
	CONSTRAINT `workspace_settings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` char(36) NOT NULL,
	`shortcut` varchar(40) NOT NULL,
	`title` varchar(200) NOT NULL,
	`body` text NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `templates_id` PRIMARY KEY(`id`),
	CONSTRAINT `templates_shortcut` UNIQUE(`shortcut`)
);
--> statement-breakpoint
CREATE INDEX `account_members_member` ON `account_members` (`member_id`);--> statement-breakpoint
CREATE INDEX `audit_chat` ON `audit_log` (`chat_id`,`id`);--> statement-breakpoint
CREATE INDEX `chats_account` ON `chats` (`account_id`);--> statement-breakpoint
CREATE INDEX `chats_assignee` ON `chats` (`assignee_id`);--> statement-breakpoint
CREATE INDEX `events_chat` ON `events` (`chat_id`,`seq`);--> statement-breakpoint
CREATE INDEX `messages_chat_ts` ON `messages` (`chat_id`,`ts`,`row_id`);--> statement-breakpoint
CREATE INDEX `messages_media` ON `messages` (`media_sha256`);--> statement-breakpoint
CREATE INDEX `notes_chat` ON `notes` (`chat_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sends_account_state` ON `sends` (`account_id`,`state`,`row_id`);--> statement-breakpoint
CREATE INDEX `sessions_member` ON `sessions` (`member_id`);