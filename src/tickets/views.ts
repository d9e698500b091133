import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { assignmentStatuses, ticketChannels, ticketStatuses, ticketTypes, ticketUrgencies, tickets } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { Nullable, OneOf } from '../http/schemas.js';
import { deadlineFlag } from './deadlines.js';
import { callbackResults } from './lifecycle.js';
import type { ActingUser } from './lifecycle-service.js';
import type { Assignment } from './lifecycle-repository.js';
import type { Ticket } from './repository.js';
import { TicketSurveyView, surveyCall, surveyFields } from '../callback-surveys/views.js';

export const TicketView = Type.Object({
  number: Type.String(),
  caller: Type.String(),
  status: OneOf(ticketStatuses),
  type: OneOf(ticketTypes),
  urgency: OneOf(ticketUrgencies),
  category: Type.String(),
  channel: OneOf(ticketChannels),
  title: Type.String(),
  content: Type.String(),
  citizenName: Nullable(Type.String()),
  address: Nullable(Type.String()),
  callId: Nullable(Type.String()),
  /** The knowledge-base article a direct answer cited. */
  articleId: Nullable(Type.Integer()),
  agentId: Nullable(Type.Integer()),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
});

const Flag = OneOf(['on-time', 'near', 'overdue'] as const);
export const PartDeadline = Type.Object({ kind: OneOf(['sign-for', 'completion'] as const), dueAt: Type.Integer(), usedPercent: Type.Integer(), flag: Flag });

/** For a part still with its unit: the deadline it works against (sign-for until signed, then completion) and how it stands; null once replied or closed. */
export function partDeadline(app: FastifyInstance, a: Assignment, calendar = app.ticketCalendar(), now = app.clock()) {
  if (a.status !== 'dispatched' && a.status !== 'handling') return null;
  const kind = a.status === 'dispatched' ? ('sign-for' as const) : ('completion' as const);
  const dueAt = kind === 'sign-for' ? a.signForDueAt : a.dueAt;
  return { kind, dueAt, ...deadlineFlag(calendar, a.dispatchedAt, dueAt, now, app.config.DEADLINE_NEAR_PERCENT) };
}

export const AssignmentView = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  status: OneOf(assignmentStatuses),
  dispatchedAt: Type.Integer(),
  signForDueAt: Type.Integer(),
  signedForAt: Nullable(Type.Integer()),
  dueAt: Type.Integer(),
  repliedAt: Nullable(Type.Integer()),
  reply: Nullable(Type.String()),
  /** Why the reply looks perfunctory, for the reviewer; null when it does not. */
  replyFlag: Nullable(Type.String()),
  extensionRequest: Nullable(Type.Object({ minutes: Type.Integer(), reason: Type.String() })),
  /** For parts still with the unit: how the deadline it works against stands. */
  deadline: Nullable(PartDeadline),
});

export const AttachmentView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  unitId: Nullable(Type.Integer()),
  createdAt: Type.Integer(),
});

export const TicketDetail = Type.Object({
  ...TicketView.properties,
  mergedInto: Nullable(Type.String()),
  /** The duplicates merged into this ticket. */
  mergedFrom: Type.Array(Type.String()),
  /** What the citizen keyed in the survey after the call the ticket came from; null: not surveyed or no key. */
  callSurveyResult: Nullable(OneOf(callbackResults)),
  /** The service's 智能回访 of the ticket's latest completion, with its calls; null: never completed. */
  callbackSurvey: Nullable(TicketSurveyView),
  assignments: Type.Array(AssignmentView),
  attachments: Type.Array(AttachmentView),
});

export const ticketView = ({ id: _id, createdBy: _by, mergedIntoId: _merged, ...ticket }: Ticket) => ticket;

/** The ticket with its units' parts (deadlines flagged against the clock) and its attachments. */
export function ticketDetail(app: FastifyInstance, ticket: Ticket) {
  const now = app.clock();
  const calendar = app.ticketCalendar();
  const units = new Map(app.handlingUnits.list().map((u) => [u.id, u.name]));
  const mergedInto = ticket.mergedIntoId == null ? null : (app.db.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, ticket.mergedIntoId)).get()?.number ?? null);
  const mergedFrom = app.db.select({ number: tickets.number }).from(tickets).where(eq(tickets.mergedIntoId, ticket.id)).orderBy(asc(tickets.id)).all().map((t) => t.number);
  return {
    ...ticketView(ticket),
    mergedInto,
    mergedFrom,
    // Read from the call each time: the survey may end before or after the ticket is saved.
    callSurveyResult: ticket.callId ? (app.callLog.get(ticket.callId)?.surveyResult ?? null) : null,
    callbackSurvey: callbackSurveyOf(app, ticket.id),
    assignments: app.lifecycleRepository.assignments(ticket.id).map((a) => ({
        unitId: a.unitId,
        unitName: units.get(a.unitId) ?? String(a.unitId),
        status: a.status,
        dispatchedAt: a.dispatchedAt,
        signForDueAt: a.signForDueAt,
        signedForAt: a.signedForAt,
        dueAt: a.dueAt,
        repliedAt: a.repliedAt,
        reply: a.reply,
        replyFlag: a.replyFlag,
        extensionRequest: a.extensionMinutes == null ? null : { minutes: a.extensionMinutes, reason: a.extensionReason ?? '' },
        deadline: partDeadline(app, a, calendar, now),
    })),
    attachments: app.ticketAttachments.list(ticket.id).map(({ id, name, contentType, size, unitId, createdAt }) => ({ id, name, contentType, size, unitId, createdAt })),
  };
}

function callbackSurveyOf(app: FastifyInstance, ticketId: number) {
  const latest = app.callbackSurveys.latestOf(ticketId);
  return latest && { ...surveyFields(latest.survey, app.config.CALLBACK_SURVEY_ATTEMPTS), calls: latest.attempts.map(surveyCall) };
}

export function actingUser(request: FastifyRequest): ActingUser {
  const user = request.user!;
  if (user.role === 'unit') return { actor: { kind: 'unit', unitId: user.unitId ?? -1 }, userId: user.id };
  return { actor: { kind: 'hotline', role: user.role }, userId: user.id };
}

/** The units whose tickets a unit user sees: their own and every unit below it; null for hotline staff, who see all. */
export function unitScope(app: FastifyInstance, request: FastifyRequest): number[] | null {
  const user = request.user!;
  if (user.role !== 'unit') return null;
  return user.unitId == null ? [] : app.handlingUnits.subtree(user.unitId);
}

/**
 * The ticket, if the user may see it: hotline staff see every ticket; a unit user those
 * dispatched to their unit or a unit below it, and any other is "not found", as if it did not exist.
 */
export function visibleTicket(app: FastifyInstance, request: FastifyRequest, number: string): Ticket {
  const ticket = app.ticketsRepository.findByNumber(number);
  const scope = unitScope(app, request);
  if (!ticket || (scope && (!scope.length || !app.lifecycleRepository.unitsHaveTicket(scope, ticket.id)))) {
    throw new errors.NotFound(`Ticket ${number}`);
  }
  return ticket;
}
