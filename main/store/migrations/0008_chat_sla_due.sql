-- When the workspace says the first reply to this chat is due (first-response SLA, #17); null: nothing due.
ALTER TABLE `chats` ADD `sla_due_at` integer;
