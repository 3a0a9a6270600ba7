-- Which accounts a stored blob belongs to: the accounts whose host uploaded it (proving it had
-- the bytes). Knowing a sha-256 is no longer enough to read a file. No backfill from messages:
-- that is exactly the reference an attacker can forge, so older blobs are re-uploaded on request.
CREATE TABLE `blob_accounts` (
	`sha256` char(64) NOT NULL,
	`account_id` varchar(200) NOT NULL,
	CONSTRAINT `blob_accounts_sha256_account_id_pk` PRIMARY KEY(`sha256`,`account_id`)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
