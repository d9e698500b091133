CREATE TABLE `calendars` (
	`name` text PRIMARY KEY NOT NULL,
	`weekly` text NOT NULL,
	`overrides` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `prompt_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`prompt_id` integer NOT NULL,
	`version` integer NOT NULL,
	`source` text NOT NULL,
	`text` text,
	`file` text,
	`duration_ms` integer,
	`size_bytes` integer,
	`restored_from` integer,
	`created_at` integer NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prompt_versions_prompt_version` ON `prompt_versions` (`prompt_id`,`version`);--> statement-breakpoint
CREATE TABLE `prompts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`language` text NOT NULL,
	`current_version` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prompts_name_language` ON `prompts` (`name`,`language`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`user_id` integer,
	`at` integer NOT NULL,
	`detail` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`,`at`);--> statement-breakpoint
ALTER TABLE `calls` ADD `language` text;--> statement-breakpoint
ALTER TABLE `menus` ADD `draft_version` integer;--> statement-breakpoint
INSERT INTO `calendars` (`name`, `weekly`, `overrides`, `updated_at`, `updated_by`) VALUES ('default', '{"sun":[],"mon":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"tue":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"wed":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"thu":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"fri":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"sat":[]}', '[]', 0, NULL);
