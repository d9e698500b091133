import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse, Nullable } from '../http/schemas.js';

const Code = Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$', description: 'e.g. 110, 12315, expert-housing' });

const settings = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
  dialString: Type.String({ pattern: '^(PJSIP|IAX2|DAHDI|Local)/[A-Za-z0-9_.@+*#/-]{1,80}$', description: 'e.g. PJSIP/110@linkage' }),
  timeoutSeconds: Type.Integer({ minimum: 5, maximum: 120 }),
  ticketTravels: Type.Boolean(),
  webhookUrl: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 })),
};

const TargetSettings = Type.Object(
  {
    ...settings,
    webhookSecret: Type.Optional(
      Nullable(Type.String({ minLength: 16, maxLength: 200, description: 'Write-only. Left out: the stored secret is kept; null: cleared.' })),
    ),
  },
  { additionalProperties: false },
);

const Target = Type.Object({ code: Type.String(), ...settings, hasWebhookSecret: Type.Boolean() });
const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/**
 * Linkage targets (联动单位) are data: an admin adds 12345's partners (110, 12315, a
 * department's expert seat…) with the dial string through the outbound trunk. Every
 * logged-in user may read them: they are the agent's three-way and transfer buttons.
 */
const linkageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get('/', { schema: { response: { 200: Type.Array(Target), ...errorsOf } } }, async () => app.linkageTargets.list());

  app.get('/:code', { schema: { params: Type.Object({ code: Code }), response: { 200: Target, ...errorsOf } } }, async (request) => {
    const target = app.linkageTargets.get(request.params.code);
    if (!target) throw new errors.NotFound(`Linkage target ${request.params.code}`);
    return target;
  });

  app.put(
    '/:code',
    { preHandler: app.requireRole('admin'), schema: { params: Type.Object({ code: Code }), body: TargetSettings, response: { 200: Target, ...errorsOf } } },
    async (request) => {
      const target = app.linkageTargets.save({ code: request.params.code, ...request.body });
      request.log.info({ target: target.code, secretChanged: request.body.webhookSecret !== undefined, by: request.user!.username }, 'linkage target saved');
      return target;
    },
  );

  app.delete('/:code', { preHandler: app.requireRole('admin'), schema: { params: Type.Object({ code: Code }) } }, async (request, reply) => {
    if (!app.linkageTargets.remove(request.params.code)) throw new errors.NotFound(`Linkage target ${request.params.code}`);
    request.log.info({ target: request.params.code, by: request.user!.username }, 'linkage target removed');
    return reply.code(204).send(null);
  });
};

export default linkageRoutes;
