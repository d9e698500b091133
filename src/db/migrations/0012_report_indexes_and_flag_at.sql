DROP INDEX `tickets_created_at`;--> statement-breakpoint
CREATE INDEX `tickets_report` ON `tickets` (`created_at`,`status`,`channel`,`type`,`category`);--> statement-breakpoint
DROP INDEX `ticket_assignments_ticket`;--> statement-breakpoint
ALTER TABLE `ticket_assignments` ADD `flag_at` integer;--> statement-breakpoint
CREATE INDEX `ticket_assignments_flag` ON `ticket_assignments` (`flag_at`) WHERE "ticket_assignments"."flag_at" is not null;--> statement-breakpoint
CREATE INDEX `ticket_assignments_ticket` ON `ticket_assignments` (`ticket_id`,`unit_id`,`status`,`sign_for_due_at`,`signed_for_at`,`due_at`,`replied_at`);--> statement-breakpoint
CREATE INDEX `ticket_events_resolution` ON `ticket_events` (`ticket_id`,`action`,`id`,"detail" ->> '$.result');