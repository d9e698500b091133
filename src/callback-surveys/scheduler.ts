import type { FastifyBaseLogger } from 'fastify';
import type { Calendar } from '../calendar/model.js';
import type { SurveyCalls } from './calls.js';
import { mayCall, type SurveyRules } from './policy.js';
import type { CallbackSurveyStore } from './store.js';

export interface SchedulerDeps {
  store: CallbackSurveyStore;
  calls: SurveyCalls;
  rules: SurveyRules;
  calendar: () => Calendar;
  /** Whether Asterisk is connected: an attempt dialled while it is down would be lost for nothing. */
  connected: () => boolean;
  /** Survey calls out at once, at most. */
  maxCalls: number;
  clock: () => number;
  log: FastifyBaseLogger;
}

/**
 * Places the survey calls that are due, within the allowed days and hours, never more than
 * `maxCalls` at once (the hotline's trunk carries citizens' calls first). Run on a timer like
 * the supervision sweep; tests call tick() with the clock they set.
 */
export class CallbackSurveyScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Dials what is due now; returns how many calls it placed. */
  tick(now = this.deps.clock()): number {
    const { store, calls } = this.deps;
    if (!this.deps.connected() || !calls.ready || !mayCall(this.deps.rules, this.deps.calendar(), now)) return 0;
    const due = store.due(now, this.deps.maxCalls - store.callingCount());
    for (const survey of due) void calls.dial(survey);
    if (due.length) this.deps.log.info({ placed: due.length }, 'callback survey calls placed');
    return due.length;
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (err) {
        // A failed tick (the database busy past its timeout) is tried again at the next one.
        this.deps.log.error({ err }, 'callback survey tick failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
