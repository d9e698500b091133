import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { SYSTEM_PAUSE_REASONS } from './pause-reasons.js';

const PauseReason = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 20 }),
    labelEn: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

/** The reasons an agent can pick when pausing (示忙); admins keep the list. */
const pauseReasonsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get('/', { schema: { response: { 200: Type.Array(PauseReason), 401: ErrorResponse } } }, async () => app.pauseReasons.list());

  app.put(
    '/',
    {
      preHandler: app.requireRole('admin'),
      schema: { body: Type.Array(PauseReason, { minItems: 1, maxItems: 30 }), response: { 200: Type.Array(PauseReason), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request) => {
      const codes = request.body.map((r) => r.code);
      const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
      if (repeated.length) throw new errors.InvalidInput(`code: "${repeated[0]}" is listed twice`);
      const reserved = codes.filter((c) => SYSTEM_PAUSE_REASONS.includes(c));
      if (reserved.length) throw new errors.InvalidInput(`code: "${reserved[0]}" is set by the service and cannot be listed`);
      request.log.info({ by: request.user!.username, codes }, 'pause reasons replaced');
      return app.pauseReasons.replace(request.body);
    },
  );
};

export default pauseReasonsRoutes;
