import type { Log } from '../log.js';
import { maskNumber } from '../log.js';
import type { Telephony, TelephonyEvent } from '../telephony/types.js';
import { dialLeg } from '../calls/dial-leg.js';
import { CallSession } from '../calls/session.js';
import { KeySurvey } from '../calls/key-survey.js';
import type { PromptSettings } from '../ivr/speech.js';
import type { SurveySettings } from '../survey/post-call.js';
import type { CallbackSurveyFailure } from '../db/schema/index.js';
import { systemActor, type TicketLifecycle } from '../tickets/lifecycle-service.js';
import type { CallbackResult } from '../tickets/lifecycle.js';
import type { CallbackSurveyStore, DueSurvey } from './store.js';

/** The first Stasis arg of a survey call, so the call flow leaves it to us. */
export const CALLBACK_SURVEY_LEG = 'callback-survey';

const RING_SECONDS = 45;
const channelPrefix = 'callback-survey-';

const resultNames: Record<CallbackResult, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' };

export interface SurveyCallDeps {
  telephony: Telephony;
  store: CallbackSurveyStore;
  lifecycle: TicketLifecycle;
  prompts: PromptSettings;
  survey: SurveySettings;
  dial: { template: string; callerId: string };
  clock: () => number;
  log: Log;
}

interface SurveyCall {
  surveyId: number;
  ticketNumber: string;
  attempt: number;
  session: CallSession;
  answered: boolean;
  survey: KeySurvey | null;
  /** Asterisk took the originate: from now on its channel list shows the call. */
  placed: boolean;
  /** A key was applied (or the attempt already ended): the channel's end changes nothing. */
  finished: boolean;
}

/** Busy or declined, not picked up, or not reachable at all: what a citizen's phone said before answering. */
function failureOf(cause: number): CallbackSurveyFailure {
  if (cause === 17 || cause === 21) return 'busy';
  return cause === 18 || cause === 19 || cause === 0 ? 'no-answer' : 'unreachable';
}

/**
 * The calls of the 智能回访: the service dials the citizen, plays who is calling and the survey
 * question, and takes the key with the same rules as the survey after a call (survey/post-call.ts).
 * A key applies the callback to the ticket; anything else ends the attempt as failed, which the
 * store turns into a retry or a survey for a person to finish.
 */
export class SurveyCalls {
  private readonly live = new Map<string, SurveyCall>();
  private reconciling: Promise<void> = Promise.resolve();
  /** Set once calls left by an earlier run of the service have been ended: only then are new ones placed. */
  ready = false;

  constructor(private readonly deps: SurveyCallDeps) {}

  start(): void {
    this.deps.telephony.onEvent((event) => this.onEvent(event));
  }

  /** Places the survey's next call; the attempt is written before anything is awaited, so the count of calls out is right at once. */
  dial(due: DueSurvey): Promise<void> {
    const { store, telephony, clock } = this.deps;
    const channelId = `${channelPrefix}${due.survey.id}-${due.survey.attempts + 1}`;
    const started = store.startAttempt(due.survey.id, channelId, clock());
    if (!started) return Promise.resolve();
    const log = this.deps.log.child({ survey: due.survey.id, ticket: due.ticketNumber });
    const session = new CallSession(channelId, channelId, due.caller, log);
    const call: SurveyCall = { surveyId: due.survey.id, ticketNumber: due.ticketNumber, attempt: started.attempt, session, answered: false, survey: null, placed: false, finished: false };
    this.live.set(channelId, call);
    log.info({ attempt: started.attempt, number: maskNumber(due.caller) }, 'callback survey dialling');
    return session.run(async () => {
      const dial = { endpoint: this.deps.dial.template.replace('{number}', due.caller), channelId, appArgs: [CALLBACK_SURVEY_LEG, String(due.survey.id)], callerId: this.deps.dial.callerId, timeoutSeconds: RING_SECONDS };
      call.placed = await dialLeg(telephony, session, dial, () => !call.answered && !call.finished, async (cause) => this.end(call, cause === 0 ? 'unreachable' : 'no-answer'));
    });
  }

  /** Survey calls out now; for shutdown and tests. */
  async settled(): Promise<void> {
    await this.reconciling;
    await Promise.all([...this.live.values()].map((c) => c.session.settled()));
  }

  stop(): void {
    for (const call of this.live.values()) call.session.dispose();
  }

