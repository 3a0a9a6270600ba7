-- The audit screen filters by time, member and action, always newest first (by id). Each index
-- ends with id so a filter's rows come out in page order without sorting the whole table.
CREATE INDEX `audit_at` ON `audit_log` (`at`,`id`);
--> statement-breakpoint
CREATE INDEX `audit_member` ON `audit_log` (`member_id`,`id`);
--> statement-breakpoint
CREATE INDEX `audit_action` ON `audit_log` (`action`,`id`);
