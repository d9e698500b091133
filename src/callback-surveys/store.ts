import { and, asc, count, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Calendar } from '../calendar/model.js';
import type { Db } from '../db/client.js';
import {
  callbackSurveyAttempts,
  callbackSurveys,
  tickets,
  type CallbackSurvey,
  type CallbackSurveyAttempt,
  type CallbackSurveyFailure,
  type CallbackSurveyStatus,
} from '../db/schema/index.js';
import type { Tx } from '../menus/repository.js';
import type { CallbackResult } from '../tickets/lifecycle.js';
import type { LifecycleRepository, TicketRow } from '../tickets/lifecycle-repository.js';
import { afterFailure, callable, nextCallTime, type SurveyRules } from './policy.js';

export interface DueSurvey {
  survey: CallbackSurvey;
  ticketNumber: string;
  caller: string;
}

export interface StoreDeps {
  db: Db;
  events: LifecycleRepository;
  rules: SurveyRules;
  calendar: () => Calendar;
}

/** Open rows: a human callback cancels them; a failed one waits for exactly that. */
const open: CallbackSurveyStatus[] = ['pending', 'calling', 'failed'];

/**
 * The 智能回访 rows: one per completion of a ticket, moved through pending → calling → done or
 * failed, each attempt written as its call is placed and as it ends, and told on the ticket as
 * a ticket event at the same moment, so the ticket's history shows every call.
 */
export class CallbackSurveyStore {
  constructor(private readonly deps: StoreDeps) {}

  /**
   * Inside the transaction that completes the ticket: its survey is due at the next allowed
   * time, or failed at once when the ticket has no number to call. Returns the completion
   * event's detail.
   */
  opened(tx: Tx, ticket: TicketRow, at: number): Record<string, unknown> {
    if (!callable(ticket.caller)) {
      const row = tx
        .insert(callbackSurveys)
        .values({ ticketId: ticket.id, status: 'failed', attempts: 0, nextAttemptAt: at, lastFailure: 'no-number', createdAt: at, updatedAt: at })
        .returning()
        .get();
      return { callbackSurvey: { id: row.id, status: 'failed', reason: 'no-number' } };
    }
    const nextAttemptAt = nextCallTime(this.deps.rules, this.deps.calendar(), at) ?? at;
    const row = tx.insert(callbackSurveys).values({ ticketId: ticket.id, status: 'pending', attempts: 0, nextAttemptAt, createdAt: at, updatedAt: at }).returning().get();
    return { callbackSurvey: { id: row.id, status: 'pending', nextAttemptAt } };
  }

  /** Inside the transaction of a callback made by a person: the service no longer calls. */
  cancelled(tx: Tx, ticketId: number, at: number): void {
    tx.update(callbackSurveys)
      .set({ status: 'cancelled', updatedAt: at })
      .where(and(eq(callbackSurveys.ticketId, ticketId), inArray(callbackSurveys.status, open)))
      .run();
  }

  due(now: number, limit: number): DueSurvey[] {
    if (limit <= 0) return [];
    return this.deps.db
      .select({ survey: callbackSurveys, ticketNumber: tickets.number, caller: tickets.caller })
      .from(callbackSurveys)
      .innerJoin(tickets, eq(tickets.id, callbackSurveys.ticketId))
      .where(and(eq(callbackSurveys.status, 'pending'), lte(callbackSurveys.nextAttemptAt, now)))
      .orderBy(asc(callbackSurveys.nextAttemptAt), asc(callbackSurveys.id))
      .limit(limit)
      .all();
  }

  callingCount(): number {
    return this.deps.db.select({ n: count() }).from(callbackSurveys).where(eq(callbackSurveys.status, 'calling')).get()!.n;
  }

  /** Calls out now, with the channels their attempts were placed on. */
  calling(): Array<{ surveyId: number; channelId: string }> {
    return this.deps.db
      .select({ surveyId: callbackSurveys.id, channelId: callbackSurveyAttempts.channelId })
      .from(callbackSurveys)
      .innerJoin(callbackSurveyAttempts, and(eq(callbackSurveyAttempts.surveyId, callbackSurveys.id), isNull(callbackSurveyAttempts.endedAt)))
      .where(eq(callbackSurveys.status, 'calling'))
      .all();
  }

  /** Marks the row calling and writes its attempt and the ticket's event; null when another hand took it meanwhile. */
  startAttempt(surveyId: number, channelId: string, now: number): { attempt: number } | null {
    return this.deps.db.transaction((tx) => {
      const row = tx.select().from(callbackSurveys).where(eq(callbackSurveys.id, surveyId)).get();
      if (row?.status !== 'pending') return null;
      const attempt = row.attempts + 1;
      tx.update(callbackSurveys).set({ status: 'calling', attempts: attempt, updatedAt: now }).where(eq(callbackSurveys.id, surveyId)).run();
      tx.insert(callbackSurveyAttempts).values({ surveyId, channelId, startedAt: now }).run();
      this.ticketEvent(tx, row.ticketId, 'callback-survey-call', null, { survey: surveyId, attempt, of: this.deps.rules.attempts }, now);
      return { attempt };
    });
  }

