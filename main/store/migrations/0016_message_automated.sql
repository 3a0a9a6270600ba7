-- The desktop's own automation (#17, not signed in) marks what it sent: the conversation
-- shows it as automated, and a later push tells the workspace so its reports do not count
-- it as a person's reply. The mark follows the client id claimed in automation_sends (the
-- claim is written before the message is queued), whichever way the row arrives: queued by
-- the outbox, echoed back by WhatsApp, or re-linked to its provider id.
ALTER TABLE `messages` ADD `automated` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE `messages` SET `automated` = 1
 WHERE `client_message_id` IN (SELECT `client_message_id` FROM `automation_sends`);
--> statement-breakpoint
CREATE TRIGGER `messages_automated_insert` AFTER INSERT ON `messages`
 WHEN NEW.`client_message_id` IS NOT NULL AND NEW.`automated` = 0
  AND EXISTS (SELECT 1 FROM `automation_sends` s WHERE s.`client_message_id` = NEW.`client_message_id`)
BEGIN
 UPDATE `messages` SET `automated` = 1 WHERE `seq` = NEW.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `messages_automated_update` AFTER UPDATE OF `client_message_id` ON `messages`
 WHEN NEW.`client_message_id` IS NOT NULL AND NEW.`automated` = 0
  AND EXISTS (SELECT 1 FROM `automation_sends` s WHERE s.`client_message_id` = NEW.`client_message_id`)
BEGIN
 UPDATE `messages` SET `automated` = 1 WHERE `seq` = NEW.`seq`;
END;
--> statement-breakpoint
-- A status the user changed while not signed in, waiting for its 'status.changed' rules:
-- written in the status change's own transaction and removed once the rules ran, so a
-- crash between the two runs them on the next start instead of losing them.
CREATE TABLE `automation_status_triggers` (
	`trigger_key` text PRIMARY KEY NOT NULL,
	`chat_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`created_at` integer NOT NULL
);
