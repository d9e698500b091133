DROP INDEX `tickets_status`;--> statement-breakpoint
CREATE INDEX `tickets_status` ON `tickets` (`status`,`created_at`);