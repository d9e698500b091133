CREATE TABLE `pause_reasons` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`label_en` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `queues` ADD `ticket_category` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `type` text DEFAULT 'consult' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `category` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `channel` text DEFAULT 'phone' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `content` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `citizen_name` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `address` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `agent_id` integer REFERENCES agents(id);--> statement-breakpoint
ALTER TABLE `tickets` ADD `created_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `tickets_call_id` ON `tickets` (`call_id`);--> statement-breakpoint
INSERT INTO `pause_reasons` (`code`, `label`, `label_en`, `position`) VALUES ('training', '培训', 'Training', 1), ('meal', '用餐', 'Meal', 2), ('rest', '休息', 'Rest', 3), ('meeting', '会议', 'Meeting', 4), ('after-call', '整理工单', 'Ticket work', 5);--> statement-breakpoint
UPDATE `queues` SET `ticket_category` = 'enterprise' WHERE `name` = 'enterprise';
