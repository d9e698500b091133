import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { handlingUnits } from './handling-units.js';
import { ticketStatuses, ticketTypes, ticketUrgencies, tickets } from './tickets.js';
import { users } from './users.js';

/** One unit's part of a ticket; `returned` and `completed` parts are history, the others active. */
export const assignmentStatuses = ['dispatched', 'handling', 'replied', 'returned', 'completed'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** A ticket dispatched to a unit, with that unit's deadlines, reply and extension request. */
export const ticketAssignments = sqliteTable(
  'ticket_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    status: text('status', { enum: assignmentStatuses }).notNull(),
    dispatchedAt: integer('dispatched_at').notNull(),
    signForDueAt: integer('sign_for_due_at').notNull(),
    signedForAt: integer('signed_for_at'),
    /** Completion deadline: the reply is due by then; an approved extension moves it. */
    dueAt: integer('due_at').notNull(),
    repliedAt: integer('replied_at'),
    reply: text('reply'),
    /** Why the reply looks perfunctory (too short, a stock phrase), or null. */
    replyFlag: text('reply_flag'),
    extensionMinutes: integer('extension_minutes'),
    extensionReason: text('extension_reason'),
    /**
     * When the part first belongs on the supervisor's list (its earliest open deadline near), on
     * the calendar as it was when written; null once it has left its unit's hands. Written by the
     * lifecycle with every change, so the list is a range of ticket_assignments_flag.
     */
    flagAt: integer('flag_at'),
    /**
     * The ticket's first part for this unit: false for a ticket sent to the same unit again after
     * a return. By unit the tickets report counts a ticket once per unit, on this part.
     */
    firstForUnit: integer('first_for_unit', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    // Also covers the tickets report's deadline figures: a month's parts are read from the index alone.
    index('ticket_assignments_ticket').on(t.ticketId, t.unitId, t.status, t.signForDueAt, t.signedForAt, t.dueAt, t.repliedAt, t.firstForUnit),
    // Holds the ticket too, so a unit's list gathers its ticket ids from the index alone.
    index('ticket_assignments_unit').on(t.unitId, t.status, t.ticketId),
    index('ticket_assignments_status').on(t.status),
    index('ticket_assignments_flag').on(t.flagAt).where(sql`${t.flagAt} is not null`),
  ],
);

/**
 * Every transition of a ticket: who, when, from which status to which, with a note. Written in
 * the transaction that changes the status. A supervision for a missed deadline carries the
 * deadline's key, unique per ticket, so the periodic sweep records it once however often it runs.
 */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: ticketStatuses }).notNull(),
    toStatus: text('to_status', { enum: ticketStatuses }).notNull(),
    /** Null for the service itself (the supervision sweep). */
    userId: integer('user_id').references(() => users.id),
    unitId: integer('unit_id').references(() => handlingUnits.id),
    note: text('note'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    deadlineKey: text('deadline_key'),
    at: integer('at').notNull(),
  },
  (t) => [
    index('ticket_events_ticket').on(t.ticketId, t.at),
    index('ticket_events_action').on(t.action, t.at),
    uniqueIndex('ticket_events_deadline').on(t.ticketId, t.deadlineKey).where(sql`${t.deadlineKey} is not null`),
  ],
);

/** Files a unit uploads with its reply; stored under ATTACHMENTS_DIR by a generated name. */
export const ticketAttachments = sqliteTable(
  'ticket_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    unitId: integer('unit_id').references(() => handlingUnits.id),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storedName: text('stored_name').notNull().unique(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ticket_attachments_ticket').on(t.ticketId)],
);

/** An admin's deadlines for one ticket type and urgency, in working minutes; absent rows use the defaults. */
export const ticketDeadlinePolicies = sqliteTable(
  'ticket_deadline_policies',
  {
    type: text('type', { enum: ticketTypes }).notNull(),
    urgency: text('urgency', { enum: ticketUrgencies }).notNull(),
    signForMinutes: integer('sign_for_minutes').notNull(),
    completionMinutes: integer('completion_minutes').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.type, t.urgency] })],
);
