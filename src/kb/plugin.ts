import fp from 'fastify-plugin';
import { KbRepository } from './repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    kbRepository: KbRepository;
  }
}

/** The knowledge base, shared by its routes, the screen-pop's suggestions and ticket intake (citations). */
export default fp(
  async (app) => {
    app.decorate('kbRepository', new KbRepository(app.db));
  },
  { name: 'kb-repository', dependencies: ['db'] },
);
