-- Polls (issue #20): a poll message keeps its question, options and each voter's current
-- choice as JSON beside the message, so a conversation page reads it without another query.
ALTER TABLE `messages` ADD `poll` text;
