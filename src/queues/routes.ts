import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable, OneOf } from '../http/schemas.js';
import { categoryCodes } from '../tickets/catalogue.js';
import { queueView } from './view.js';

const QueueSettings = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 60 }),
    announceEverySeconds: Type.Integer({ minimum: 0, maximum: 600 }),
    maxWaitSeconds: Type.Integer({ minimum: 10, maximum: 7200 }),
    ringTimeoutSeconds: Type.Integer({ minimum: 5, maximum: 120 }),
    wrapUpSeconds: Type.Integer({ minimum: 0, maximum: 600 }),
    mohClass: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
    ticketCategory: Type.Optional(Nullable(OneOf(categoryCodes))),
  },
  { additionalProperties: false },
);

const Waiting = Type.Object({
  callId: Type.String(),
  caller: Type.String(),
  enqueuedAt: Type.Integer(),
  waitSeconds: Type.Integer(),
  ringingAgentId: Type.Union([Type.Integer(), Type.Null()]),
});

const Queue = Type.Intersect([
  Type.Object({ name: Type.String() }),
  QueueSettings,
  Type.Object({ waiting: Type.Array(Waiting), longestWaitSeconds: Type.Integer() }),
]);

const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const queuesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  const view = (name: string, isAgent: boolean) => {
    const queue = app.queuesRepository.get(name);
    return queue ? queueView(queue, app.acd.snapshot(), { maskCallers: isAgent }) : null;
  };

  app.get('/', { schema: { response: { 200: Type.Array(Queue), ...errorsOf } } }, async (request) =>
    app.queuesRepository.list().map((q) => view(q.name, request.user!.role === 'agent')!),
  );

  app.get('/:name', { schema: { params: Type.Object({ name: Type.String() }), response: { 200: Queue, ...errorsOf } } }, async (request) => {
    const queue = view(request.params.name, request.user!.role === 'agent');
    if (!queue) throw new errors.NotFound(`Queue "${request.params.name}"`);
    return queue;
  });

  app.put(
    '/:name',
    {
      preHandler: app.requireRole('admin'),
      schema: { params: Type.Object({ name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }) }), body: QueueSettings, response: { 200: Queue, ...errorsOf } },
    },
    async (request) => {
      app.queuesRepository.upsert({ name: request.params.name, ...request.body, ticketCategory: request.body.ticketCategory ?? null });
      request.log.info({ queue: request.params.name, by: request.user!.username }, 'queue saved');
      return view(request.params.name, false)!;
    },
  );
};

export default queuesRoutes;
