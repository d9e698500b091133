import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ticketTypes, ticketUrgencies } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { ErrorResponse, OneOf } from '../http/schemas.js';
import { policyFor } from './deadlines.js';

const Policy = Type.Object({
  type: OneOf(ticketTypes),
  urgency: OneOf(ticketUrgencies),
  signForMinutes: Type.Integer(),
  completionMinutes: Type.Integer(),
  /** Whether an admin set it, or it is the default for the urgency. */
  custom: Type.Boolean(),
});
const Key = Type.Object({ type: OneOf(ticketTypes), urgency: OneOf(ticketUrgencies) });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Deadlines per ticket type and urgency, in working minutes on TICKET_CALENDAR; they apply to tickets dispatched afterwards. */
const deadlinePolicyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('supervisor', 'admin'));

  const all = () => {
    const stored = app.lifecycleRepository.policies();
    return ticketTypes.flatMap((type) =>
      ticketUrgencies.map((urgency) => ({ type, urgency, ...policyFor(stored, type, urgency), custom: stored.some((p) => p.type === type && p.urgency === urgency) })),
    );
  };

  app.get('/', { schema: { response: { 200: Type.Array(Policy), ...errorsOf } } }, async () => all());

  app.put(
    '/:type/:urgency',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        params: Key,
        body: Type.Object(
          { signForMinutes: Type.Integer({ minimum: 1, maximum: 45_000 }), completionMinutes: Type.Integer({ minimum: 1, maximum: 45_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Policy, ...errorsOf },
      },
    },
    async (request) => {
      const { type, urgency } = request.params;
      const { signForMinutes, completionMinutes } = request.body;
      if (signForMinutes > completionMinutes) throw new errors.InvalidInput('signForMinutes: a unit cannot have longer to sign for a ticket than to complete it');
      app.lifecycleRepository.savePolicy({ type, urgency, signForMinutes, completionMinutes }, request.user!.id, app.clock());
      app.auditLog.record({ entity: 'ticket-deadline', entityId: `${type}/${urgency}`, action: 'save', userId: request.user!.id, detail: { signForMinutes, completionMinutes } });
      return all().find((p) => p.type === type && p.urgency === urgency)!;
    },
  );

  app.delete('/:type/:urgency', { preHandler: app.requireRole('admin'), schema: { params: Key, response: { 200: Policy, ...errorsOf } } }, async (request) => {
    const { type, urgency } = request.params;
    if (!app.lifecycleRepository.deletePolicy(type, urgency)) throw new errors.NotFound(`Deadline policy ${type}/${urgency}`);
    app.auditLog.record({ entity: 'ticket-deadline', entityId: `${type}/${urgency}`, action: 'reset', userId: request.user!.id, detail: {} });
    return all().find((p) => p.type === type && p.urgency === urgency)!;
  });
};

export default deadlinePolicyRoutes;
