CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`color` text NOT NULL,
	`muted` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_state` text DEFAULT 'stopped' NOT NULL,
	`config` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chats` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`account_id` text NOT NULL,
	`jid` text NOT NULL,
	`is_group` integer DEFAULT false NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`search_name` text DEFAULT '' NOT NULL,
	`last_message_seq` integer,
	`last_message_preview` text,
	`last_message_at` integer,
	`last_message_from_me` integer DEFAULT false NOT NULL,
	`sort_ts` integer DEFAULT 0 NOT NULL,
	`unread_count` integer DEFAULT 0 NOT NULL,
	`read_at` integer DEFAULT 0 NOT NULL,
	`pinned` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`muted` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`assignee_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chats_id_unique` ON `chats` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `chats_account_jid` ON `chats` (`account_id`,`jid`);--> statement-breakpoint
CREATE INDEX `chats_inbox` ON `chats` (`archived`,`pinned`,`sort_ts`,`id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`jid` text,
	`lid` text,
	`phone` text,
	`name` text,
	`push_name` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_account_jid` ON `contacts` (`account_id`,`jid`);--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_account_lid` ON `contacts` (`account_id`,`lid`);--> statement-breakpoint
CREATE TABLE `lid_map` (
	`account_id` text NOT NULL,
	`lid` text NOT NULL,
	`jid` text NOT NULL,
	`learned_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `lid`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`seq` integer PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`from_me` integer NOT NULL,
	`author` text,
	`author_name` text,
	`type` text NOT NULL,
	`body` text,
	`caption` text,
	`media` text,
	`location` text,
	`vcard` text,
	`quoted_provider_message_id` text,
	`ts` integer NOT NULL,
	`ack` integer NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`revoked` integer DEFAULT false NOT NULL,
	`client_message_id` text,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_account_provider_id` ON `messages` (`account_id`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `messages_chat_seq` ON `messages` (`chat_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_id` ON `messages` (`client_message_id`);--> statement-breakpoint
CREATE TABLE `reactions` (
	`account_id` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`sender_jid` text NOT NULL,
	`emoji` text NOT NULL,
	`ts` integer NOT NULL,
	PRIMARY KEY(`account_id`, `provider_message_id`, `sender_jid`)
);
--> statement-breakpoint
CREATE TABLE `ai_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chat_insights` (
	`chat_id` text PRIMARY KEY NOT NULL,
	`sentiment` text,
	`urgency` integer,
	`summary` text,
	`summary_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`chat_id` text NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notes_chat` ON `notes` (`chat_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`client_message_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`chat_id` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`provider_message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_state` ON `outbox` (`state`,`created_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`shortcut` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_shortcut_unique` ON `templates` (`shortcut`);