CREATE TABLE `chat_change_queue` (
	`chat_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`base_version` integer NOT NULL,
	`state` text NOT NULL,
	`server_value` text,
	`server_version` integer,
	`server_by` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`chat_id`, `field`),
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chat_change_queue_order` ON `chat_change_queue` (`created_at`);
