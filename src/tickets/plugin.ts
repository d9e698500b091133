import fp from 'fastify-plugin';
import { defaultCalendar, type Calendar } from '../calendar/model.js';
import { HandlingUnitsRepository } from '../units/repository.js';
import { AttachmentsStore } from './attachments.js';
import { LifecycleRepository } from './lifecycle-repository.js';
import { TicketLifecycle } from './lifecycle-service.js';
import { Supervision } from './supervision.js';

declare module 'fastify' {
  interface FastifyInstance {
    handlingUnits: HandlingUnitsRepository;
    ticketLifecycle: TicketLifecycle;
    lifecycleRepository: LifecycleRepository;
    ticketAttachments: AttachmentsStore;
    supervision: Supervision;
    /** The calendar ticket deadlines count on (TICKET_CALENDAR), as stored now. */
    ticketCalendar: () => Calendar;
  }
}

/** The ticket loop after intake: units, the lifecycle shell, attachments and the supervision sweep. */
export default fp(
  async (app) => {
    const { db, config } = app;
    const units = new HandlingUnitsRepository(db);
    const repository = new LifecycleRepository(db);
    // Without the named calendar (a typo in TICKET_CALENDAR), office hours still give sane deadlines.
    const calendar = (): Calendar => app.calendars.get(config.TICKET_CALENDAR) ?? { ...defaultCalendar, name: config.TICKET_CALENDAR };
    const lifecycle = new TicketLifecycle({ db, repository, units, calendar, clock: app.clock, nearPercent: config.DEADLINE_NEAR_PERCENT });
    const supervision = new Supervision({ repository, lifecycle, calendar, clock: app.clock, nearPercent: config.DEADLINE_NEAR_PERCENT, log: app.log.child({ area: 'supervision' }) });
    app.decorate('handlingUnits', units);
    app.decorate('lifecycleRepository', repository);
    app.decorate('ticketLifecycle', lifecycle);
    app.decorate('ticketAttachments', new AttachmentsStore(db, config.ATTACHMENTS_DIR));
    app.decorate('supervision', supervision);
    app.decorate('ticketCalendar', calendar);
    app.addHook('onReady', async () => {
      supervision.refreshFlags();
      supervision.start(config.SUPERVISION_INTERVAL_MS);
    });
    app.addHook('onClose', async () => supervision.stop());
  },
  { name: 'ticket-lifecycle', dependencies: ['db', 'call-center'] },
);