  private onEvent(event: TelephonyEvent): void {
    switch (event.type) {
      case 'connection':
        if (event.connected) this.reconcile();
        return;
      case 'channel-entered': {
        if (event.args[0] !== CALLBACK_SURVEY_LEG) return;
        const call = this.live.get(event.channel.id);
        if (!call) {
          void this.deps.telephony.hangup(event.channel.id).catch(() => undefined);
          return;
        }
        void call.session.run(() => this.answered(call));
        return;
      }
      case 'dtmf': {
        const call = this.live.get(event.channelId);
        const survey = call?.survey;
        if (survey) void call.session.run(() => survey.digit(event.digit));
        return;
      }
      case 'playback-finished': {
        const call = event.channelId ? this.live.get(event.channelId) : undefined;
        if (call) void call.session.run(async () => call.session.takePlaybackContinuation(event.playbackId)?.());
        return;
      }
      case 'channel-left':
      case 'hangup': {
        const call = this.live.get(event.channelId);
        if (!call) return;
        void call.session.run(() => this.end(call, call.answered ? 'no-key' : failureOf(event.cause ?? 16)));
        return;
      }
      default:
        return;
    }
  }

  private async answered(call: SurveyCall): Promise<void> {
    call.answered = true;
    this.deps.store.answered(call.surveyId, this.deps.clock());
    const { telephony, prompts, survey: settings } = this.deps;
    call.survey = new KeySurvey(call.session, { telephony, prompts, settings }, {
      answered: (key, result) => this.keyed(call, key, result),
      invalidKey: () => undefined,
      noAnswer: () => this.end(call, 'no-key', false),
    });
    // Who is calling and why, before the question: the citizen did not expect this call.
    await call.survey.start(['callback-survey-intro']);
  }

  /** The key applies the callback to the ticket, in one transaction with the survey's own row. */
  private keyed(call: SurveyCall, key: string, result: CallbackResult): void {
    const { store, lifecycle, clock } = this.deps;
    call.finished = true;
    const now = clock();
    const detail = { key, survey: call.surveyId, attempt: call.attempt };
    try {
      lifecycle.callback(call.ticketNumber, systemActor, result, `智能回访：${resultNames[result]}（按${key}）`, {
        detail,
        write: (tx) => {
          if (!store.keyed(call.surveyId, key, result, now, tx)) throw new Error('the survey is no longer calling');
        },
      });
      call.session.log.info({ result }, 'callback survey answered; ticket called back');
    } catch (err) {
      // A person called the citizen back meanwhile: their result stands; the key is kept on the attempt.
      store.keyed(call.surveyId, key, result, now);
      call.session.log.info({ err, result }, 'callback survey key not applied: the ticket was called back meanwhile');
    }
  }

  /** The attempt is over without a key; `forget`: the channel is gone too. */
  private end(call: SurveyCall, failure: CallbackSurveyFailure, forget = true): void {
    if (!call.finished) {
      call.finished = true;
      const status = this.deps.store.fail(call.surveyId, failure, this.deps.clock());
      call.session.log.info({ failure, status }, 'callback survey attempt failed');
    }
    if (forget) this.forget(call);
  }

  private forget(call: SurveyCall): void {
    call.survey?.stop();
    call.session.dispose();
    this.live.delete(call.session.channelId);
  }

  /**
   * Asterisk is (again) connected. A survey call whose channel vanished meanwhile ended; a call
   * the database shows out but this process never placed was cut by a restart: its channel, if
   * Asterisk still has it, is hung up (a few seconds' question is not worth rebuilding), and the
   * attempt counts as failed, to be tried again.
   */
  private reconcile(): void {
    this.reconciling = this.reconciling
      .then(async () => {
        // A call still being placed may be missing from the list though it is ringing.
        const known = [...this.live.values()].filter((c) => c.placed);
        const live = new Set((await this.deps.telephony.listChannels()).map((c) => c.id));
        for (const call of known) if (!live.has(call.session.channelId)) await call.session.run(() => this.end(call, call.answered ? 'no-key' : 'unreachable'));
        for (const { surveyId, channelId } of this.deps.store.calling()) {
          if (this.live.has(channelId)) continue;
          if (live.has(channelId)) await this.deps.telephony.hangup(channelId).catch(() => undefined);
          this.deps.store.fail(surveyId, 'restart', this.deps.clock());
          this.deps.log.info({ survey: surveyId }, 'callback survey call cut by a restart; counted as a failed attempt');
        }
        this.ready = true;
      })
      .catch((err: unknown) => this.deps.log.error({ err }, 'callback survey reconciliation failed'));
  }
}
