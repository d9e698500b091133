import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';
import { roles } from '../db/schema/index.js';
import { ErrorResponse, OneOf } from '../http/schemas.js';
import { tokenOf } from './plugin.js';

const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: OneOf(roles),
  agentId: Type.Union([Type.Integer(), Type.Null()]),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
});

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/login',
    {
      schema: {
        body: Type.Object(
          { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.Integer(), user: User }), 401: ErrorResponse },
      },
    },
    async (request) => {
      const user = await app.usersRepository.checkPassword(request.body.username, request.body.password);
      if (!user) throw new errors.Unauthorized('wrong username or password');
      const { token, expiresAt } = app.usersRepository.issueToken(user.id, app.config.TOKEN_TTL_HOURS * 3_600_000);
      request.log.info({ username: user.username, role: user.role }, 'user logged in');
      return { token, expiresAt, user };
    },
  );

  app.post(
    '/logout',
    { onRequest: app.authenticate, config: { units: true }, schema: { response: { 204: Type.Null(), 401: ErrorResponse } } },
    async (request, reply) => {
      app.usersRepository.revokeToken(tokenOf(request)!);
      return reply.code(204).send(null);
    },
  );

  app.get('/me', { onRequest: app.authenticate, config: { units: true }, schema: { response: { 200: User, 401: ErrorResponse } } }, async (request) => request.user!);

  app.post(
    '/users',
    {
      onRequest: app.authenticate,
      preHandler: app.requireRole('admin'),
      schema: {
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
            password: Type.String({ minLength: 8, maxLength: 256 }),
            role: OneOf(roles),
            agentId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
            unitId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: User, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { username, role, agentId, unitId } = request.body;
      if (role === 'agent' && agentId == null) throw new errors.InvalidInput('an agent user needs agentId: the agent record it acts as');
      if (role === 'unit' && unitId == null) throw new errors.InvalidInput('unitId: a unit user needs the handling unit it works for');
      if (role !== 'unit' && unitId != null) throw new errors.InvalidInput('unitId: only unit users belong to a handling unit');
      if (unitId != null && !app.handlingUnits.get(unitId)) throw new errors.InvalidInput(`unitId ${unitId}: no such unit`);
      if (agentId != null && !app.agentsRepository.get(agentId)) throw new errors.InvalidInput(`agentId ${agentId}: no such agent`);
      if (app.usersRepository.findByUsername(username)) throw new errors.Conflict(`user "${username}" already exists`);
      const user = await app.usersRepository.create(request.body);
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/users',
    {
      onRequest: app.authenticate,
      preHandler: app.requireRole('admin'),
      schema: { response: { 200: Type.Array(User), 401: ErrorResponse, 403: ErrorResponse } },
    },
    async () => app.usersRepository.list(),
  );
};

export default authRoutes;
