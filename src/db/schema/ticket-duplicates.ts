import { sqliteTable, integer, real, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { tickets } from './tickets.js';
import { users } from './users.js';

/**
 * An earlier ticket that may be about the same matter as a newer one: found at intake, kept
 * as a candidate until an agent confirms it (the merge itself belongs to the ticket lifecycle).
 */
export const ticketDuplicates = sqliteTable(
  'ticket_duplicates',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    earlierId: integer('earlier_id')
      .notNull()
      .references(() => tickets.id),
    /** Found because the same number called. */
    sameCaller: integer('same_caller', { mode: 'boolean' }).notNull(),
    /** Found because title and content are near-identical and about the same place. */
    sameContent: integer('same_content', { mode: 'boolean' }).notNull(),
    /** Character-trigram Jaccard similarity of the two tickets' title and content, 0…1. */
    score: real('score').notNull(),
    createdAt: integer('created_at').notNull(),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    confirmedAt: integer('confirmed_at'),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.earlierId] }), index('ticket_duplicates_earlier').on(t.earlierId)],
);
