ALTER TABLE `notes` ADD `client_note_id` char(36);--> statement-breakpoint
ALTER TABLE `notes` ADD CONSTRAINT `notes_client_id` UNIQUE(`client_note_id`);