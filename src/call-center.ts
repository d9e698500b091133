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
import { buildScreenPop, type ScreenPop } from './desktop/pop.js';
import { CallControls } from './calls/controls.js';
import { PauseReasonsRepository } from './agents/pause-reasons.js';
import { queueView } from './queues/view.js';
import { LinkageTargetsRepository } from './linkage/repository.js';
import { LinkageCalls, linkageView } from './calls/linkage-calls.js';
import { RecordingsRepository } from './recordings/repository.js';
import { CallbackCalls } from './calls/callback-calls.js';
import { CalendarsRepository } from './calendar/repository.js';

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
    desktopPop: (callId: string) => ScreenPop | null;
    callControls: CallControls;
    pauseReasons: PauseReasonsRepository;
    linkageTargets: LinkageTargetsRepository;
    linkageCalls: LinkageCalls;
    callbackCalls: CallbackCalls;
    calendars: CalendarsRepository;
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
    agentService.requireDisposition((agentId) => callLog.owedBy(agentId));
    const prompts = { prefix: config.PROMPT_PREFIX, language: config.PROMPT_LANGUAGE };
    const calendars = new CalendarsRepository(db);
    const linkageTargets = new LinkageTargetsRepository(db);

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
      targets: linkageTargets,
      calendar: (name) => calendars.get(name),
      now: app.clock,
      survey: config.POST_CALL_SURVEY === 'on' ? { timeoutSeconds: config.POST_CALL_SURVEY_TIMEOUT_SECONDS, tries: 2 } : null,
      log,
    });
    callFlow.start();

    const callControls = new CallControls({ telephony, callLog, agents: agentService, queues: queuesRepository, acd, flow: callFlow });
    const recordings = new RecordingsRepository(db);
    const linkageCalls = new LinkageCalls({
      telephony,
      callLog,
      agents: agentService,
      queues: queuesRepository,
      acd,
      controls: callControls,
      targets: linkageTargets,
      track: (session, channelId) => callFlow.track(session, channelId),
    });
    callFlow.attachLinkage(linkageCalls);
    const callbackCalls = new CallbackCalls({
      telephony,
      callLog,
      agents: agentService,
      acd,
      adopt: (session, leg) => callFlow.adopt(session, leg),
      forget: (session) => callFlow.forget(session),
      dial: { template: config.CALLBACK_DIAL, callerId: config.CALLBACK_CALLER_ID },
      log,
    });
    callFlow.attachCallbacks(callbackCalls);
    const desktopHub = new DesktopHub();
    const desktopPop = (callId: string) => {
      const session = callFlow.session(callId);
      const live = { held: session?.held ?? false, linkage: linkageView(session?.link ?? null) };
      return buildScreenPop(callId, { callLog, tickets: ticketsRepository, queues: queuesRepository, recordingOf: (id) => recordings.storedOf(id), suggest: (words, category) => app.kbRepository.suggest(words, category, 5, app.clock()) }, live);
    };
    // A pop is built only for an agent whose page is open to show it.
    const popTo = (agentId: number, callId: string, type: 'offer' | 'call') => {
      if (!desktopHub.isConnected(agentId)) return;
      const pop = desktopPop(callId);
      if (pop) desktopHub.pop(agentId, type, pop);
    };
    agentService.onChange((agent, previous) => {
      desktopHub.agentChanged(agent);
      if (agent.state === 'on-call' && previous.state === 'ringing' && agent.currentCallId) popTo(agent.id, agent.currentCallId, 'call');
    });
    acd.onOffered((session, agentId) => popTo(agentId, session.id, 'offer'));
    callControls.onCallChanged((session, agentId) => popTo(agentId, session.id, 'call'));
    linkageCalls.onFailed((agentId, notice) => desktopHub.linkageFailed(agentId, notice));
    callbackCalls.onFailed((agentId, notice) => desktopHub.callbackFailed(agentId, notice));
    callbackCalls.onChanged((session, agentId) => popTo(agentId, session.id, 'call'));
    callLog.onCallbacksChanged(() => desktopHub.callbacksChanged());
    // A burst of arrivals changes the queues many times in one turn of the event loop; supervisors get the result once.
    let queuesPending = false;
    acd.onWaitingChanged(() => {
      if (queuesPending || !desktopHub.hasSupervisors()) return;
      queuesPending = true;
      setImmediate(() => {
        queuesPending = false;
        const waiting = acd.snapshot();
        desktopHub.queuesChanged(queuesRepository.list().map((q) => queueView(q, waiting, { maskCallers: false })));
      });
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
    app.decorate('desktopPop', desktopPop);
    app.decorate('callControls', callControls);
    app.decorate('pauseReasons', new PauseReasonsRepository(db));
    app.decorate('linkageTargets', linkageTargets);
    app.decorate('linkageCalls', linkageCalls);
    app.decorate('callbackCalls', callbackCalls);
    app.decorate('calendars', calendars);

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
  { name: 'call-center', dependencies: ['db', 'auth', 'kb-repository'] },
);
