-- The team's own name and labels for a customer (customer:update, contact:update in a
-- workspace). WhatsApp's name and push name stay as the phone reports them. The chat keeps
-- a copy of the name so the inbox list shows it without a join.
ALTER TABLE `contacts` ADD `custom_name` text;
--> statement-breakpoint
ALTER TABLE `contacts` ADD `labels` text;
--> statement-breakpoint
ALTER TABLE `chats` ADD `custom_name` text;
