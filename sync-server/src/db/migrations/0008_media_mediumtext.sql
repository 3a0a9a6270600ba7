-- A message's media JSON carries a thumbnail of up to 200,000 characters (common/ingest.ts):
-- TEXT holds 65,535 bytes, so such a push failed with an internal error. MEDIUMTEXT holds 16 MB.
ALTER TABLE `messages` MODIFY COLUMN `media` mediumtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
