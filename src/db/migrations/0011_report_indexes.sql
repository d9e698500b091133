DROP INDEX `tickets_created_at`;--> statement-breakpoint
CREATE INDEX `tickets_report` ON `tickets` (`created_at`,`status`,`channel`,`type`,`category`);--> statement-breakpoint
CREATE INDEX `ticket_events_resolution` ON `ticket_events` (`ticket_id`,`action`,`id`);