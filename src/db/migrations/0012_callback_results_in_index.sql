DROP INDEX `ticket_events_resolution`;--> statement-breakpoint
CREATE INDEX `ticket_events_resolution` ON `ticket_events` (`ticket_id`,`action`,`id`,"detail" ->> '$.result');