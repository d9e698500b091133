import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { unitKinds } from '../db/schema/index.js';
import { ErrorResponse, IdParam, Nullable, OneOf } from '../http/schemas.js';
import type { HandlingUnit } from './repository.js';

export const UnitView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  kind: OneOf(unitKinds),
  parentId: Nullable(Type.Integer()),
  active: Type.Boolean(),
  /** Names from the root of the tree down to this unit. */
  path: Type.Array(Type.String()),
});

const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const name = Type.String({ minLength: 2, maxLength: 60 });

/**
 * Handling units (承办单位) as a tree: region, city and county governments and their departments.
 * Hotline staff read it to dispatch; admins edit it.
 */
const unitsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const view = (unit: HandlingUnit, all: HandlingUnit[]) => ({
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    active: unit.active,
    path: app.handlingUnits.path(unit.id, all),
  });
  const checkParent = (parentId: number | null | undefined) => {
    if (parentId == null) return;
    if (!app.handlingUnits.get(parentId)) throw new errors.InvalidInput(`parentId: no unit ${parentId}`);
  };

  app.get('/', { config: { units: true }, schema: { response: { 200: Type.Array(UnitView), ...errorsOf } } }, async () => {
    const all = app.handlingUnits.list();
    return all.map((u) => view(u, all));
  });

  app.post(
    '/',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        body: Type.Object(
          { code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }), name, kind: OneOf(unitKinds), parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))) },
          { additionalProperties: false },
        ),
        response: { 201: UnitView, ...errorsOf },
      },
    },
    async (request, reply) => {
      const { parentId = null, ...fields } = request.body;
      checkParent(parentId);
      if (app.handlingUnits.findByCode(fields.code)) throw new errors.Conflict(`unit code "${fields.code}" is taken`);
      const unit = app.handlingUnits.create({ ...fields, name: fields.name.trim(), parentId }, app.clock());
      return reply.code(201).send(view(unit, app.handlingUnits.list()));
    },
  );

  app.patch(
    '/:id',
    {
      preHandler: app.requireRole('admin'),
      schema: {
        params: IdParam,
        body: Type.Object(
          { name: Type.Optional(name), kind: Type.Optional(OneOf(unitKinds)), parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UnitView, ...errorsOf },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!app.handlingUnits.get(id)) throw new errors.NotFound(`Unit ${id}`);
      const { parentId } = request.body;
      checkParent(parentId);
      if (parentId != null && app.handlingUnits.wouldLoop(id, parentId)) throw new errors.InvalidInput(`parentId: unit ${parentId} is unit ${id} or under it`);
      const unit = app.handlingUnits.update(id, request.body, app.clock())!;
      return view(unit, app.handlingUnits.list());
    },
  );
};

export default unitsRoutes;
