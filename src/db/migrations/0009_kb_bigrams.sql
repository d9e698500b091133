-- Hand-written: drizzle-kit cannot express FTS5. The trigram index cannot look up a term of
-- two characters (停水), the commonest length of a Chinese word, so a second index holds every
-- 2-character sequence of title and body as its own token: kb_bigrams() is the service's
-- function (src/db/functions.ts), registered on every connection before the migrations run.
-- Contentless (the text is in kb_articles already); contentless_delete lets a row be replaced.
CREATE VIRTUAL TABLE `kb_articles_bigrams` USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61');
--> statement-breakpoint
INSERT INTO kb_articles_bigrams(rowid, grams) SELECT id, kb_bigrams(title || ' ' || body) FROM kb_articles;
--> statement-breakpoint
CREATE TRIGGER `kb_articles_bigrams_insert` AFTER INSERT ON `kb_articles` BEGIN
  INSERT INTO kb_articles_bigrams(rowid, grams) VALUES (new.id, kb_bigrams(new.title || ' ' || new.body));
END;
--> statement-breakpoint
CREATE TRIGGER `kb_articles_bigrams_delete` AFTER DELETE ON `kb_articles` BEGIN
  DELETE FROM kb_articles_bigrams WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `kb_articles_bigrams_update` AFTER UPDATE OF title, body ON `kb_articles` BEGIN
  DELETE FROM kb_articles_bigrams WHERE rowid = old.id;
  INSERT INTO kb_articles_bigrams(rowid, grams) VALUES (new.id, kb_bigrams(new.title || ' ' || new.body));
END;
