import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

/** The one route without a login: load balancers and docker healthchecks poll it. */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      logLevel: 'warn',
      schema: {
        response: {
          200: Type.Object({ status: Type.Literal('ok'), asterisk: Type.Boolean(), database: Type.Boolean() }),
          503: Type.Object({ status: Type.Literal('degraded'), asterisk: Type.Boolean(), database: Type.Boolean() }),
        },
      },
    },
    async (_request, reply) => {
      let database = false;
      try {
        database = app.db.$client.prepare('select 1 as ok').get() !== undefined;
      } catch {
        database = false;
      }
      const asterisk = app.telephony.connected;
      if (asterisk && database) return { status: 'ok' as const, asterisk, database };
      return reply.code(503).send({ status: 'degraded' as const, asterisk, database });
    },
  );
};

export default healthRoutes;
