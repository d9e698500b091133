import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import fp from 'fastify-plugin';
import sensible from '@fastify/sensible';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import { openDatabase, type Db } from './db/client.js';
import type { Telephony } from './telephony/types.js';
import { installErrorHandler } from './http/error-handler.js';
import { schemaErrorFormatter } from './http/validation-errors.js';
import { loggerOptions } from './log.js';
import authPlugin from './auth/plugin.js';
import callCenter from './call-center.js';
import healthRoutes from './http/health.js';
import authRoutes from './auth/routes.js';
import agentsRoutes from './agents/routes.js';
import queuesRoutes from './queues/routes.js';
import callsRoutes from './calls/routes.js';
import menusRoutes from './menus/routes.js';
import menuEditingRoutes from './menus/editing-routes.js';
import menuEditing from './menus/plugin.js';
import auditLog from './audit/plugin.js';
import auditRoutes from './audit/routes.js';
import desktopRoutes from './desktop/routes.js';
import callControlRoutes from './calls/control-routes.js';
import dispositionRoutes from './calls/disposition-routes.js';
import callbackRoutes from './calls/callback-routes.js';
import ticketsRoutes from './tickets/routes.js';
import pauseReasonsRoutes from './agents/pause-reasons-routes.js';
import pages from './http/pages.js';
import recordingsPlugin from './recordings/plugin.js';
import recordingsRoutes from './recordings/routes.js';
import linkageRoutes from './linkage/routes.js';
import linkagePlugin from './linkage/plugin.js';
import linkageFeedbackRoutes from './linkage/feedback-routes.js';
import ticketLinkageRoutes from './linkage/ticket-routes.js';
import calendarsRoutes from './calendar/routes.js';
import simulateRoutes from './menus/simulate-routes.js';
import promptsPlugin from './prompts/plugin.js';
import promptsRoutes from './prompts/routes.js';
import ticketLifecyclePlugin from './tickets/plugin.js';
import ticketLifecycleRoutes from './tickets/lifecycle-routes.js';
import ticketAttachmentRoutes from './tickets/attachment-routes.js';
import deadlinePolicyRoutes from './tickets/deadline-routes.js';
import unitsRoutes from './units/routes.js';
import kbPlugin from './kb/plugin.js';
import kbRoutes from './kb/routes.js';
import ticketDuplicatesPlugin from './tickets/duplicates-plugin.js';
import ticketDuplicatesRoutes from './tickets/duplicates-routes.js';
import reportsPlugin from './reports/plugin.js';
import reportsRoutes from './reports/routes.js';
import callbackSurveysPlugin from './callback-surveys/plugin.js';
import callbackSurveyRoutes from './callback-surveys/routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    telephony: Telephony;
    /** Now, in epoch ms: the IVR's hours nodes read it; tests set it to a holiday. */
    clock: () => number;
  }
}

export interface AppOptions {
  config: Config;
  telephony: Telephony;
  /** Defaults to opening config.DATABASE_PATH; tests hand in an in-memory one. */
  db?: Db;
  /** A pino logger to share with the telephony adapter; by default one is made from LOG_LEVEL. */
  logger?: Logger;
  /** Defaults to Date.now. */
  clock?: () => number;
}

/** Builds the whole service without listening; server.ts listens, tests inject. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as unknown as FastifyBaseLogger } : { logger: loggerOptions(options.config.LOG_LEVEL) }),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    schemaErrorFormatter,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  await app.register(sensible);
  await app.register(websocket);

  app.decorate('config', options.config);
  await app.register(
    fp(
      async (instance) => {
        const db = options.db ?? openDatabase(options.config.DATABASE_PATH);
        instance.decorate('db', db);
        instance.addHook('onClose', async () => db.$client.close());
      },
      { name: 'db' },
    ),
  );
  app.decorate('telephony', options.telephony);
  app.decorate('clock', options.clock ?? Date.now);
  await app.register(authPlugin);
  await app.register(kbPlugin);
  await app.register(ticketDuplicatesPlugin);
  await app.register(callCenter);
  await app.register(auditLog);
  await app.register(menuEditing);
  await app.register(recordingsPlugin);
  await app.register(linkagePlugin);
  await app.register(promptsPlugin);
  await app.register(ticketLifecyclePlugin);
  await app.register(callbackSurveysPlugin);
  await app.register(reportsPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(agentsRoutes, { prefix: '/api/agents' });
  await app.register(queuesRoutes, { prefix: '/api/queues' });
  await app.register(callsRoutes, { prefix: '/api/calls' });
  await app.register(menusRoutes, { prefix: '/api/menus' });
  await app.register(simulateRoutes, { prefix: '/api/menus' });
  await app.register(promptsRoutes, { prefix: '/api/prompts' });
  await app.register(menuEditingRoutes, { prefix: '/api/menus' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(callControlRoutes, { prefix: '/api/calls' });
  await app.register(dispositionRoutes, { prefix: '/api/calls' });
  await app.register(callbackRoutes, { prefix: '/api/callbacks' });
  await app.register(callbackSurveyRoutes, { prefix: '/api/callback-surveys' });
  await app.register(ticketsRoutes, { prefix: '/api/tickets' });
  await app.register(ticketLifecycleRoutes, { prefix: '/api/tickets' });
  await app.register(ticketAttachmentRoutes, { prefix: '/api/tickets' });
  await app.register(deadlinePolicyRoutes, { prefix: '/api/ticket-deadlines' });
  await app.register(unitsRoutes, { prefix: '/api/units' });
  await app.register(pauseReasonsRoutes, { prefix: '/api/pause-reasons' });
  await app.register(linkageRoutes, { prefix: '/api/linkage-targets' });
  await app.register(ticketLinkageRoutes, { prefix: '/api/tickets' });
  await app.register(ticketDuplicatesRoutes, { prefix: '/api/tickets' });
  await app.register(kbRoutes, { prefix: '/api/kb' });
  await app.register(linkageFeedbackRoutes, { prefix: '/api/linkage' });
  await app.register(recordingsRoutes, { prefix: '/api/recordings' });
  await app.register(calendarsRoutes, { prefix: '/api/calendars' });
  await app.register(desktopRoutes, { prefix: '/api/desktop' });
  await app.register(reportsRoutes, { prefix: '/api/reports' });
  await app.register(pages);
  return app;
}
