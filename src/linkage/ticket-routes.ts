import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { DeliveryView, FeedbackView, deliveryView, feedbackView } from './views.js';

const NumberParam = Type.Object({ number: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** A ticket's travels to linkage targets, under /api/tickets: what was sent where, how each try went, what came back. */
const ticketLinkageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  /** As for writing tickets: an agent sees tickets of calls they took (or took in without a call); supervisors and admins any. */
  const ticketFor = (request: FastifyRequest, number: string) => {
    const ticket = app.ticketsRepository.findByNumber(number);
    if (!ticket) throw new errors.NotFound(`Ticket ${number}`);
    const user = request.user!;
    if (user.role !== 'agent') return ticket;
    const call = ticket.callId ? app.callLog.get(ticket.callId) : null;
    const theirs = call ? call.agentId === user.agentId : ticket.createdBy === user.id;
    if (!theirs) throw new errors.Forbidden(`ticket ${ticket.number} is not from a call agent ${user.agentId ?? '(none)'} took`);
    return ticket;
  };

  app.get(
    '/:number/linkage',
    { schema: { params: NumberParam, response: { 200: Type.Object({ deliveries: Type.Array(DeliveryView), feedback: Type.Array(FeedbackView) }), ...errorsOf } } },
    async (request) => {
      const ticket = ticketFor(request, request.params.number);
      return {
        deliveries: app.linkageOutbox.forTicket(ticket.id).map((d) => deliveryView(d, d.tries, ticket.number)),
        feedback: app.linkageFeedback.forTicket(ticket.id).map((f) => feedbackView(f, ticket.number)),
      };
    },
  );

  app.post(
    '/:number/linkage/:code',
    {
      schema: {
        params: Type.Object({ ...NumberParam.properties, code: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }) }),
        response: { 202: DeliveryView, ...errorsOf },
      },
    },
    async (request, reply) => {
      const { number, code } = request.params;
      const ticket = ticketFor(request, number);
      const sent = app.linkageDeliveries.send(ticket, code);
      if (!sent.ok && sent.reason === 'unknown-target') throw new errors.NotFound(`Linkage target ${code}`);
      if (!sent.ok) throw new errors.InvalidInput(`linkage target ${code} has no webhook URL; an admin sets one under /api/linkage-targets`);
      request.log.info({ ticket: ticket.number, target: code, delivery: sent.delivery.id, by: request.user!.username }, 'ticket sent to a linkage target by hand');
      return reply.code(202).send(deliveryView(sent.delivery, app.linkageOutbox.tries(sent.delivery.id), ticket.number));
    },
  );
};

export default ticketLinkageRoutes;
