import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { agents } from './agents.js';
import type { CallbackResult } from '../../tickets/lifecycle.js';

/** survey: the agent has hung up and the citizen is keying the post-call survey. */
export const callPhases = ['ivr', 'queued', 'ringing', 'talking', 'survey', 'ended'] as const;
export type CallPhase = (typeof callPhases)[number];

export const callOutcomes = [
  'completed',
  'abandoned-in-ivr',
  'abandoned-in-queue',
  'overflowed',
  'ended-in-ivr',
  'lost',
  /** A call back to a citizen that did not reach them (agent or citizen did not answer). */
  'callback-failed',
  /** The IVR put the caller through to a linkage target, who answered. */
  'transferred',
  /** The caller left a message in the IVR; it waits on the callback list. */
  'message-left',
] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export const noTicketReasons = ['wrong-number', 'silent', 'repeat', 'prank', 'test', 'transferred-out'] as const;
export type NoTicketReason = (typeof noTicketReasons)[number];

export interface IvrStep {
  nodeId: string;
  kind: string;
  label: string;
  key: string | null;
  at: number;
}

/** The per-call summary, kept current as the call's events are appended. */
export const calls = sqliteTable(
  'calls',
  {
    id: text('id').primaryKey(),
    channelId: text('channel_id').notNull(),
    caller: text('caller').notNull(),
    dialed: text('dialed').notNull(),
    menuName: text('menu_name'),
    menuVersion: integer('menu_version'),
    phase: text('phase', { enum: callPhases }).notNull(),
    startedAt: integer('started_at').notNull(),
    answeredAt: integer('answered_at'),
    /** The prompt language the caller chose in the IVR (null: the hotline's default). */
    language: text('language'),
    ivrPath: text('ivr_path', { mode: 'json' }).$type<IvrStep[]>().notNull(),
    queue: text('queue'),
    enqueuedAt: integer('enqueued_at'),
    waitMs: integer('wait_ms'),
    agentId: integer('agent_id').references(() => agents.id),
    agentAnsweredAt: integer('agent_answered_at'),
    talkMs: integer('talk_ms'),
    endedAt: integer('ended_at'),
    outcome: text('outcome', { enum: callOutcomes }),
    hangupCause: integer('hangup_cause'),
    hangupCauseText: text('hangup_cause_text'),
    /** Why an answered call has no ticket (wrong number, silent call, repeat of an existing ticket…). */
    noTicketReason: text('no_ticket_reason', { enum: noTicketReasons }),
    /** For a repeat call: the ticket it repeats. */
    relatedTicketId: integer('related_ticket_id'),
    /** The key-press survey after the call (1 满意, 2 基本满意, 3 不满意); null: not surveyed or no key pressed. */
    surveyResult: text('survey_result').$type<CallbackResult>(),
  },
  (t) => [
    index('calls_started_at').on(t.startedAt),
    index('calls_caller_started_at').on(t.caller, t.startedAt),
    index('calls_phase').on(t.phase),
    // An agent's latest answered call: the ticket they still owe, the call their desktop shows in wrap-up.
    index('calls_agent_answered').on(t.agentId, t.agentAnsweredAt),
  ],
);

/** Append-only: what happened on a call, written as it happens. */
export const callEvents = sqliteTable(
  'call_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    at: integer('at').notNull(),
    type: text('type').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('call_events_call_id').on(t.callId, t.id)],
);

/** overflow and abandoned come from the queue; ivr-message from a message node in the menu. */
export const callbackReasons = ['overflow', 'abandoned', 'message', 'ivr-message'] as const;
export type CallbackReason = (typeof callbackReasons)[number];

export const callbackRequests = sqliteTable(
  'callback_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id),
    number: text('number').notNull(),
    queue: text('queue').notNull(),
    createdAt: integer('created_at').notNull(),
    status: text('status', { enum: ['pending', 'done'] }).notNull(),
    /** Why the citizen is owed a call: they asked for one on overflow, or hung up while waiting. */
    reason: text('reason', { enum: callbackReasons }).notNull().default('overflow'),
    doneAt: integer('done_at'),
    doneBy: integer('done_by').references(() => agents.id),
    /** The outbound call that reached the citizen. */
    callbackCallId: text('callback_call_id'),
  },
  (t) => [index('callback_requests_status').on(t.status, t.createdAt)],
);
