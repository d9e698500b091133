import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { tickets } from './tickets.js';

/**
 * A ticket summary owed to a linkage target's system (an outbox): kept until the target
 * acknowledges it with a 2xx, retried with backoff meanwhile.
 */
export const linkageDeliveries = sqliteTable(
  'linkage_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetCode: text('target_code').notNull(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    callId: text('call_id'),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('linkage_deliveries_due').on(t.status, t.nextAttemptAt), index('linkage_deliveries_ticket').on(t.ticketId, t.targetCode)],
);

/** Every try at a delivery, answered or not. */
export const linkageDeliveryAttempts = sqliteTable(
  'linkage_delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => linkageDeliveries.id),
    at: integer('at').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('linkage_delivery_attempts_delivery').on(t.deliveryId, t.id)],
);

/** What a target's system reported back about a ticket it received. */
export const linkageFeedback = sqliteTable(
  'linkage_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetCode: text('target_code').notNull(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** The target's own reference (警情号, its case number). */
    externalId: text('external_id'),
    status: text('status', { enum: ['received', 'handling', 'handled', 'rejected'] }).notNull(),
    result: text('result').notNull(),
    handledBy: text('handled_by'),
    reportedAt: integer('reported_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [index('linkage_feedback_ticket').on(t.ticketId, t.id)],
);
