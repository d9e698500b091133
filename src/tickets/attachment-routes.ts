import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError } from 'fastify';
import { errors } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { attachmentTypes } from './attachments.js';
import { AttachmentView, visibleTicket } from './views.js';

const NumberParam = Type.Object({ number: Type.String({ pattern: '^[0-9]{1,20}$' }) });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const sendAs = `content-type: send the file as one of ${attachmentTypes.join(', ')}`;

/**
 * Files a unit attaches to its reply: the raw file as the body, its name in ?name=. Uploaded
 * while the unit holds the ticket, listed on the ticket, named by the reply that cites them.
 */
const ticketAttachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const limit = app.config.ATTACHMENT_MAX_BYTES;
  app.addContentTypeParser(attachmentTypes, { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) => done(null, body));
  // Too large or of another type is the uploader's file, not a transport problem: a 400 naming the limit.
  app.setErrorHandler((err: FastifyError) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new errors.InvalidInput(`file: larger than the ${limit} bytes allowed`);
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw new errors.InvalidInput(sendAs);
    throw err;
  });

  app.post(
    '/:number/attachments',
    {
      config: { units: true },
      preHandler: app.requireRole('unit'),
      schema: {
        params: NumberParam,
        querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 120, pattern: '^[^/\\\\\\u0000-\\u001f]+$' }) }, { additionalProperties: false }),
        response: { 201: AttachmentView, ...errorsOf },
      },
    },
    async (request, reply) => {
      const ticket = visibleTicket(app, request, request.params.number);
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!attachmentTypes.includes(contentType)) throw new errors.InvalidInput(sendAs);
      const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!data.length) throw new errors.InvalidInput('file: the upload is empty');
      const unitId = request.user!.unitId!;
      const holds = app.lifecycleRepository.assignments(ticket.id).some((a) => a.unitId === unitId && (a.status === 'dispatched' || a.status === 'handling'));
      if (!holds) throw new errors.TicketTransition(ticket.number, `is ${ticket.status} and your unit does not hold it, so cannot take attachments`);
      const saved = await app.ticketAttachments.save({ ticketId: ticket.id, unitId, name: request.query.name, contentType, uploadedBy: request.user!.id, createdAt: app.clock() }, data);
      request.log.info({ ticket: ticket.number, attachment: saved.id, size: saved.size }, 'attachment stored');
      const { id, name, size, createdAt } = saved;
      return reply.code(201).send({ id, name, contentType, size, unitId, createdAt });
    },
  );

  app.get(
    '/:number/attachments/:id',
    // No response schema: the body is the file itself.
    { config: { units: true }, schema: { params: Type.Object({ ...NumberParam.properties, id: Type.Integer({ minimum: 1 }) }) } },
    async (request, reply) => {
      const ticket = visibleTicket(app, request, request.params.number);
      const file = app.ticketAttachments.get(request.params.id);
      if (!file || file.ticketId !== ticket.id) throw new errors.NotFound(`Attachment ${request.params.id} of ticket ${ticket.number}`);
      return reply
        .type(file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(createReadStream(app.ticketAttachments.pathOf(file)));
    },
  );
};

export default ticketAttachmentRoutes;
