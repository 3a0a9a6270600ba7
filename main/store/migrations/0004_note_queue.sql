CREATE TABLE `note_queue` (
	`client_note_id` text PRIMARY KEY NOT NULL,
	`chat_id` text NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`first_sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`chat_id`) REFERENCES `chats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `note_queue_order` ON `note_queue` (`created_at`);--> statement-breakpoint
ALTER TABLE `notes` ADD `kind` text DEFAULT 'note' NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `draft` text;--> statement-breakpoint
ALTER TABLE `notes` ADD `summary` text;