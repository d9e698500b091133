import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { chinaDayNumber } from '../china-day.js';
import { agents } from './agents.js';
import { users } from './users.js';
import { kbArticles } from './kb.js';

/**
 * Where a ticket is in the loop (src/tickets/lifecycle.ts holds the rules). `completed` is
 * accepted by the hotline and waiting for its callback; `returned` and `reopened` wait for the
 * hotline to dispatch again; `merged` lives on in another ticket.
 */
export const ticketStatuses = ['intake', 'dispatched', 'handling', 'replied', 'completed', 'closed', 'returned', 'reopened', 'merged'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** 一般 / 紧急 / 特急: with the type, it chooses the ticket's deadlines. */
export const ticketUrgencies = ['normal', 'urgent', 'critical'] as const;
export type TicketUrgency = (typeof ticketUrgencies)[number];

/** 咨询 / 投诉 / 求助 / 建议 / 举报 / 表扬 */
export const ticketTypes = ['consult', 'complaint', 'help', 'suggestion', 'report', 'praise'] as const;
export type TicketType = (typeof ticketTypes)[number];

export const ticketChannels = ['phone', 'web', 'app', 'wechat'] as const;
export type TicketChannel = (typeof ticketChannels)[number];

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Digits only, so a caller can key it on the phone to hear its progress. */
    number: text('number').notNull().unique(),
    caller: text('caller').notNull(),
    status: text('status', { enum: ticketStatuses }).notNull(),
    urgency: text('urgency', { enum: ticketUrgencies }).notNull().default('normal'),
    type: text('type', { enum: ticketTypes }).notNull().default('consult'),
    category: text('category').notNull().default('other'),
    channel: text('channel', { enum: ticketChannels }).notNull().default('phone'),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    citizenName: text('citizen_name'),
    address: text('address'),
    callId: text('call_id'),
    /** The knowledge-base article a direct answer cited. */
    articleId: integer('article_id').references(() => kbArticles.id),
    agentId: integer('agent_id').references(() => agents.id),
    createdBy: integer('created_by').references(() => users.id),
    /** The ticket this duplicate was merged into. */
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => tickets.id),
    /**
     * Whether the ticket's latest direct answer or dispatch was a direct answer (直接办结): kept on
     * the row by the lifecycle, so the tickets report reads it from tickets_report, not the events.
     */
    directAnswered: integer('direct_answered', { mode: 'boolean' }).notNull().default(false),
    /**
     * Callbacks (回访) recorded with a result, and how many of them were satisfied or basically
     * satisfied: counted on the row by the lifecycle for the tickets report, like directAnswered.
     */
    callbacks: integer('callbacks').notNull().default(0),
    callbacksSatisfied: integer('callbacks_satisfied').notNull().default(0),
    /**
     * The units' parts summed, rewritten by the lifecycle with every change to them: how many
     * were signed for, signed for by the deadline, replied to, replied to by the deadline. The
     * tickets report adds the parts still open past a deadline, which only the clock decides.
     */
    partsSignedFor: integer('parts_signed_for').notNull().default(0),
    partsSignedForOnTime: integer('parts_signed_for_on_time').notNull().default(0),
    partsReplied: integer('parts_replied').notNull().default(0),
    partsRepliedOnTime: integer('parts_replied_on_time').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('tickets_caller').on(t.caller, t.createdAt),
    index('tickets_call_id').on(t.callId),
    // A status's tickets newest first: the ticket list's page and capped total read one range of it.
    index('tickets_status').on(t.status, t.createdAt),
    // The ticket list newest first, its status, channel, type and category filters checked in the
    // index before a row is read.
    index('tickets_created').on(t.createdAt, t.status, t.channel, t.type, t.category),
    // The tickets report reads a range of days from this index alone, already in the order of its
    // groups (day, channel, type, category), so SQLite sums them without sorting a month of rows.
    index('tickets_report').on(
      chinaDayNumber(t.createdAt),
      t.channel,
      t.type,
      t.category,
      t.status,
      t.directAnswered,
      t.callbacks,
      t.callbacksSatisfied,
      t.partsSignedFor,
      t.partsSignedForOnTime,
      t.partsReplied,
      t.partsRepliedOnTime,
      t.createdAt,
    ),
    index('tickets_merged_into').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);
