-- Pin and archive as the team's shared state (chat:set-flags): one agent's pin or archive
-- shows on every desktop that sees the chat. Mute stays on each desktop.
ALTER TABLE `chats` ADD `pinned` boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE `chats` ADD `archived` boolean DEFAULT false NOT NULL;
