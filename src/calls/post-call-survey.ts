import type { Telephony } from '../telephony/types.js';
import type { PromptSettings } from '../ivr/speech.js';
import type { SurveySettings } from '../survey/post-call.js';
import type { CallLog } from './call-log.js';
import { KeySurvey } from './key-survey.js';
import type { CallSession } from './session.js';

export interface PostCallSurveyDeps {
  telephony: Telephony;
  callLog: CallLog;
  prompts: PromptSettings;
  /** null: no survey; the citizen is hung up with the agent, as before. */
  settings: SurveySettings | null;
}

interface Running {
  survey: KeySurvey;
  answered: boolean;
}

/**
 * The survey after an agent hangs up: the citizen stays on the line, hears the question in
 * their own language, keys 1, 2 or 3, hears thanks and is hung up. The result is written on
 * the call the moment it is keyed; the call itself is closed by the flow when the citizen's
 * channel goes, however that happens.
 */
export class PostCallSurveys {
  private readonly running = new Map<CallSession, Running>();

  constructor(private readonly deps: PostCallSurveyDeps) {}

  /**
   * Whether the citizen left behind by the agent is surveyed. Not when nobody is left to ask,
   * nor when the agent never really talked to them (a call back is surveyed: an agent served
   * the citizen all the same).
   */
  wanted(session: CallSession): boolean {
    return this.deps.settings !== null && !session.callerGone;
  }

  /** The agent has hung up and the talk bridge is gone: the survey begins. */
  async start(session: CallSession, talkEndedAt: number): Promise<void> {
    const { callLog, telephony, settings } = this.deps;
    if (!settings) return;
    const call = callLog.get(session.id);
    const talkMs = call?.agentAnsweredAt ? talkEndedAt - call.agentAnsweredAt : null;
    session.phase = 'survey';
    // The talk time is the agent's, fixed now: the survey is not part of it.
    callLog.record(session.id, 'survey-started', {}, { phase: 'survey', talkMs }, talkEndedAt);
    // A caller the agent had put on hold is still hearing music.
    if (session.held) {
      await telephony.stopMohOnChannel(session.channelId).catch(() => undefined);
      session.held = false;
    }
    const prompts = { ...this.deps.prompts, language: session.language ?? this.deps.prompts.language };
    const run: Running = {
      answered: false,
      survey: new KeySurvey(session, { telephony, prompts, settings }, {
        answered: (key, result) => {
          run.answered = true;
          callLog.record(session.id, 'survey', { result, key }, { surveyResult: result });
          session.log.info({ result }, 'post-call survey answered');
        },
        invalidKey: (key) => callLog.record(session.id, 'survey-invalid-key', { key }),
        noAnswer: (reason) => callLog.record(session.id, 'survey-no-answer', { reason }),
      }),
    };
    this.running.set(session, run);
    await run.survey.start();
  }

  digit(session: CallSession, digit: string): Promise<void> {
    return this.running.get(session)?.survey.digit(digit) ?? Promise.resolve();
  }

  /** The citizen hung up (or the channel vanished) during the survey. */
  callerLeft(session: CallSession): void {
    const run = this.running.get(session);
    if (!run) return;
    this.stop(session);
    if (!run.answered && !run.survey.done) this.deps.callLog.record(session.id, 'survey-no-answer', { reason: 'hung-up' });
  }

  stop(session: CallSession): void {
    this.running.get(session)?.survey.stop();
    this.running.delete(session);
  }
}
