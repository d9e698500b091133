CREATE TABLE `kb_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`category` text NOT NULL,
	`unit` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`retired_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kb_articles_category` ON `kb_articles` (`category`,`updated_at`);--> statement-breakpoint
CREATE TABLE `ticket_duplicates` (
	`ticket_id` integer NOT NULL,
	`earlier_id` integer NOT NULL,
	`same_caller` integer NOT NULL,
	`same_content` integer NOT NULL,
	`score` real NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_by` integer,
	`confirmed_at` integer,
	PRIMARY KEY(`ticket_id`, `earlier_id`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`earlier_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_duplicates_earlier` ON `ticket_duplicates` (`earlier_id`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `article_id` integer REFERENCES kb_articles(id);--> statement-breakpoint
CREATE INDEX `tickets_created_at` ON `tickets` (`created_at`);--> statement-breakpoint
-- Hand-written: drizzle-kit cannot express FTS5. The index holds only title and body, read
-- from kb_articles (external content); the triggers keep it in step inside whatever
-- transaction changes an article. trigram indexes every 3-character sequence, which suits
-- Chinese (no spaces between words) but cannot match a term shorter than 3 characters.
CREATE VIRTUAL TABLE `kb_articles_fts` USING fts5(title, body, content='kb_articles', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `kb_articles_fts_insert` AFTER INSERT ON `kb_articles` BEGIN
  INSERT INTO kb_articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `kb_articles_fts_delete` AFTER DELETE ON `kb_articles` BEGIN
  INSERT INTO kb_articles_fts(kb_articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `kb_articles_fts_update` AFTER UPDATE OF title, body ON `kb_articles` BEGIN
  INSERT INTO kb_articles_fts(kb_articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO kb_articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
