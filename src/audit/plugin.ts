import fp from 'fastify-plugin';
import { AuditRepository } from './repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    auditLog: AuditRepository;
  }
}

/** Shared by every area whose configuration admins change (menus and calendars now; prompts later). */
export default fp(
  async (app) => {
    app.decorate('auditLog', new AuditRepository(app.db));
  },
  { name: 'audit-log', dependencies: ['db'] },
);
