-- The team's own name and labels for a customer (contact:update, PATCH /api/v1/contacts/{id}).
-- Kept beside WhatsApp's name and push name, which a host's push keeps updating; a push
-- never writes these two. labels is a JSON array of strings.
ALTER TABLE `contacts` ADD `custom_name` varchar(100);
--> statement-breakpoint
ALTER TABLE `contacts` ADD `labels` varchar(2000);
--> statement-breakpoint
CREATE INDEX `contacts_phone` ON `contacts` (`phone`);
