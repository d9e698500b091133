CREATE TABLE `linkage_targets` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`dial_string` text NOT NULL,
	`timeout_seconds` integer NOT NULL,
	`ticket_travels` integer NOT NULL,
	`webhook_url` text,
	`position` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `linkage_targets` (`code`, `name`, `dial_string`, `timeout_seconds`, `ticket_travels`, `webhook_url`, `position`) VALUES ('110', '110 公安', 'PJSIP/110@linkage', 30, 1, NULL, 1), ('119', '119 消防', 'PJSIP/119@linkage', 30, 0, NULL, 2), ('120', '120 急救', 'PJSIP/120@linkage', 30, 0, NULL, 3), ('122', '122 交警', 'PJSIP/122@linkage', 30, 0, NULL, 4), ('12315', '12315 市场监管', 'PJSIP/12315@linkage', 30, 1, NULL, 5), ('12333', '12333 人社', 'PJSIP/12333@linkage', 30, 1, NULL, 6), ('12329', '12329 公积金', 'PJSIP/12329@linkage', 30, 1, NULL, 7);
