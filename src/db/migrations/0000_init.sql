CREATE TABLE `agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`endpoint` text NOT NULL,
	`skills` text NOT NULL,
	`state` text NOT NULL,
	`pause_reason` text,
	`state_since` integer NOT NULL,
	`idle_since` integer,
	`current_call_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_endpoint_unique` ON `agents` (`endpoint`);--> statement-breakpoint
CREATE INDEX `agents_state` ON `agents` (`state`);--> statement-breakpoint
CREATE TABLE `call_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` text NOT NULL,
	`at` integer NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_events_call_id` ON `call_events` (`call_id`,`id`);--> statement-breakpoint
CREATE TABLE `callback_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` text NOT NULL,
	`number` text NOT NULL,
	`queue` text NOT NULL,
	`created_at` integer NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_requests_status` ON `callback_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`caller` text NOT NULL,
	`dialed` text NOT NULL,
	`menu_name` text,
	`menu_version` integer,
	`phase` text NOT NULL,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ivr_path` text NOT NULL,
	`queue` text,
	`enqueued_at` integer,
	`wait_ms` integer,
	`agent_id` integer,
	`agent_answered_at` integer,
	`talk_ms` integer,
	`ended_at` integer,
	`outcome` text,
	`hangup_cause` integer,
	`hangup_cause_text` text,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calls_started_at` ON `calls` (`started_at`);--> statement-breakpoint
CREATE INDEX `calls_caller_started_at` ON `calls` (`caller`,`started_at`);--> statement-breakpoint
CREATE INDEX `calls_phase` ON `calls` (`phase`);--> statement-breakpoint
CREATE TABLE `menu_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`menu_name` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`menu_name`) REFERENCES `menus`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `menu_versions_name_version` ON `menu_versions` (`menu_name`,`version`);--> statement-breakpoint
CREATE TABLE `menus` (
	`name` text PRIMARY KEY NOT NULL,
	`published_version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `queues` (
	`name` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`announce_every_seconds` integer NOT NULL,
	`max_wait_seconds` integer NOT NULL,
	`ring_timeout_seconds` integer NOT NULL,
	`wrap_up_seconds` integer NOT NULL,
	`moh_class` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`caller` text NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`call_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number_unique` ON `tickets` (`number`);--> statement-breakpoint
CREATE INDEX `tickets_caller` ON `tickets` (`caller`,`created_at`);--> statement-breakpoint
CREATE TABLE `auth_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`agent_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);