-- Keys compare byte for byte (see 0002_binary_collation.sql), so the table is created binary.
CREATE TABLE `message_reactions` (
	`account_id` varchar(200) NOT NULL,
	`provider_message_id` varchar(200) NOT NULL,
	`sender_jid` varchar(200) NOT NULL,
	`emoji` varchar(40) NOT NULL,
	`reacted_at` bigint NOT NULL,
	CONSTRAINT `message_reactions_account_id_provider_message_id_sender_jid_pk` PRIMARY KEY(`account_id`,`provider_message_id`,`sender_jid`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
