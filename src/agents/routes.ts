import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import { agentStates } from '../db/schema/index.js';
import { ErrorResponse, IdParam, OneOf } from '../http/schemas.js';
import type { AgentEvent } from './state.js';

const Agent = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  endpoint: Type.String(),
  skills: Type.Array(Type.String()),
  state: OneOf(agentStates),
  pauseReason: Type.Union([Type.String(), Type.Null()]),
  stateSince: Type.Integer(),
  idleSince: Type.Union([Type.Integer(), Type.Null()]),
  currentCallId: Type.Union([Type.String(), Type.Null()]),
});

const AgentInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    endpoint: Type.String({ pattern: '^PJSIP/[A-Za-z0-9_.-]{1,40}$', description: 'e.g. PJSIP/1001' }),
    skills: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
);

const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const agentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  /** Agents may change only their own state; supervisors and admins anyone's. */
  const mayActFor = async (request: FastifyRequest<{ Params: { id: number } }>) => {
    const user = request.user!;
    if (user.role === 'agent' && user.agentId !== request.params.id) {
      throw new errors.Forbidden(`you are agent ${user.agentId ?? '(none)'} and may change only your own state`);
    }
  };

  const checkSkills = (skills: string[]) => {
    const known = app.queuesRepository.names();
    const unknown = skills.filter((s) => !known.has(s));
    if (unknown.length) throw new errors.InvalidInput(`skills: no such queue ${unknown.map((s) => `"${s}"`).join(', ')}`);
  };

  app.get('/', { schema: { response: { 200: Type.Array(Agent), ...errorsOf } } }, async () => app.agentsRepository.list());

  app.get('/:id', { schema: { params: IdParam, response: { 200: Agent, ...errorsOf } } }, async (request) => {
    const agent = app.agentsRepository.get(request.params.id);
    if (!agent) throw new errors.NotFound(`Agent ${request.params.id}`);
    return agent;
  });

  app.post('/', { preHandler: app.requireRole('admin'), schema: { body: AgentInput, response: { 201: Agent, ...errorsOf } } }, async (request, reply) => {
    checkSkills(request.body.skills);
    if (app.agentsRepository.findByEndpoint(request.body.endpoint)) throw new errors.Conflict(`endpoint ${request.body.endpoint} already belongs to an agent`);
    return reply.code(201).send(app.agentsRepository.create(request.body));
  });

  app.patch(
    '/:id',
    { preHandler: app.requireRole('admin'), schema: { params: IdParam, body: Type.Partial(AgentInput, { minProperties: 1 }), response: { 200: Agent, ...errorsOf } } },
    async (request) => {
      if (request.body.skills) checkSkills(request.body.skills);
      const other = request.body.endpoint ? app.agentsRepository.findByEndpoint(request.body.endpoint) : null;
      if (other && other.id !== request.params.id) throw new errors.Conflict(`endpoint ${request.body.endpoint} already belongs to agent ${other.id}`);
      const agent = app.agentsRepository.update(request.params.id, request.body);
      if (!agent) throw new errors.NotFound(`Agent ${request.params.id}`);
      return agent;
    },
  );

  // Supervisors may put an agent back in service regardless; the call stays on their undisposed list.
  const stateRoute = (path: string, event: AgentEvent) =>
    app.post(path, { preHandler: mayActFor, schema: { params: IdParam, response: { 200: Agent, ...errorsOf } } }, async (request) => {
      const owed = request.user!.role === 'agent' && (event.type === 'ready' || event.type === 'unpause') ? app.agentService.owedCall(request.params.id) : null;
      if (owed) throw new errors.TicketOwed(`Call ${owed} has no ticket yet: save its ticket or give the reason it needs none first`);
      return app.agentService.apply(request.params.id, event);
    });

  stateRoute('/:id/login', { type: 'login' });
  stateRoute('/:id/logout', { type: 'logout' });
  stateRoute('/:id/unpause', { type: 'unpause' });
  stateRoute('/:id/ready', { type: 'ready' });
  app.post(
    '/:id/pause',
    {
      preHandler: mayActFor,
      schema: {
        params: IdParam,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
        response: { 200: Agent, ...errorsOf },
      },
    },
    async (request) => {
      const { reason } = request.body;
      if (!app.pauseReasons.has(reason)) {
        throw new errors.InvalidInput(`reason: "${reason}" is not one of ${app.pauseReasons.list().map((r) => r.code).join(', ')}`);
      }
      return app.agentService.apply(request.params.id, { type: 'pause', reason });
    },
  );
};

export default agentsRoutes;
