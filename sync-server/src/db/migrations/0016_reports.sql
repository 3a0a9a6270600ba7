-- Reports (docs/reports.md) read a range of messages per number and the chat changes of a
-- time window. messages_reports serves `account_id IN (…) AND ts range` and holds every
-- column the report reads, so the rows come from the index alone; audit_reports serves
-- `action IN (chat.status, chat.assign, …) AND at >= ?` (audit_action ends with id, not at).
CREATE INDEX `messages_reports` ON `messages` (`account_id`,`ts`,`from_me`,`chat_id`,`client_message_id`);
--> statement-breakpoint
CREATE INDEX `audit_reports` ON `audit_log` (`action`,`at`);
