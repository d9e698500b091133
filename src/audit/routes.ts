import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorResponse, Nullable } from '../http/schemas.js';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  userId: Nullable(Type.Integer()),
  username: Nullable(Type.String()),
  at: Type.Integer(),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

const Query = Type.Object({
  entity: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

/** Who changed the hotline's configuration, for admins and the supervisors who answer for it. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin', 'supervisor'));

  app.get(
    '/',
    { schema: { querystring: Query, response: { 200: Type.Array(AuditEntry), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } },
    async (request) => app.auditLog.list(request.query),
  );
};

export default auditRoutes;
