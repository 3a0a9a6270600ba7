ALTER TABLE `chats` ADD `last_message_kind` text;--> statement-breakpoint
UPDATE `chats` SET
  `last_message_kind` = (SELECT CASE WHEN m.revoked = 1 THEN 'revoked'
      WHEN m.type IN ('image','video','audio','voice','document','sticker','location','contact_card','ciphertext','system') THEN m.type
      ELSE NULL END FROM `messages` m WHERE m.seq = `chats`.`last_message_seq`),
  `last_message_preview` = (SELECT CASE WHEN m.revoked = 1 THEN '' ELSE substr(coalesce(m.body, m.caption, ''), 1, 200) END
      FROM `messages` m WHERE m.seq = `chats`.`last_message_seq`)
WHERE `last_message_seq` IS NOT NULL;
