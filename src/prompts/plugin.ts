import fp from 'fastify-plugin';
import { PromptsRepository } from './repository.js';
import { PromptsService } from './service.js';
import { EspeakSynthesiser } from './synthesiser.js';

declare module 'fastify' {
  interface FastifyInstance {
    promptsRepository: PromptsRepository;
    prompts: PromptsService;
  }
}

/** The IVR's prompts: the built-ins recorded on start, then versions admins make from text or audio. */
export default fp(
  async (app) => {
    const promptsRepository = new PromptsRepository(app.db);
    const prompts = new PromptsService({
      db: app.db,
      repository: promptsRepository,
      audit: app.auditLog,
      synthesiser: new EspeakSynthesiser(),
      dir: app.config.PROMPTS_DIR,
      log: app.log.child({ area: 'prompts' }),
    });
    prompts.seedBuiltIns();
    app.decorate('promptsRepository', promptsRepository);
    app.decorate('prompts', prompts);
  },
  { name: 'prompts', dependencies: ['db', 'audit-log'] },
);
