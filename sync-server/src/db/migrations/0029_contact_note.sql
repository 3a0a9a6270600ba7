-- The team's note about a person (contact:update, PATCH /api/v1/contacts/{id}): about the
-- customer, not one chat, so it follows them to every number they write to. A host's push
-- never writes it.
ALTER TABLE `contacts` ADD `note` text;
