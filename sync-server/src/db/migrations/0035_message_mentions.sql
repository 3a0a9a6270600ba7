-- The people a message @mentions (sync:push `messages[].mentions`), so teammates see names
-- where the host does. One row per message that mentions someone, beside `messages` so the
-- message upsert, the hot path of every push, is unchanged. `jids` is a JSON array of at most
-- 100 WhatsApp ids (phone jids or lids), checked at the push boundary. Keys compare byte for
-- byte (0002_binary_collation.sql).
CREATE TABLE `message_mentions` (
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`jids` text NOT NULL,
	CONSTRAINT `message_mentions_account_message` PRIMARY KEY(`account_id`,`provider_message_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
