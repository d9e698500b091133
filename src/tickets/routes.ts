import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import { ticketTypes } from '../db/schema/index.js';
import { ErrorResponse, Nullable, OneOf } from '../http/schemas.js';
import { catalogue, categoryCodes } from './catalogue.js';
import { listFilter, ListQuery, TicketListItem } from './list-query.js';
import { listTickets } from './list.js';
import { TicketDetail, TicketView, partDeadline, ticketDetail, ticketView, visibleTicket } from './views.js';


const editable = {
  type: OneOf(ticketTypes),
  category: OneOf(categoryCodes),
  title: Type.String({ minLength: 2, maxLength: 100 }),
  content: Type.String({ maxLength: 5000 }),
  citizenName: Nullable(Type.String({ maxLength: 40 })),
  address: Nullable(Type.String({ maxLength: 200 })),
  articleId: Nullable(Type.Integer({ minimum: 1 })),
};

const TicketIntake = Type.Object(
  {
    callId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    caller: Type.Optional(Type.String({ pattern: '^[0-9+*#]{1,32}$' })),
    ...editable,
    content: Type.Optional(editable.content),
    citizenName: Type.Optional(editable.citizenName),
    address: Type.Optional(editable.address),
    articleId: Type.Optional(editable.articleId),
  },
  { additionalProperties: false },
);

const NumberParam = Type.Object({ number: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Ticket intake from the desktop: the draft opened with a call is saved here, linked to the call. */
const ticketsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  /** An agent writes tickets only for calls they took; supervisors and admins for any. */
  const checkCallAccess = (request: FastifyRequest, callId: string) => {
    const call = app.callLog.get(callId);
    if (!call) throw new errors.InvalidInput(`callId: no call ${callId}`);
    const user = request.user!;
    if (user.role === 'agent' && call.agentId !== user.agentId) throw new errors.Forbidden(`call ${callId} was not taken by agent ${user.agentId ?? '(none)'}`);
    return call;
  };

  const checkArticle = (articleId: number | null | undefined) => {
    if (articleId != null && !app.kbRepository.get(articleId)) throw new errors.InvalidInput(`articleId: no article ${articleId}`);
  };

  app.get('/catalogue', { config: { units: true } }, async () => catalogue);

  app.get(
    '/',
    { config: { units: true }, schema: { querystring: ListQuery, response: { 200: Type.Object({ total: Type.Integer(), totalCapped: Type.Boolean(), items: Type.Array(TicketListItem) }), ...errorsOf } } },
    async (request) => {
      const { filter, deadline } = listFilter(app, request, request.query);
      if (deadline) {
        const units = filter.unitIds && new Set(filter.unitIds);
        filter.numbers = [...new Set(app.supervision.flagged().filter((d) => d.flag === deadline && (!units || units.has(d.unitId))).map((d) => d.number))];
      }
      const { total, totalCapped, items } = listTickets(app.db, filter, app.config.TICKET_LIST_COUNT_CAP);
      const parts = app.lifecycleRepository.assignmentsOf(items.map((t) => t.id));
      const names = new Map(app.handlingUnits.list().map((u) => [u.id, u.name]));
      const calendar = app.ticketCalendar();
      const now = app.clock();
      return {
        total,
        totalCapped,
        items: items.map((ticket) => ({
          ...ticketView(ticket),
          parts: parts
            .filter((a) => a.ticketId === ticket.id)
            .map((a) => ({ unitId: a.unitId, unitName: names.get(a.unitId) ?? String(a.unitId), status: a.status, deadline: partDeadline(app, a, calendar, now) })),
        })),
      };
    },
  );

  app.get('/:number', { config: { units: true }, schema: { params: NumberParam, response: { 200: TicketDetail, ...errorsOf } } }, async (request) =>
    ticketDetail(app, visibleTicket(app, request, request.params.number)),
  );

  app.post('/', { schema: { body: TicketIntake, response: { 201: TicketView, ...errorsOf } } }, async (request, reply) => {
    const { callId, caller, ...fields } = request.body;
    const call = callId ? checkCallAccess(request, callId) : null;
    const number = caller ?? call?.caller;
    if (!number) throw new errors.InvalidInput('caller: required when the ticket is not from a call');
    checkArticle(fields.articleId);
    const user = request.user!;
    // The ticket and the call's note of it are written together or not at all.
    const ticket = app.db.transaction((tx) => {
      const saved = app.ticketsRepository.intake(
        {
          caller: number,
          type: fields.type,
          category: fields.category,
          title: fields.title,
          content: fields.content ?? '',
          citizenName: fields.citizenName ?? null,
          address: fields.address ?? null,
          articleId: fields.articleId ?? null,
          callId: call?.id ?? null,
          agentId: call?.agentId ?? user.agentId ?? null,
          createdBy: user.id,
        },
        app.clock(),
      );
      app.ticketDuplicates.detect(saved, tx, app.clock());
      if (call) app.callLog.record(call.id, 'ticket-created', { ticket: saved.number, by: user.username });
      app.linkageDeliveries.ticketCreated(saved);
      return saved;
    });
    request.log.info({ ticket: ticket.number, callId: call?.id, by: user.username }, 'ticket taken in');
    if (call?.agentId != null) app.agentService.dispositionRecorded(call.agentId);
    return reply.code(201).send(ticketView(ticket));
  });

  app.patch(
    '/:number',
    { schema: { params: NumberParam, body: Type.Partial(Type.Object(editable, { additionalProperties: false }), { minProperties: 1 }), response: { 200: TicketView, ...errorsOf } } },
    async (request) => {
      const ticket = app.ticketsRepository.findByNumber(request.params.number);
      if (!ticket) throw new errors.NotFound(`Ticket ${request.params.number}`);
      const user = request.user!;
      if (user.role === 'agent' && ticket.createdBy !== user.id) throw new errors.Forbidden(`ticket ${ticket.number} was taken in by someone else`);
      if (ticket.status !== 'intake') throw new errors.Conflict(`Ticket ${ticket.number} is ${ticket.status}; only tickets still in intake can be edited here`);
      checkArticle(request.body.articleId);
      // What the agent corrects (the address, the content) may show other duplicates, or fewer.
      return app.db.transaction((tx) => {
        const edited = app.ticketsRepository.edit(ticket.number, request.body, app.clock())!;
        app.ticketDuplicates.detect(edited, tx, app.clock());
        return ticketView(edited);
      });
    },
  );
};

export default ticketsRoutes;
