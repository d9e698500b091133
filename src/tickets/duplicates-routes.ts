import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable, OneOf } from '../http/schemas.js';

const Candidate = Type.Object({
  number: Type.String(),
  title: Type.String(),
  status: Type.String(),
  createdAt: Type.Integer(),
  reasons: Type.Array(OneOf(['same-caller', 'same-content'] as const)),
  /** Trigram similarity of title and content, 0…1. */
  score: Type.Number(),
  confirmed: Type.Boolean(),
  confirmedAt: Nullable(Type.Integer()),
});

const NumberParam = Type.Object({ number: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const PairParams = Type.Object({ number: NumberParam.properties.number, other: NumberParam.properties.number });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Earlier tickets a ticket may repeat, found at intake, for the agent to confirm. */
const duplicatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  const ticketOf = (number: string) => {
    const ticket = app.ticketsRepository.findByNumber(number);
    if (!ticket) throw new errors.NotFound(`Ticket ${number}`);
    return ticket;
  };

  app.get('/:number/duplicates', { schema: { params: NumberParam, response: { 200: Type.Array(Candidate), ...errorsOf } } }, async (request) =>
    app.ticketDuplicates.list(ticketOf(request.params.number).id),
  );

  app.post('/:number/duplicates/:other/confirm', { schema: { params: PairParams, response: { 200: Candidate, ...errorsOf } } }, async (request) => {
    const ticket = ticketOf(request.params.number);
    const earlier = ticketOf(request.params.other);
    const user = request.user!;
    if (user.role === 'agent' && ticket.createdBy !== user.id) throw new errors.Forbidden(`ticket ${ticket.number} was taken in by someone else`);
    if (earlier.id >= ticket.id) throw new errors.Conflict(`Ticket ${earlier.number} is not earlier than ${ticket.number}`);
    app.ticketDuplicates.confirm(ticket, earlier, user.id, app.clock());
    request.log.info({ ticket: ticket.number, duplicateOf: earlier.number, by: user.username }, 'duplicate confirmed');
    return app.ticketDuplicates.list(ticket.id).find((c) => c.number === earlier.number)!;
  });
};

export default duplicatesRoutes;
