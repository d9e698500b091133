import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { callOutcomes, callPhases, noTicketReasons } from '../db/schema/index.js';
import { ErrorResponse, Nullable, OneOf } from '../http/schemas.js';
import { assertMaySee, scopeOf } from './access.js';
import { callbackResults } from '../tickets/lifecycle.js';


export const Call = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  caller: Type.String(),
  dialed: Type.String(),
  menuName: Nullable(Type.String()),
  menuVersion: Nullable(Type.Integer()),
  phase: OneOf(callPhases),
  startedAt: Type.Integer(),
  answeredAt: Nullable(Type.Integer()),
  /** The language chosen in the IVR; null: the hotline's default. */
  language: Nullable(Type.String()),
  ivrPath: Type.Array(
    Type.Object({ nodeId: Type.String(), kind: Type.String(), label: Type.String(), key: Nullable(Type.String()), at: Type.Integer() }),
  ),
  queue: Nullable(Type.String()),
  enqueuedAt: Nullable(Type.Integer()),
  waitMs: Nullable(Type.Integer()),
  agentId: Nullable(Type.Integer()),
  agentAnsweredAt: Nullable(Type.Integer()),
  talkMs: Nullable(Type.Integer()),
  endedAt: Nullable(Type.Integer()),
  outcome: Nullable(OneOf(callOutcomes)),
  hangupCause: Nullable(Type.Integer()),
  hangupCauseText: Nullable(Type.String()),
  noTicketReason: Nullable(OneOf(noTicketReasons)),
  relatedTicketId: Nullable(Type.Integer()),
  /** The post-call key-press survey: satisfied / basically-satisfied / dissatisfied; null when none was keyed. */
  surveyResult: Nullable(OneOf(callbackResults)),
});

const CallEvent = Type.Object({ id: Type.Integer(), at: Type.Integer(), type: Type.String(), data: Type.Record(Type.String(), Type.Unknown()) });
const Recording = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  startedAt: Type.Integer(),
  finishedAt: Nullable(Type.Integer()),
  sizeBytes: Nullable(Type.Integer()),
  durationMs: Nullable(Type.Integer()),
});

const TicketSummary = Type.Object({ number: Type.String(), title: Type.String(), status: Type.String(), type: Type.String() });

const CallQuery = Type.Object(
  {
    caller: Type.Optional(Type.String({ pattern: '^[0-9+*#]{1,32}$', description: 'part of the caller number' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'ISO 8601, inclusive' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'ISO 8601, exclusive' })),
    agentId: Type.Optional(Type.Integer({ minimum: 1, description: 'calls this agent answered' })),
    queue: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' })),
    outcome: Type.Optional(OneOf(callOutcomes)),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
    undisposed: Type.Optional(Type.Boolean({ description: 'only answered calls with neither a ticket nor a reason for none' })),
  },
  { additionalProperties: false },
);

const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const callsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        querystring: CallQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(Type.Intersect([Call, Type.Object({ ticketNumber: Nullable(Type.String()) })])) }),
          ...errorsOf,
        },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      const fromMs = from ? Date.parse(from) : undefined;
      const toMs = to ? Date.parse(to) : undefined;
      if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) throw new errors.InvalidInput('from must be before to');
      return app.callLog.list({ ...rest, agentId: scopeOf(request.user!, rest.agentId), from: fromMs, to: toMs });
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Intersect([Call, Type.Object({ events: Type.Array(CallEvent), recordings: Type.Array(Recording), tickets: Type.Array(TicketSummary) })]),
          ...errorsOf,
        },
      },
    },
    async (request) => {
      const call = app.callLog.get(request.params.id);
      if (!call) throw new errors.NotFound(`Call ${request.params.id}`);
      assertMaySee(request.user!, call.id, app.callLog);
      const events = app.callLog.events(call.id).map(({ id, at, type, data }) => ({ id, at, type, data }));
      const recordings = app.recordings.ofCall(call.id).map(({ id, status, startedAt, finishedAt, sizeBytes, durationMs }) => ({ id, status, startedAt, finishedAt, sizeBytes, durationMs }));
      const tickets = app.ticketsRepository.listByCall(call.id).map(({ number, title, status, type }) => ({ number, title, status, type }));
      return { ...call, events, recordings, tickets };
    },
  );
};

export default callsRoutes;
