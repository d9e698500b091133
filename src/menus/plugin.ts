import fp from 'fastify-plugin';
import { MenuEditing } from './editing.js';
import { menuContext } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    menuEditing: MenuEditing;
  }
}

/** The menu editor's service, checking menus against the queues, targets, calendars and prompts of the moment. */
export default fp(
  async (app) => {
    // Read at each check, not once: a queue or target may be added or removed while the service runs.
    const context = () => menuContext(app);
    app.decorate('menuEditing', new MenuEditing({ db: app.db, menus: app.menusRepository, audit: app.auditLog, context }));
  },
  { name: 'menu-editing', dependencies: ['db', 'call-center', 'audit-log'] },
);