  answered(surveyId: number, now: number): void {
    this.deps.db
      .update(callbackSurveyAttempts)
      .set({ answeredAt: now })
      .where(and(eq(callbackSurveyAttempts.surveyId, surveyId), isNull(callbackSurveyAttempts.endedAt)))
      .run();
  }

  /**
   * Inside the transaction of the service's own callback: the attempt ends with the key and
   * the survey is done. False when the survey is no longer calling (a person called back
   * meanwhile): the key is kept on the attempt, and the ticket is left as it is.
   */
  keyed(surveyId: number, key: string, result: CallbackResult, now: number, tx: Tx = this.deps.db): boolean {
    this.endAttempt(tx, surveyId, { key, failure: null }, now);
    const row = tx.select().from(callbackSurveys).where(eq(callbackSurveys.id, surveyId)).get();
    if (row?.status !== 'calling') return false;
    tx.update(callbackSurveys).set({ status: 'done', result, lastFailure: null, updatedAt: now }).where(eq(callbackSurveys.id, surveyId)).run();
    return true;
  }

  /** The survey a call belongs to. */
  get(surveyId: number): CallbackSurvey | null {
    return this.deps.db.select().from(callbackSurveys).where(eq(callbackSurveys.id, surveyId)).get() ?? null;
  }

  /** The attempt failed: the row waits for its next try, or fails once every attempt is used; the ticket is told which. */
  fail(surveyId: number, failure: CallbackSurveyFailure, now: number): CallbackSurveyStatus | null {
    return this.deps.db.transaction((tx) => {
      this.endAttempt(tx, surveyId, { key: null, failure }, now);
      const row = tx.select().from(callbackSurveys).where(eq(callbackSurveys.id, surveyId)).get();
      if (row?.status !== 'calling') return row?.status ?? null;
      const next = afterFailure(this.deps.rules, this.deps.calendar(), row.attempts, now);
      tx.update(callbackSurveys)
        .set({ status: next.status, lastFailure: failure, updatedAt: now, ...(next.status === 'pending' ? { nextAttemptAt: next.nextAttemptAt } : {}) })
        .where(eq(callbackSurveys.id, surveyId))
        .run();
      const detail = { survey: surveyId, attempt: row.attempts, reason: failure, retryAt: next.status === 'pending' ? next.nextAttemptAt : null };
      this.ticketEvent(tx, row.ticketId, 'callback-survey-failed', next.status === 'failed' ? '智能回访未成功，请人工回访' : null, detail, now);
      return next.status;
    });
  }

  list(status: CallbackSurveyStatus | undefined, limit: number) {
    return this.deps.db
      .select({ survey: callbackSurveys, ticketNumber: tickets.number, ticketTitle: tickets.title, ticketStatus: tickets.status, caller: tickets.caller })
      .from(callbackSurveys)
      .innerJoin(tickets, eq(tickets.id, callbackSurveys.ticketId))
      .where(status ? eq(callbackSurveys.status, status) : undefined)
      .orderBy(status === 'pending' ? asc(callbackSurveys.nextAttemptAt) : desc(callbackSurveys.updatedAt), desc(callbackSurveys.id))
      .limit(limit)
      .all();
  }

  /** The ticket's newest survey with its attempts, for the ticket's detail. */
  latestOf(ticketId: number): { survey: CallbackSurvey; attempts: CallbackSurveyAttempt[] } | null {
    const survey = this.deps.db.select().from(callbackSurveys).where(eq(callbackSurveys.ticketId, ticketId)).orderBy(desc(callbackSurveys.id)).limit(1).get();
    if (!survey) return null;
    const attempts = this.deps.db.select().from(callbackSurveyAttempts).where(eq(callbackSurveyAttempts.surveyId, survey.id)).orderBy(asc(callbackSurveyAttempts.id)).all();
    return { survey, attempts };
  }

  private endAttempt(tx: Tx, surveyId: number, end: { key: string | null; failure: CallbackSurveyFailure | null }, now: number): void {
    tx.update(callbackSurveyAttempts)
      .set({ ...end, endedAt: now })
      .where(and(eq(callbackSurveyAttempts.surveyId, surveyId), isNull(callbackSurveyAttempts.endedAt)))
      .run();
  }

  /** An event on the ticket that leaves its status as it is: the survey's calls do not move it. */
  private ticketEvent(tx: Tx, ticketId: number, action: string, note: string | null, detail: Record<string, unknown>, at: number): void {
    const ticket = tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId)).get()!;
    this.deps.events.recordEvent({ ticketId, action, fromStatus: ticket.status, toStatus: ticket.status, userId: null, unitId: null, note, detail, deadlineKey: null, at }, tx);
  }
}
