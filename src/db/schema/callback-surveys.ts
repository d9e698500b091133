import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import type { CallbackResult } from '../../tickets/lifecycle.js';
import { tickets } from './tickets.js';

/**
 * The 智能回访 of a completed ticket: pending until its next attempt is due, calling while a
 * call is out, then done (a key was pressed), failed (attempts used up, or no number to call:
 * a human calls back) or cancelled (the ticket was called back by a human first).
 */
export const callbackSurveyStatuses = ['pending', 'calling', 'done', 'failed', 'cancelled'] as const;
export type CallbackSurveyStatus = (typeof callbackSurveyStatuses)[number];

/**
 * Why an attempt got no answer to the survey. `no-key`: answered, but no valid key (or hung
 * up first); `restart`: the call was cut by the service's own restart; `no-number`: the ticket
 * has no number a call can reach, so no attempt is made at all.
 */
export const callbackSurveyFailures = ['busy', 'no-answer', 'unreachable', 'no-key', 'restart', 'no-number'] as const;
export type CallbackSurveyFailure = (typeof callbackSurveyFailures)[number];

/** One row each time a ticket becomes completed; a reopened ticket completed again is surveyed again. */
export const callbackSurveys = sqliteTable(
  'callback_surveys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    status: text('status', { enum: callbackSurveyStatuses }).notNull(),
    /** Attempts made so far (an attempt is counted when its call is placed). */
    attempts: integer('attempts').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastFailure: text('last_failure', { enum: callbackSurveyFailures }),
    result: text('result').$type<CallbackResult>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('callback_surveys_ticket').on(t.ticketId), index('callback_surveys_due').on(t.status, t.nextAttemptAt)],
);

/** Every outbound call of a survey, written when it is placed and again when it ends. */
export const callbackSurveyAttempts = sqliteTable(
  'callback_survey_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => callbackSurveys.id),
    /** The Asterisk channel of the call, so a restart can find and end it. */
    channelId: text('channel_id').notNull(),
    startedAt: integer('started_at').notNull(),
    answeredAt: integer('answered_at'),
    endedAt: integer('ended_at'),
    /** Null while the call is out, and for an attempt that got its key. */
    failure: text('failure', { enum: callbackSurveyFailures }),
    key: text('key'),
  },
  (t) => [index('callback_survey_attempts_survey').on(t.surveyId)],
);

export type CallbackSurvey = typeof callbackSurveys.$inferSelect;
export type CallbackSurveyAttempt = typeof callbackSurveyAttempts.$inferSelect;
