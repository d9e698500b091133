import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** Where an agent can bring or send a citizen: 110 公安, 12315 市场监管, department expert seats… */
export const linkageTargets = sqliteTable('linkage_targets', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** What the service originates, through the outbound trunk, e.g. PJSIP/110@linkage. */
  dialString: text('dial_string').notNull(),
  /** How long the target may ring before the agent is told it did not answer. */
  timeoutSeconds: integer('timeout_seconds').notNull(),
  /** Whether the ticket's summary is sent to the target's system with the call. */
  ticketTravels: integer('ticket_travels', { mode: 'boolean' }).notNull(),
  webhookUrl: text('webhook_url'),
  /**
   * Shared with the target's system: signs what we send it and what it posts back. Entered
   * by an admin, never returned by the API.
   */
  webhookSecret: text('webhook_secret'),
  position: integer('position').notNull(),
});
