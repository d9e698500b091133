CREATE TABLE `calendars` (
	`name` text PRIMARY KEY NOT NULL,
	`weekly` text NOT NULL,
	`overrides` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `calls` ADD `language` text;--> statement-breakpoint
INSERT INTO `calendars` (`name`, `weekly`, `overrides`, `updated_at`, `updated_by`) VALUES ('default', '{"sun":[],"mon":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"tue":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"wed":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"thu":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"fri":[{"from":"08:30","to":"12:00"},{"from":"13:30","to":"17:30"}],"sat":[]}', '[]', 0, NULL);
