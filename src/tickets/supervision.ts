import type { FastifyBaseLogger } from 'fastify';
import type { Calendar } from '../calendar/model.js';
import { deadlineFlag, flagAt, type DeadlineFlag } from './deadlines.js';
import type { LifecycleRepository } from './lifecycle-repository.js';
import { overdueDeadlines, systemActor, type TicketLifecycle } from './lifecycle-service.js';

export interface FlaggedDeadline {
  number: string;
  title: string;
  type: string;
  urgency: string;
  status: string;
  unitId: number;
  unitName: string;
  deadline: 'sign-for' | 'completion';
  startedAt: number;
  dueAt: number;
  usedPercent: number;
  flag: Exclude<DeadlineFlag, 'on-time'>;
  supervised: boolean;
}

export interface SupervisionDeps {
  repository: LifecycleRepository;
  lifecycle: TicketLifecycle;
  calendar: () => Calendar;
  clock: () => number;
  nearPercent: number;
  log: FastifyBaseLogger;
}

/**
 * 统一督办: lists the deadlines near or past, and records a supervision event for each missed
 * one, once per ticket and deadline (the event's deadline key is unique), however often it runs.
 */
export class Supervision {
  private timer: NodeJS.Timeout | null = null;
  /** The calendar and near percent the stored flag times were last made on, by this process. */
  private flagsMadeOn: string | null = null;

  constructor(private readonly deps: SupervisionDeps) {}

  /**
   * Makes the parts' flag times agree with the calendar and near percent in force: the lifecycle
   * writes them as parts change, but an edited calendar, a new DEADLINE_NEAR_PERCENT or a service
   * that stopped before either moves them all. Cheap when nothing changed; returns the calendar.
   */
  refreshFlags(): Calendar {
    const calendar = this.deps.calendar();
    const on = JSON.stringify([calendar, this.deps.nearPercent]);
    if (on !== this.flagsMadeOn) {
      const changed = this.deps.repository.refreshFlags((part) => flagAt(calendar, part, this.deps.nearPercent));
      if (changed) this.deps.log.info({ changed }, 'deadline flag times recomputed');
      this.flagsMadeOn = on;
    }
    return calendar;
  }

  flagged(now = this.deps.clock()): FlaggedDeadline[] {
    const calendar = this.refreshFlags();
    const rows = this.deps.repository.flaggedBy(now);
    const ticketIds = [...new Set(rows.map((r) => r.ticket.id))];
    const swept = this.deps.repository.supervisedKeys(ticketIds);
    const byHand = this.deps.repository.manualSupervisions(ticketIds);
    const list: FlaggedDeadline[] = [];
    for (const { assignment: a, ticket, unitName } of rows) {
      const deadlines: Array<['sign-for' | 'completion', number]> = a.status === 'dispatched' ? [['sign-for', a.signForDueAt], ['completion', a.dueAt]] : [['completion', a.dueAt]];
      for (const [deadline, dueAt] of deadlines) {
        const { flag, usedPercent } = deadlineFlag(calendar, a.dispatchedAt, dueAt, now, this.deps.nearPercent);
        if (flag === 'on-time') continue;
        list.push({
          number: ticket.number,
          title: ticket.title,
          type: ticket.type,
          urgency: ticket.urgency,
          status: ticket.status,
          unitId: a.unitId,
          unitName,
          deadline,
          startedAt: a.dispatchedAt,
          dueAt,
          usedPercent,
          flag,
          // The sweep's own event for this deadline, or a person's 督办 of the ticket once it was missed.
          supervised: swept.has(`${a.id}:${deadline}:${dueAt}`) || (byHand.get(ticket.id) ?? -1) >= dueAt,
        });
      }
    }
    return list.sort((x, y) => x.dueAt - y.dueAt);
  }

  /** Supervises every deadline missed by `now` not supervised yet; returns how many it recorded. */
  sweep(now = this.deps.clock()): number {
    this.refreshFlags();
    // An overdue part is flagged: its flag time is never after its deadlines.
    const rows = this.deps.repository.flaggedBy(now);
    const done = this.deps.repository.supervisedKeys([...new Set(rows.map((r) => r.ticket.id))]);
    let recorded = 0;
    for (const { assignment, ticket } of rows) {
      for (const deadline of overdueDeadlines(assignment, now)) {
        if (done.has(deadline.key)) continue;
        try {
          this.deps.lifecycle.supervise(ticket.number, systemActor, `${deadline.kind === 'sign-for' ? '签收' : '办结'}超时`, { ...deadline, unitId: assignment.unitId });
          done.add(deadline.key);
          recorded += 1;
        } catch (err) {
          // One ticket that cannot be supervised (changed meanwhile) must not stop the others.
          this.deps.log.warn({ err, ticket: ticket.number }, 'supervision of an overdue ticket failed');
        }
      }
    }
    if (recorded) this.deps.log.info({ recorded }, 'overdue tickets supervised');
    return recorded;
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.sweep();
      } catch (err) {
        // A failed sweep (the database busy past its timeout) is tried again at the next tick.
        this.deps.log.error({ err }, 'supervision sweep failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
