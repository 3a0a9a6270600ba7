-- Whether agents may release a chat assigned to them or transfer it to a colleague of its
-- number (docs/server.md "Agents handing a chat on"). Off by default: upgrading the server
-- must not widen what agents may do until an admin decides so.
ALTER TABLE `workspace_settings` ADD `agents_may_hand_over` boolean DEFAULT false NOT NULL;
