import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { assignmentStatuses, ticketUrgencies } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable, OneOf } from '../http/schemas.js';
import { callbackResults } from './lifecycle.js';
import type { ActingUser } from './lifecycle-service.js';
import type { TicketRow } from './lifecycle-repository.js';
import { PartDeadline, TicketDetail, TicketView, actingUser, partDeadline, ticketDetail, ticketView, visibleTicket } from './views.js';

const NumberParam = Type.Object({ number: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const note = Type.Optional(Type.String({ maxLength: 1000 }));
const reason = Type.String({ minLength: 1, maxLength: 1000 });
const unitIds = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20 });
const body = <T extends Record<string, TSchema>>(properties: T) => Type.Object(properties, { additionalProperties: false });

/** A text the rules need said (a reason, an answer): blank is as bad as missing. */
function said(field: string, value: string): string {
  const text = value.trim();
  if (!text) throw new errors.InvalidInput(`${field}: must not be blank`);
  return text;
}
const optional = (value: string | undefined) => value?.trim() || null;

/**
 * One route per lifecycle action under /api/tickets/:number/…, the units' inbox and the
 * supervisors' overdue list. The rules live in lifecycle.ts; an action the ticket's status does
 * not allow is a 409 naming the status.
 */
const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  /** Registers POST /:number/<path>: checks the user may see the ticket, then runs the action. */
  const action = <B extends TSchema>(path: string, schema: B, run: (number: string, by: ActingUser, body: B['static'], request: FastifyRequest) => TicketRow, forUnits = false) =>
    app.post(
      `/:number/${path}`,
      {
        config: { units: forUnits },
        // A bare POST (sign-for, accept) is an empty body, so a missing required field is named, not "body must be object".
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: { params: NumberParam, body: schema, response: { 200: TicketDetail, ...errorsOf } },
      },
      async (request) => {
        const { number } = request.params as { number: string };
        const seen = visibleTicket(app, request, number);
        // A unit above the one a ticket went to reads it; only the unit holding a part acts on it.
        const unitId = request.user!.unitId;
        if (forUnits && request.user!.role === 'unit' && !app.lifecycleRepository.unitsHaveTicket([unitId ?? -1], seen.id)) {
          throw new errors.Forbidden(`ticket ${number} was dispatched to a unit below yours; your unit may read it but not act on it`);
        }
        const ticket = run(number, actingUser(request), request.body as B['static'], request);
        request.log.info({ ticket: number, action: path, status: ticket.status, by: request.user!.username }, 'ticket action');
        return ticketDetail(app, ticket);
      },
    );

  action('direct-answer', body({ answer: Type.String({ minLength: 1, maxLength: 5000 }) }), (n, by, b) => app.ticketLifecycle.directAnswer(n, by, said('answer', b.answer)));
  action('dispatch', body({ units: unitIds, urgency: Type.Optional(OneOf(ticketUrgencies)), note }), (n, by, b) =>
    app.ticketLifecycle.dispatch(n, by, b.units, optional(b.note), b.urgency),
  );
  action('sign-for', body({ note }), (n, by, b) => app.ticketLifecycle.signFor(n, by, optional(b.note)), true);
  action(
    'reply',
    body({ text: Type.String({ minLength: 1, maxLength: 5000 }), attachments: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 20, uniqueItems: true })) }),
    (n, by, b) => app.ticketLifecycle.reply(n, by, said('text', b.text), b.attachments ?? []),
    true,
  );
  action('return', body({ reason }), (n, by, b) => app.ticketLifecycle.returnByUnit(n, by, said('reason', b.reason)), true);
  action('accept', body({ note, acceptFlagged: Type.Optional(Type.Boolean()) }), (n, by, b) => app.ticketLifecycle.accept(n, by, optional(b.note), b.acceptFlagged ?? false));
  action('send-back', body({ reason, units: Type.Optional(unitIds) }), (n, by, b) => app.ticketLifecycle.sendBack(n, by, said('reason', b.reason), b.units));
  // At most 30 working days of the default calendar at a time.
  action('extension', body({ minutes: Type.Integer({ minimum: 30, maximum: 13_500 }), reason }), (n, by, b) => app.ticketLifecycle.requestExtension(n, by, b.minutes, said('reason', b.reason)), true);
  action('extension/approve', body({ unitId: Type.Optional(Type.Integer({ minimum: 1 })), note }), (n, by, b) => app.ticketLifecycle.decideExtension(n, by, true, optional(b.note), b.unitId));
  action('extension/refuse', body({ unitId: Type.Optional(Type.Integer({ minimum: 1 })), note }), (n, by, b) => app.ticketLifecycle.decideExtension(n, by, false, optional(b.note), b.unitId));
  action('supervise', body({ note }), (n, by, b) => app.ticketLifecycle.supervise(n, by, optional(b.note)));
  action('callback', body({ result: OneOf(callbackResults), note }), (n, by, b) => app.ticketLifecycle.callback(n, by, b.result, optional(b.note)));
  action('reopen', body({ reason }), (n, by, b) => app.ticketLifecycle.reopen(n, by, said('reason', b.reason)));
  action('merge', body({ into: Type.String({ pattern: '^[0-9]{1,20}$' }), note }), (n, by, b) => app.ticketLifecycle.merge(n, by, b.into, optional(b.note)));

  app.get(
    '/:number/events',
    {
      config: { units: true },
      schema: {
        params: NumberParam,
        response: {
          200: Type.Array(
            Type.Object({
              action: Type.String(),
              from: Type.String(),
              to: Type.String(),
              by: Nullable(Type.String()),
              unitId: Nullable(Type.Integer()),
              unitName: Nullable(Type.String()),
              note: Nullable(Type.String()),
              detail: Type.Record(Type.String(), Type.Unknown()),
              at: Type.Integer(),
            }),
          ),
          ...errorsOf,
        },
      },
    },
    async (request) => {
      const ticket = visibleTicket(app, request, request.params.number);
      return app.lifecycleRepository
        .events(ticket.id)
        .map((e) => ({ action: e.action, from: e.fromStatus, to: e.toStatus, by: e.username, unitId: e.unitId, unitName: e.unitName, note: e.note, detail: e.detail, at: e.at }));
    },
  );

  app.get(
    '/inbox',
    {
      config: { units: true },
      preHandler: app.requireRole('unit'),
      schema: {
        querystring: Type.Object({ status: Type.Optional(OneOf(assignmentStatuses)) }, { additionalProperties: false }),
        response: { 200: Type.Array(Type.Object({ ticket: TicketView, part: OneOf(assignmentStatuses), deadline: Nullable(PartDeadline) })), ...errorsOf },
      },
    },
    async (request) => {
      const now = app.clock();
      const calendar = app.ticketCalendar();
      const { status } = request.query;
      return app.lifecycleRepository.inbox(request.user!.unitId ?? -1, status ? [status] : undefined).map(({ assignment: a, ticket }) => {
        return { ticket: ticketView(ticket), part: a.status, deadline: partDeadline(app, a, calendar, now) };
      });
    },
  );

  app.get(
    '/overdue',
    {
      preHandler: app.requireRole('supervisor', 'admin'),
      schema: {
        querystring: Type.Object({ flag: Type.Optional(OneOf(['near', 'overdue'] as const)) }, { additionalProperties: false }),
        response: {
          200: Type.Array(
            Type.Object({
              number: Type.String(),
              title: Type.String(),
              type: Type.String(),
              urgency: Type.String(),
              status: Type.String(),
              unitId: Type.Integer(),
              unitName: Type.String(),
              deadline: OneOf(['sign-for', 'completion'] as const),
              startedAt: Type.Integer(),
              dueAt: Type.Integer(),
              usedPercent: Type.Integer(),
              flag: OneOf(['near', 'overdue'] as const),
              supervised: Type.Boolean(),
            }),
          ),
          ...errorsOf,
        },
      },
    },
    async (request) => {
      const list = app.supervision.flagged();
      return request.query.flag ? list.filter((d) => d.flag === request.query.flag) : list;
    },
  );
};

export default lifecycleRoutes;
