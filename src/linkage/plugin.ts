import fp from 'fastify-plugin';
import { DeliveriesRepository } from './deliveries.js';
import { DeliveryWorker } from './delivery-worker.js';
import { FeedbackRepository } from './feedback.js';
import { LinkageDeliveries } from './ticket-travel.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Queues tickets for linkage targets' systems; the call code calls linkageConnected. */
    linkageDeliveries: LinkageDeliveries;
    linkageOutbox: DeliveriesRepository;
    linkageFeedback: FeedbackRepository;
  }
}

/** Ticket deliveries to linkage targets' systems and their feedback; the worker runs while the app does. */
export default fp(
  async (app) => {
    const { db, config } = app;
    const log = app.log.child({ area: 'linkage' });
    const outbox = new DeliveriesRepository(db);
    const worker = new DeliveryWorker({
      deliveries: outbox,
      targets: app.linkageTargets,
      retryBaseMs: config.RETRY_BASE_MS,
      retryMaxMs: config.RETRY_MAX_MS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      log,
    });
    const deliveries = new LinkageDeliveries({
      deliveries: outbox,
      targets: app.linkageTargets,
      tickets: app.ticketsRepository,
      callLog: app.callLog,
      kick: () => worker.kick(),
      log,
    });

    app.decorate('linkageDeliveries', deliveries);
    // A target that joins a call after its ticket was saved still gets the ticket.
    app.linkageCalls.onConnected((callId, target) => deliveries.linkageConnected(callId, target));
    app.decorate('linkageOutbox', outbox);
    app.decorate('linkageFeedback', new FeedbackRepository(db));

    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  },
  { name: 'linkage-deliveries', dependencies: ['db', 'auth', 'call-center'] },
);
