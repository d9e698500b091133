import { Type } from '@sinclair/typebox';
import { callbackSurveyFailures, callbackSurveyStatuses, type CallbackSurvey, type CallbackSurveyAttempt } from '../db/schema/index.js';
import { Nullable, OneOf } from '../http/schemas.js';
import { callbackResults } from '../tickets/lifecycle.js';

const SurveyFields = {
  status: OneOf(callbackSurveyStatuses),
  /** Calls placed so far, of `maxAttempts`. */
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  /** When the next call is placed; null unless pending. */
  nextAttemptAt: Nullable(Type.Integer()),
  lastFailure: Nullable(OneOf(callbackSurveyFailures)),
  result: Nullable(OneOf(callbackResults)),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
};

export const SurveyCallView = Type.Object({
  startedAt: Type.Integer(),
  answeredAt: Nullable(Type.Integer()),
  endedAt: Nullable(Type.Integer()),
  failure: Nullable(OneOf(callbackSurveyFailures)),
  key: Nullable(Type.String()),
});

/** The survey as the ticket's detail shows it, with each call placed. */
export const TicketSurveyView = Type.Object({ ...SurveyFields, calls: Type.Array(SurveyCallView) });

/** A row of the supervisors' list. */
export const SurveyListItem = Type.Object({
  id: Type.Integer(),
  ticket: Type.String(),
  title: Type.String(),
  ticketStatus: Type.String(),
  caller: Type.String(),
  ...SurveyFields,
});

export function surveyFields(s: CallbackSurvey, maxAttempts: number) {
  return {
    status: s.status,
    attempts: s.attempts,
    maxAttempts,
    nextAttemptAt: s.status === 'pending' ? s.nextAttemptAt : null,
    lastFailure: s.lastFailure,
    result: s.result,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function surveyCall(a: CallbackSurveyAttempt) {
  return { startedAt: a.startedAt, answeredAt: a.answeredAt, endedAt: a.endedAt, failure: a.failure, key: a.key };
}
