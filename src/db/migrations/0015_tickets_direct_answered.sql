DROP INDEX `tickets_report`;--> statement-breakpoint
ALTER TABLE `tickets` ADD `direct_answered` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-written backfill, before the index is built again so the update does not maintain it:
-- a ticket is directly answered when its latest direct-answer event is later than its latest dispatch.
UPDATE `tickets` SET `direct_answered` = 1 WHERE `id` IN (
  SELECT d.`ticket_id` FROM `ticket_events` d WHERE d.`action` = 'direct-answer' GROUP BY d.`ticket_id`
  HAVING max(d.`id`) > coalesce((SELECT max(p.`id`) FROM `ticket_events` p WHERE p.`ticket_id` = d.`ticket_id` AND p.`action` = 'dispatch'), 0)
);--> statement-breakpoint
CREATE INDEX `tickets_report` ON `tickets` (`created_at`,`status`,`channel`,`type`,`category`,`direct_answered`);
