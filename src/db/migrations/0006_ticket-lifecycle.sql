CREATE TABLE `handling_units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handling_units_code_unique` ON `handling_units` (`code`);--> statement-breakpoint
CREATE INDEX `handling_units_parent` ON `handling_units` (`parent_id`);--> statement-breakpoint
CREATE TABLE `ticket_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`status` text NOT NULL,
	`dispatched_at` integer NOT NULL,
	`sign_for_due_at` integer NOT NULL,
	`signed_for_at` integer,
	`due_at` integer NOT NULL,
	`replied_at` integer,
	`reply` text,
	`reply_flag` text,
	`extension_minutes` integer,
	`extension_reason` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_assignments_ticket` ON `ticket_assignments` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_assignments_unit` ON `ticket_assignments` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `ticket_assignments_status` ON `ticket_assignments` (`status`);--> statement-breakpoint
CREATE TABLE `ticket_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`unit_id` integer,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`stored_name` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_attachments_stored_name_unique` ON `ticket_attachments` (`stored_name`);--> statement-breakpoint
CREATE INDEX `ticket_attachments_ticket` ON `ticket_attachments` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `ticket_deadline_policies` (
	`type` text NOT NULL,
	`urgency` text NOT NULL,
	`sign_for_minutes` integer NOT NULL,
	`completion_minutes` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	PRIMARY KEY(`type`, `urgency`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`user_id` integer,
	`unit_id` integer,
	`note` text,
	`detail` text NOT NULL,
	`deadline_key` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket` ON `ticket_events` (`ticket_id`,`at`);--> statement-breakpoint
CREATE INDEX `ticket_events_action` ON `ticket_events` (`action`,`at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_events_deadline` ON `ticket_events` (`ticket_id`,`deadline_key`) WHERE "ticket_events"."deadline_key" is not null;--> statement-breakpoint
ALTER TABLE `tickets` ADD `urgency` text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `merged_into_id` integer REFERENCES tickets(id);--> statement-breakpoint
CREATE INDEX `tickets_status` ON `tickets` (`status`);--> statement-breakpoint
ALTER TABLE `users` ADD `unit_id` integer REFERENCES handling_units(id);--> statement-breakpoint
-- Signing for is now an action, not a status: a signed-for ticket is being handled.
UPDATE `tickets` SET `status` = 'handling' WHERE `status` = 'signed-for';
