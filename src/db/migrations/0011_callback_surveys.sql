CREATE TABLE `callback_survey_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`channel_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`failure` text,
	`key` text,
	FOREIGN KEY (`survey_id`) REFERENCES `callback_surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_survey_attempts_survey` ON `callback_survey_attempts` (`survey_id`);--> statement-breakpoint
CREATE TABLE `callback_surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_failure` text,
	`result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_surveys_ticket` ON `callback_surveys` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `callback_surveys_due` ON `callback_surveys` (`status`,`next_attempt_at`);