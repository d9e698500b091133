import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { linkageFeedback } from '../db/schema/index.js';
import { errors } from '../errors.js';
import { ErrorResponse, OneOf } from '../http/schemas.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature.js';
import { FeedbackView, feedbackView } from './views.js';

const CodeParam = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }) });

const FeedbackBody = Type.Object(
  {
    ticketNumber: Type.String({ pattern: '^[0-9]{1,20}$' }),
    status: OneOf(linkageFeedback.status.enumValues),
    result: Type.String({ minLength: 1, maxLength: 2000 }),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    handledBy: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    reportedAt: Type.Optional(Type.Integer({ minimum: 0, description: 'unix ms; defaults to when it was received' })),
  },
  { additionalProperties: false },
);

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * A linkage target's system reports what became of a ticket it received. No user logs in
 * here: the target proves itself by signing the raw body with the secret shared with it.
 */
const feedbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The signature covers the bytes as sent; re-serialising the parsed body would not reproduce them.
  const rawBodies = new WeakMap<FastifyRequest, Buffer>();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 32 * 1024 }, (request, body, done) => {
    rawBodies.set(request, body as Buffer);
    parseJson(request, body.toString('utf8'), done);
  });

  // Checked before the body's schema, so a caller who cannot sign learns nothing about the body.
  app.addHook('preValidation', async (request) => {
    const { code } = request.params as { code: string };
    const webhook = app.linkageTargets.webhookOf(code);
    if (!webhook) throw new errors.NotFound(`Linkage target ${code}`);
    if (!webhook.secret) throw new errors.Conflict(`target ${code} has no webhook secret; feedback is refused`);
    const verification = verifySignature(
      webhook.secret,
      { timestamp: header(request, TIMESTAMP_HEADER), signature: header(request, SIGNATURE_HEADER) },
      rawBodies.get(request) ?? Buffer.alloc(0),
    );
    if (!verification.ok) throw new errors.Unauthorized(verification.reason);
  });

  app.post(
    '/:code/feedback',
    {
      schema: {
        params: CodeParam,
        body: FeedbackBody,
        response: { 201: FeedbackView, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const body = request.body;
      const ticket = app.ticketsRepository.findByNumber(body.ticketNumber);
      if (!ticket) throw new errors.NotFound(`Ticket ${body.ticketNumber}`);
      if (!app.linkageOutbox.wasQueued(ticket.id, code)) throw new errors.Conflict(`ticket ${ticket.number} was never sent to linkage target ${code}`);
      const now = Date.now();
      const saved = app.linkageFeedback.add({
        targetCode: code,
        ticketId: ticket.id,
        externalId: body.externalId ?? null,
        status: body.status,
        result: body.result,
        handledBy: body.handledBy ?? null,
        reportedAt: body.reportedAt ?? now,
        receivedAt: now,
      });
      request.log.info({ target: code, ticket: ticket.number, status: saved.status }, 'linkage feedback received');
      return reply.code(201).send(feedbackView(saved, ticket.number));
    },
  );
};

export default feedbackRoutes;
