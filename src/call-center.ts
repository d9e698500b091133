import fp from 'fastify-plugin';
import { AgentsRepository } from './agents/repository.js';
import { AgentService } from './agents/service.js';
import { CallLog } from './calls/call-log.js';
import { CallFlow } from './calls/flow.js';
import { seedIfEmpty } from './db/seed.js';
import { MenusRepository } from './menus/repository.js';
import { Acd } from './queues/acd.js';
import { QueuesRepository } from './queues/repository.js';
import { ticketProgressPrompts } from './tickets/progress.js';
import { TicketsRepository } from './tickets/repository.js';
import { DesktopHub } from './desktop/hub.js';
import { buildScreenPop } from './desktop/pop.js';

declare module 'fastify' {
  interface FastifyInstance {
    agentsRepository: AgentsRepository;
    agentService: AgentService;
    queuesRepository: QueuesRepository;
    menusRepository: MenusRepository;
    ticketsRepository: TicketsRepository;
    callLog: CallLog;
    acd: Acd;
    callFlow: CallFlow;
    desktopHub: DesktopHub;
  }
}

/**
 * Builds the call center's services once and hands the same instances to the HTTP routes
 * and to the telephony event handlers; Asterisk is connected when the app is ready.
 */
export default fp(
  async (app) => {
    const { db, telephony, config } = app;
    const log = app.log.child({ area: 'calls' });
    const agentsRepository = new AgentsRepository(db);
    const queuesRepository = new QueuesRepository(db);
    const menusRepository = new MenusRepository(db);
    const ticketsRepository = new TicketsRepository(db);
    const callLog = new CallLog(db);
    const agentService = new AgentService(agentsRepository, app.log.child({ area: 'agents' }));
    const prompts = { prefix: config.PROMPT_PREFIX, language: config.PROMPT_LANGUAGE };

    await seedIfEmpty(db, { users: app.usersRepository, agents: agentsRepository, queues: queuesRepository, menus: menusRepository }, config, app.log);

    const acd = new Acd({ telephony, agents: agentService, queues: queuesRepository, callLog, prompts });
    const callFlow = new CallFlow({
      telephony,
      callLog,
      menus: menusRepository,
      queues: queuesRepository,
      agents: agentService,
      acd,
      actions: { ticketProgress: (digits) => ticketProgressPrompts(ticketsRepository, digits) },
      prompts,
      log,
    });
    callFlow.start();

    const desktopHub = new DesktopHub();
    agentService.onChange((agent) => desktopHub.agentChanged(agent));
    acd.onOffered((session, agentId) => {
      const pop = buildScreenPop(session.id, { callLog, tickets: ticketsRepository });
      if (pop) desktopHub.offered(agentId, pop);
    });

    app.decorate('agentsRepository', agentsRepository);
    app.decorate('agentService', agentService);
    app.decorate('queuesRepository', queuesRepository);
    app.decorate('menusRepository', menusRepository);
    app.decorate('ticketsRepository', ticketsRepository);
    app.decorate('callLog', callLog);
    app.decorate('acd', acd);
    app.decorate('callFlow', callFlow);
    app.decorate('desktopHub', desktopHub);

    app.addHook('onReady', async () => {
      await telephony.start();
    });
    app.addHook('onClose', async () => {
      // No new work for any call, then a bounded wait for work in flight, before the database closes.
      callFlow.stop();
      await telephony.stop();
      await Promise.race([callFlow.settled(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      agentService.stop();
    });
  },
  { name: 'call-center', dependencies: ['db', 'auth'] },
);
