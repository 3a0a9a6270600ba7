-- Sessions users can manage: where and on what each device signed in, shown in its devices list.
-- The IP is the socket's peer (or X-Forwarded-For's first hop when TRUST_PROXY says so).
ALTER TABLE `sessions` ADD `platform` varchar(10);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `ip` varchar(64);
