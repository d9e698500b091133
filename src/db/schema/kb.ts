import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

/**
 * Knowledge-base articles agents answer from. The full-text index over title and body
 * (kb_articles_fts, FTS5 with the trigram tokenizer) is hand-written SQL in the kb migration:
 * drizzle cannot express a virtual table; triggers there keep it in step with this table.
 */
export const kbArticles = sqliteTable(
  'kb_articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A code from the ticket catalogue's categories. */
    category: text('category').notNull(),
    /** The responsible unit, as free text until handling units are a table of their own. */
    unit: text('unit'),
    /** YYYY-MM-DD, China time: a policy applies from its first day to its last, both included. */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    /** Set when the article is withdrawn; a cited article is retired rather than deleted. */
    retiredAt: integer('retired_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('kb_articles_category').on(t.category, t.updatedAt)],
);
