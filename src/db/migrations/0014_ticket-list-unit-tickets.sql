DROP INDEX `ticket_assignments_unit`;--> statement-breakpoint
CREATE INDEX `ticket_assignments_unit` ON `ticket_assignments` (`unit_id`,`status`,`ticket_id`);