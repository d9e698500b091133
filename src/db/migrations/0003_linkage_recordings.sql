CREATE TABLE `recording_listens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recording_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`recording_id`) REFERENCES `recordings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recording_listens_recording` ON `recording_listens` (`recording_id`,`at`);--> statement-breakpoint
CREATE TABLE `recordings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` text NOT NULL,
	`name` text NOT NULL,
	`format` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`path` text,
	`size_bytes` integer,
	`duration_ms` integer,
	`fetch_attempts` integer DEFAULT 0 NOT NULL,
	`next_fetch_at` integer,
	`last_error` text,
	`deleted_at` integer,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_name_unique` ON `recordings` (`name`);--> statement-breakpoint
CREATE INDEX `recordings_call_id` ON `recordings` (`call_id`);--> statement-breakpoint
CREATE INDEX `recordings_status` ON `recordings` (`status`,`next_fetch_at`);--> statement-breakpoint
CREATE INDEX `recordings_started_at` ON `recordings` (`started_at`);--> statement-breakpoint
CREATE TABLE `linkage_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_code` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`call_id` text,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `linkage_deliveries_due` ON `linkage_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `linkage_deliveries_ticket` ON `linkage_deliveries` (`ticket_id`,`target_code`);--> statement-breakpoint
CREATE TABLE `linkage_delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`at` integer NOT NULL,
	`http_status` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `linkage_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `linkage_delivery_attempts_delivery` ON `linkage_delivery_attempts` (`delivery_id`,`id`);--> statement-breakpoint
CREATE TABLE `linkage_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_code` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`external_id` text,
	`status` text NOT NULL,
	`result` text NOT NULL,
	`handled_by` text,
	`reported_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `linkage_feedback_ticket` ON `linkage_feedback` (`ticket_id`,`id`);--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `reason` text DEFAULT 'overflow' NOT NULL;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `done_at` integer;--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `done_by` integer REFERENCES agents(id);--> statement-breakpoint
ALTER TABLE `callback_requests` ADD `callback_call_id` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `no_ticket_reason` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `related_ticket_id` integer;--> statement-breakpoint
ALTER TABLE `linkage_targets` ADD `webhook_secret` text;