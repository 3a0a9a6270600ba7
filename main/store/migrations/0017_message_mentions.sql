-- @mentions (issue #20): the jids a message mentions (whatsapp-web.js `mentionedIds`), as a
-- JSON array beside the message. Names are not copied here: they are looked up in contacts
-- when the message is read, so a name learned later (or a lid paired with its phone) shows.
ALTER TABLE `messages` ADD `mentions` text;
