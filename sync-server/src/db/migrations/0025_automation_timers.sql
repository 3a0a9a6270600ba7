-- Automation's timers (#17): what a timer already did, once per (kind, chat, key). The key
-- names the occasion: for 'sla_breach' the chat's sla_due_at, for 'reassign' the time the
-- customer's unanswered messages began. A second server node, or the same node after a
-- restart, finds the row and does nothing.
CREATE TABLE `automation_fires` (
	`kind` varchar(20) NOT NULL,
	`chat_id` varchar(420) NOT NULL,
	`fire_key` bigint NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `automation_fires_kind_chat_id_fire_key` PRIMARY KEY(`kind`,`chat_id`,`fire_key`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- The breach timer looks for chats whose first reply is overdue.
CREATE INDEX `chats_sla_due` ON `chats` (`sla_due_at`);
--> statement-breakpoint
-- The unanswered and reassignment timers look at chats with recent messages.
CREATE INDEX `chats_last_message` ON `chats` (`last_message_at`);
