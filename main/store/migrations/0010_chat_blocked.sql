-- The person behind a one-to-one chat is blocked on WhatsApp (chats:setBlocked), so the
-- inbox can say so and offer Unblock.
ALTER TABLE `chats` ADD `blocked` integer DEFAULT false NOT NULL;
