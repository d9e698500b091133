import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { agents } from './agents.js';
import { users } from './users.js';
import { kbArticles } from './kb.js';

export const ticketStatuses = ['intake', 'dispatched', 'signed-for', 'handling', 'replied', 'completed', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

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
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('tickets_caller').on(t.caller, t.createdAt), index('tickets_call_id').on(t.callId), index('tickets_created_at').on(t.createdAt)],
);
