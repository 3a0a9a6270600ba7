-- Grants written before they named their chat: name it from the payload, so a pull can leave out
-- the grant of a chat the member no longer sees (sync rule 5).
UPDATE `events` SET `chat_id` = JSON_UNQUOTE(JSON_EXTRACT(`payload`, '$.chat.id')) WHERE `type` = 'chat:granted' AND `chat_id` IS NULL;
