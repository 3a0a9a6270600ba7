-- The team's note about a customer (customer:update, contact:update in a workspace): about the
-- person, not one chat, so it is kept on the contact rows beside the team's name and labels.
ALTER TABLE `contacts` ADD `note` text;
