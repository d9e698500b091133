import fp from 'fastify-plugin';
import { ReportsRepository } from './repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    reportsRepository: ReportsRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('reportsRepository', new ReportsRepository(app.db));
  },
  { name: 'reports-repository', dependencies: ['db'] },
);
