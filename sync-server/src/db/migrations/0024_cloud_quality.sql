-- What Meta last reported about a Cloud API number's standing (docs/cloud-api.md, "Quality
-- rating"): the quality rating read from Graph, the messaging limit and event of the last
-- phone_number_quality_update webhook, and when it came. Null until Meta reports one.
ALTER TABLE `cloud_numbers`
	ADD COLUMN `quality_rating` varchar(16),
	ADD COLUMN `messaging_limit` varchar(40),
	ADD COLUMN `quality_event` varchar(40),
	ADD COLUMN `quality_at` bigint;
