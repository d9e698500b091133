import fp from 'fastify-plugin';
import { MenuEditing, type MenuContext } from './editing.js';

declare module 'fastify' {
  interface FastifyInstance {
    menuEditing: MenuEditing;
  }
}

/** The menu editor's service, checking menus against the queues and linkage targets of the moment. */
export default fp(
  async (app) => {
    // Read at each check, not once: a queue or target may be added or removed while the service runs.
    // The targets ride along for transfer nodes, which the validator is learning to check (issue 5).
    const context = (): MenuContext => {
      const known = { queues: app.queuesRepository.names(), linkageTargets: new Set(app.linkageTargets.list().map((t) => t.code)) };
      return known;
    };
    app.decorate('menuEditing', new MenuEditing({ db: app.db, menus: app.menusRepository, audit: app.auditLog, context }));
  },
  { name: 'menu-editing', dependencies: ['db', 'call-center', 'audit-log'] },
);
