import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { noTicketReasons } from '../db/schema/index.js';
import { ErrorResponse, OneOf } from '../http/schemas.js';
import { Call } from './routes.js';
import { assertMaySee } from './access.js';

/** What became of an answered call: the agent who took it (or a supervisor) records why it has no ticket. */
const dispositionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  // Every answered call ends with a ticket or with the reason it has none.
  app.post(
    '/:id/no-ticket',
    {
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: Type.Object(
          {
            reason: OneOf(noTicketReasons),
            relatedTicket: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: 'for a repeat call: the ticket it repeats' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Call, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const user = request.user!;
      const call = app.callLog.get(request.params.id);
      if (!call) throw new errors.NotFound(`Call ${request.params.id}`);
      assertMaySee(user, call.id, app.callLog);
      if (call.agentAnsweredAt === null) throw new errors.Conflict(`Call ${call.id} was never answered by an agent: it needs no ticket`);
      const existing = app.ticketsRepository.listByCall(call.id);
      if (existing.length) throw new errors.Conflict(`Call ${call.id} already has ticket ${existing[0]!.number}`);
      const { reason, relatedTicket } = request.body;
      if (reason === 'repeat' && !relatedTicket) throw new errors.InvalidInput('relatedTicket: a repeat call names the ticket it repeats');
      const related = relatedTicket ? app.ticketsRepository.findByNumber(relatedTicket) : null;
      if (relatedTicket && !related) throw new errors.InvalidInput(`relatedTicket: no ticket ${relatedTicket}`);
      app.callLog.noTicket(call.id, reason, related?.id ?? null, user.username);
      if (call.agentId !== null) app.agentService.dispositionRecorded(call.agentId);
      return app.callLog.get(call.id)!;
    },
  );
};

export default dispositionRoutes;
