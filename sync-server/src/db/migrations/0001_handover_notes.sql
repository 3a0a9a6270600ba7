ALTER TABLE `notes` ADD `kind` enum('note','handover') DEFAULT 'note' NOT NULL;--> statement-breakpoint
ALTER TABLE `notes` ADD `draft` mediumtext;--> statement-breakpoint
ALTER TABLE `notes` ADD `summary` text;