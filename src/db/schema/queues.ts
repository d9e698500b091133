import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const queues = sqliteTable('queues', {
  name: text('name').primaryKey(),
  title: text('title').notNull(),
  /** 0 turns position announcements off after the one on entry. */
  announceEverySeconds: integer('announce_every_seconds').notNull(),
  maxWaitSeconds: integer('max_wait_seconds').notNull(),
  ringTimeoutSeconds: integer('ring_timeout_seconds').notNull(),
  wrapUpSeconds: integer('wrap_up_seconds').notNull(),
  mohClass: text('moh_class').notNull(),
  /** The ticket category the desktop preselects for calls from this queue (e.g. enterprise). */
  ticketCategory: text('ticket_category'),
});
