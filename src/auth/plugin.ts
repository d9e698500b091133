import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { Role } from '../db/schema/index.js';
import { UsersRepository, type AuthUser } from './repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route serves handling-unit users too; every other route refuses them. */
    units?: boolean;
  }
  interface FastifyInstance {
    usersRepository: UsersRepository;
    /** onRequest hook: a valid bearer token, or 401. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler hook: the logged-in user has one of these roles, or 403. */
    requireRole: (...roles: Role[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

/** Reads the token from `Authorization: Bearer …`, or from `?token=` for WebSockets, where browsers cannot set headers. */
export function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === 'string' ? query.token : null;
}

export default fp(
  async (app) => {
    app.decorate('usersRepository', new UsersRepository(app.db));
    app.decorateRequest('user', null);

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = tokenOf(request);
      if (!token) throw new errors.Unauthorized('send Authorization: Bearer <token> from POST /api/auth/login');
      const user = app.usersRepository.userForToken(token);
      if (!user) throw new errors.Unauthorized('the token is unknown or expired; log in again');
      // Unit users are outsiders to the call center: they reach only routes that say they serve
      // them (their tickets), never one written before the role existed that lets any non-agent in.
      if (user.role === 'unit' && request.routeOptions.config?.units !== true) {
        throw new errors.Forbidden('a handling unit user can use only the unit routes (their tickets)');
      }
      request.user = user;
    });

    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      const role = request.user?.role;
      if (!role || !roles.includes(role)) {
        throw new errors.Forbidden(`this needs the role ${roles.join(' or ')}, and you are ${role ?? 'not logged in'}`);
      }
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
