-- Hand-written: drizzle-kit cannot express FTS5. The ticket list's search for part of a title
-- or of a caller's number ("%…%") can use no B-tree index, so a rare term read every ticket;
-- this trigram index finds it at once. External content: only the index is stored, the text
-- stays in tickets; the triggers keep it in step inside whatever transaction changes a ticket.
-- Terms under 3 characters cannot be matched through it (src/tickets/list.ts falls back).
CREATE VIRTUAL TABLE `tickets_search` USING fts5(title, caller, content='tickets', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO tickets_search(tickets_search) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `tickets_search_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO tickets_search(rowid, title, caller) VALUES (new.id, new.title, new.caller);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_delete` AFTER DELETE ON `tickets` BEGIN
  INSERT INTO tickets_search(tickets_search, rowid, title, caller) VALUES ('delete', old.id, old.title, old.caller);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_search_update` AFTER UPDATE OF title, caller ON `tickets` BEGIN
  INSERT INTO tickets_search(tickets_search, rowid, title, caller) VALUES ('delete', old.id, old.title, old.caller);
  INSERT INTO tickets_search(rowid, title, caller) VALUES (new.id, new.title, new.caller);
END;
