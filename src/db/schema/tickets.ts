import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

export const ticketStatuses = ['intake', 'dispatched', 'signed-for', 'handling', 'replied', 'completed', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Digits only, so a caller can key it on the phone to hear its progress. */
    number: text('number').notNull().unique(),
    caller: text('caller').notNull(),
    status: text('status', { enum: ticketStatuses }).notNull(),
    title: text('title').notNull(),
    callId: text('call_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('tickets_caller').on(t.caller, t.createdAt)],
);
