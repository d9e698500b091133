import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { NameParam, MenuVersion, errorsOf } from './schemas.js';

/** Reading menus and their versions (admins and supervisors), and "save and publish" in one step (admins). */
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
    { preHandler: app.requireRole('admin'), schema: { params: NameParam, body: Type.Unknown(), response: { 200: MenuVersion, ...errorsOf } } },
    async (request) => {
      const saved = app.menuEditing.saveAndPublish(request.params.name, request.body, request.user!.id);
      request.log.info({ menu: saved.name, version: saved.version, by: request.user!.username }, 'menu published');
      return saved;
    },
  );
};

export default menusRoutes;
