import fp from 'fastify-plugin';
import { CallbackSurveyScheduler } from './scheduler.js';
import { SurveyCalls } from './calls.js';
import { parseWindow, type SurveyRules } from './policy.js';
import { CallbackSurveyStore } from './store.js';

declare module 'fastify' {
  interface FastifyInstance {
    callbackSurveys: CallbackSurveyStore;
    callbackSurveyCalls: SurveyCalls;
    callbackSurveyScheduler: CallbackSurveyScheduler;
  }
}

/** 智能回访: a survey opened with each completion of a ticket, its calls, and the timer that places them. */
export default fp(
  async (app) => {
    const { config, telephony } = app;
    const rules: SurveyRules = {
      // loadConfig has checked the window.
      window: parseWindow(config.CALLBACK_SURVEY_HOURS)!,
      days: config.CALLBACK_SURVEY_DAYS,
      attempts: config.CALLBACK_SURVEY_ATTEMPTS,
      retryMinutes: config.CALLBACK_SURVEY_RETRY_MINUTES,
    };
    const log = app.log.child({ area: 'callback-surveys' });
    const store = new CallbackSurveyStore({ db: app.db, events: app.lifecycleRepository, rules, calendar: app.ticketCalendar });
    app.ticketLifecycle.attachCompletion({ completed: (tx, ticket, at) => store.opened(tx, ticket, at), leftCompleted: (tx, ticketId, at) => store.cancelled(tx, ticketId, at) });
    const calls = new SurveyCalls({
      telephony,
      store,
      lifecycle: app.ticketLifecycle,
      prompts: { prefix: config.PROMPT_PREFIX, language: config.PROMPT_LANGUAGE },
      // The same key rules as the survey after a call: asked twice, the same time to answer.
      survey: { timeoutSeconds: config.POST_CALL_SURVEY_TIMEOUT_SECONDS, tries: 2 },
      dial: { template: config.CALLBACK_DIAL, callerId: config.CALLBACK_CALLER_ID },
      clock: app.clock,
      log,
    });
    calls.start();
    const scheduler = new CallbackSurveyScheduler({
      store,
      calls,
      rules,
      calendar: app.ticketCalendar,
      connected: () => telephony.connected,
      maxCalls: config.CALLBACK_SURVEY_MAX_CALLS,
      clock: app.clock,
      log,
    });
    app.decorate('callbackSurveys', store);
    app.decorate('callbackSurveyCalls', calls);
    app.decorate('callbackSurveyScheduler', scheduler);
    app.addHook('onReady', async () => scheduler.start(config.CALLBACK_SURVEY_INTERVAL_MS));
    app.addHook('onClose', async () => {
      scheduler.stop();
      calls.stop();
    });
  },
  { name: 'callback-surveys', dependencies: ['db', 'call-center', 'ticket-lifecycle'] },
);
