import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
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
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('tickets_caller').on(t.caller, t.createdAt),
    index('tickets_call_id').on(t.callId),
    // A status's tickets newest first: the ticket list's page and capped total read one range of it.
    index('tickets_status').on(t.status, t.createdAt),
    // Covers the tickets report: a month's tickets with their status, groupings and direct answers
    // are read from the index alone, not from rows that carry the title, content and address.
    index('tickets_report').on(t.createdAt, t.status, t.channel, t.type, t.category, t.directAnswered),
    index('tickets_merged_into').on(t.mergedIntoId).where(sql`${t.mergedIntoId} is not null`),
  ],
);
