DROP INDEX `chats_inbox`;--> statement-breakpoint
CREATE INDEX `chats_inbox` ON `chats` (`archived`,`pinned`,`sort_ts`,`id`,`account_id`,`status`,`assignee_id`,`unread_count`);