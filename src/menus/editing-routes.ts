import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { diffMenus } from './diff.js';
import { MenuError, MenuVersion, NameParam, errorsOf } from './schemas.js';

const Version = Type.Integer({ minimum: 1 });

const FieldChange = Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() });
const MenuDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  start: Type.Union([Type.Object({ from: Type.String(), to: Type.String() }), Type.Null()]),
  nodes: Type.Array(
    Type.Object({
      nodeId: Type.String(),
      change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
      label: Type.String(),
      kind: Type.String(),
      fields: Type.Optional(Type.Array(FieldChange)),
    }),
  ),
});

/** The editor's workflow: draft, check, publish, roll back, compare. Admins write; supervisors may compare and check. */
const menuEditingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('preHandler', app.requireRole('admin', 'supervisor'));
  const admin = app.requireRole('admin');

  // A draft may have graph problems (an admin saves half-done work); only garbage is refused.
  app.put(
    '/:name/draft',
    {
      preHandler: admin,
      schema: { params: NameParam, body: Type.Unknown(), response: { 200: Type.Object({ version: MenuVersion, problems: Type.Array(MenuError) }), ...errorsOf } },
    },
    async (request) => {
      const saved = app.menuEditing.saveDraft(request.params.name, request.body, request.user!.id);
      request.log.info({ menu: request.params.name, version: saved.version.version, problems: saved.problems.length }, 'menu draft saved');
      return saved;
    },
  );

  app.post(
    '/:name/validate',
    { schema: { params: NameParam, body: Type.Unknown(), response: { 200: Type.Object({ valid: Type.Boolean(), errors: Type.Array(MenuError) }), ...errorsOf } } },
    async (request) => {
      const problems = app.menuEditing.problems(request.params.name, request.body);
      return { valid: problems.length === 0, errors: problems };
    },
  );

  app.post(
    '/:name/publish',
    {
      preHandler: admin,
      schema: { params: NameParam, body: Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false }), response: { 200: MenuVersion, ...errorsOf } },
    },
    async (request) => {
      const published = app.menuEditing.publish(request.params.name, request.user!.id, request.body.version);
      request.log.info({ menu: published.name, version: published.version, by: request.user!.username }, 'menu published');
      return published;
    },
  );

  app.post(
    '/:name/rollback',
    {
      preHandler: admin,
      schema: { params: NameParam, body: Type.Object({ version: Version }, { additionalProperties: false }), response: { 200: MenuVersion, ...errorsOf } },
    },
    async (request) => {
      const published = app.menuEditing.rollback(request.params.name, request.body.version, request.user!.id);
      request.log.info({ menu: published.name, version: published.version, by: request.user!.username }, 'menu rolled back');
      return published;
    },
  );

  app.get(
    '/:name/compare',
    { schema: { params: NameParam, querystring: Type.Object({ from: Version, to: Version }), response: { 200: MenuDiff, ...errorsOf } } },
    async (request) => {
      const { name } = request.params;
      const [from, to] = [request.query.from, request.query.to].map((v) => app.menusRepository.version(name, v));
      if (!from) throw new errors.NotFound(`Version ${request.query.from} of menu "${name}"`);
      if (!to) throw new errors.NotFound(`Version ${request.query.to} of menu "${name}"`);
      return { from: from.version, to: to.version, ...diffMenus(from.definition, to.definition) };
    },
  );
};

export default menuEditingRoutes;
