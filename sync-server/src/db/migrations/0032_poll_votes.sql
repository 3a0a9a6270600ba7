-- Polls shared with the team (sync:push `messages[].poll` and `votes`). A poll's question and
-- options, one row per poll message; kept apart from `messages` so the message upsert, the
-- hot path of every push, is unchanged. Keys compare byte for byte (0002_binary_collation.sql).
CREATE TABLE `message_polls` (
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`question` varchar(500) NOT NULL,
	`options` text NOT NULL,
	`multiple` boolean NOT NULL DEFAULT false,
	CONSTRAINT `message_polls_account_message` PRIMARY KEY(`account_id`,`provider_message_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
--> statement-breakpoint
-- Each voter's current choice (JSON array of option names; [] = vote taken back): the newest
-- per (poll, voter) wins whatever order pushes arrive in.
CREATE TABLE `poll_votes` (
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`voter_jid` varchar(200) NOT NULL,
	`options` text NOT NULL,
	`voted_at` bigint NOT NULL,
	CONSTRAINT `poll_votes_account_message_voter` PRIMARY KEY(`account_id`,`provider_message_id`,`voter_jid`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
