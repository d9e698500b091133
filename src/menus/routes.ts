import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { ErrorResponse } from '../http/schemas.js';
import { validateMenu } from '../ivr/validator.js';
import { menuContext } from './context.js';

const MenuVersion = Type.Object({
  name: Type.String(),
  version: Type.Integer(),
  definition: Type.Unknown(),
  createdAt: Type.Integer(),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  published: Type.Boolean(),
});

const MenuError = Type.Object({ nodeId: Type.Union([Type.String(), Type.Null()]), field: Type.String(), message: Type.String() });
const InvalidMenuResponse = Type.Intersect([ErrorResponse, Type.Object({ errors: Type.Optional(Type.Array(MenuError)) })]);
const NameParam = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }) });
const errorsOf = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const menusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin', 'supervisor'));

  app.get('/', { schema: { response: { 200: Type.Array(Type.Object({ name: Type.String(), publishedVersion: Type.Integer() })), ...errorsOf } } }, async () =>
    app.menusRepository.list(),
  );

  app.get('/:name', { schema: { params: NameParam, response: { 200: MenuVersion, ...errorsOf } } }, async (request) => {
    const menu = app.menusRepository.published(request.params.name);
    if (!menu) throw new errors.NotFound(`Menu "${request.params.name}"`);
    return menu;
  });

  app.get('/:name/versions', { schema: { params: NameParam, response: { 200: Type.Array(MenuVersion), ...errorsOf } } }, async (request) => {
    const versions = app.menusRepository.versions(request.params.name);
    if (!versions.length) throw new errors.NotFound(`Menu "${request.params.name}"`);
    return versions;
  });

  // The whole menu is validated before anything is stored: a bad menu changes nothing.
  app.put(
    '/:name',
    {
      preHandler: app.requireRole('admin'),
      schema: { params: NameParam, body: Type.Unknown(), response: { 200: MenuVersion, 400: InvalidMenuResponse, ...errorsOf } },
    },
    async (request, reply) => {
      const result = validateMenu(request.body, menuContext(app));
      if (!result.ok) {
        const first = result.errors[0]!;
        return reply.code(400).send({
          statusCode: 400,
          code: 'INVALID_MENU',
          error: 'Bad Request',
          message: `Invalid menu: ${first.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ''}`,
          errors: result.errors,
        });
      }
      if (result.menu.name !== request.params.name) {
        throw new errors.InvalidMenu(`name "${result.menu.name}" does not match the URL's "${request.params.name}"`);
      }
      const saved = app.menusRepository.publish(result.menu, request.user!.id);
      request.log.info({ menu: saved.name, version: saved.version, by: request.user!.username }, 'menu published');
      return saved;
    },
  );
};

export default menusRoutes;
