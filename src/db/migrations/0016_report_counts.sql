ALTER TABLE `tickets` ADD `callbacks` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `callbacks_satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `parts_signed_for` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `parts_signed_for_on_time` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `parts_replied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `parts_replied_on_time` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ticket_assignments` ADD `first_for_unit` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Hand-written backfills, run while the old indexes still find a ticket's parts and events, and
-- before tickets_report is built again so the updates do not maintain it.
-- A part is not its ticket's first for its unit when an earlier part of the same ticket went to
-- the same unit (sent there again after a return).
UPDATE `ticket_assignments` SET `first_for_unit` = 0 WHERE EXISTS (
  SELECT 1 FROM `ticket_assignments` AS e
  WHERE e.`ticket_id` = `ticket_assignments`.`ticket_id` AND e.`unit_id` = `ticket_assignments`.`unit_id` AND e.`id` < `ticket_assignments`.`id`
);--> statement-breakpoint
DROP INDEX `tickets_report`;--> statement-breakpoint
-- Each ticket's callback events that carry a result, and those of them satisfied or basically satisfied.
UPDATE `tickets` SET `callbacks` = c.`n`, `callbacks_satisfied` = c.`satisfied`
FROM (
  SELECT `ticket_id`, count(*) AS `n`, count(*) FILTER (WHERE `detail` ->> '$.result' IN ('satisfied', 'basically-satisfied')) AS `satisfied`
  FROM `ticket_events` WHERE `action` = 'callback' AND `detail` ->> '$.result' IS NOT NULL GROUP BY `ticket_id`
) AS c
WHERE c.`ticket_id` = `tickets`.`id`;--> statement-breakpoint
-- Each ticket's parts summed as the lifecycle sums them (src/tickets/part-sums.ts).
UPDATE `tickets` SET `parts_signed_for` = p.`signed_for`, `parts_signed_for_on_time` = p.`signed_for_on_time`, `parts_replied` = p.`replied`, `parts_replied_on_time` = p.`replied_on_time`
FROM (
  SELECT `ticket_id`, count(`signed_for_at`) AS `signed_for`, count(*) FILTER (WHERE `signed_for_at` <= `sign_for_due_at`) AS `signed_for_on_time`,
    count(`replied_at`) AS `replied`, count(*) FILTER (WHERE `replied_at` <= `due_at`) AS `replied_on_time`
  FROM `ticket_assignments` GROUP BY `ticket_id`
) AS p
WHERE p.`ticket_id` = `tickets`.`id`;--> statement-breakpoint
DROP INDEX `ticket_events_resolution`;--> statement-breakpoint
DROP INDEX `ticket_assignments_ticket`;--> statement-breakpoint
CREATE INDEX `ticket_assignments_ticket` ON `ticket_assignments` (`ticket_id`,`unit_id`,`status`,`sign_for_due_at`,`signed_for_at`,`due_at`,`replied_at`,`first_for_unit`);--> statement-breakpoint
CREATE INDEX `tickets_created` ON `tickets` (`created_at`,`status`,`channel`,`type`,`category`);--> statement-breakpoint
CREATE INDEX `tickets_report` ON `tickets` ((("created_at" + 28800000) / 86400000),`channel`,`type`,`category`,`status`,`direct_answered`,`callbacks`,`callbacks_satisfied`,`parts_signed_for`,`parts_signed_for_on_time`,`parts_replied`,`parts_replied_on_time`,`created_at`);
