import fp from 'fastify-plugin';
import { TicketDuplicates } from './duplicates.js';

declare module 'fastify' {
  interface FastifyInstance {
    ticketDuplicates: TicketDuplicates;
  }
}

export default fp(
  async (app) => {
    app.decorate('ticketDuplicates', new TicketDuplicates(app.db, { windowDays: app.config.DUPLICATE_WINDOW_DAYS, minSimilarity: app.config.DUPLICATE_MIN_SIMILARITY }));
  },
  { name: 'ticket-duplicates', dependencies: ['db'] },
);
