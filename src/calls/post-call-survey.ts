import type { Telephony } from '../telephony/types.js';
import { promptsMedia, type PromptSettings } from '../ivr/speech.js';
import { startSurvey, stepSurvey, type SurveyCommand, type SurveyInput, type SurveySettings, type SurveyState } from '../survey/post-call.js';
import type { CallLog } from './call-log.js';
import type { CallSession } from './session.js';

export interface PostCallSurveyDeps {
  telephony: Telephony;
  callLog: CallLog;
  prompts: PromptSettings;
  /** null: no survey; the citizen is hung up with the agent, as before. */
  settings: SurveySettings | null;
}

interface Running {
  state: SurveyState;
  playback: string | null;
  cancelTimer: (() => void) | null;
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
    const call = this.deps.callLog.get(session.id);
    const talkMs = call?.agentAnsweredAt ? talkEndedAt - call.agentAnsweredAt : null;
    session.phase = 'survey';
    // The talk time is the agent's, fixed now: the survey is not part of it.
    this.deps.callLog.record(session.id, 'survey-started', {}, { phase: 'survey', talkMs }, talkEndedAt);
    // A caller the agent had put on hold is still hearing music.
    if (session.held) {
      await this.deps.telephony.stopMohOnChannel(session.channelId).catch(() => undefined);
      session.held = false;
    }
    const { state, commands } = startSurvey();
    const run: Running = { state, playback: null, cancelTimer: null, answered: false };
    this.running.set(session, run);
    await this.execute(session, run, commands);
  }

  digit(session: CallSession, digit: string): Promise<void> {
    return this.input(session, { type: 'digit', digit });
  }

  /** The citizen hung up (or the channel vanished) during the survey. */
  callerLeft(session: CallSession): void {
    const run = this.running.get(session);
    if (!run) return;
    this.stop(session);
    if (!run.answered && run.state.phase !== 'done') this.deps.callLog.record(session.id, 'survey-no-answer', { reason: 'hung-up' });
  }

  stop(session: CallSession): void {
    const run = this.running.get(session);
    run?.cancelTimer?.();
    this.running.delete(session);
  }

  private async input(session: CallSession, input: SurveyInput): Promise<void> {
    const run = this.running.get(session);
    if (!run || !this.deps.settings) return;
    const { state, commands } = stepSurvey(run.state, input, this.deps.settings);
    run.state = state;
    await this.execute(session, run, commands);
  }

  private async execute(session: CallSession, run: Running, commands: SurveyCommand[]): Promise<void> {
    for (const command of commands) {
      if (session.callerGone || this.running.get(session) !== run) return;
      await this.executeOne(session, run, command);
    }
  }

  private async executeOne(session: CallSession, run: Running, command: SurveyCommand): Promise<void> {
    const { telephony, callLog } = this.deps;
    switch (command.type) {
      case 'play': {
        const playbackId = session.nextPlaybackId();
        run.playback = playbackId;
        // A stopped prompt's finish still arrives: only the prompt now playing moves the survey on.
        session.whenPlaybackEnds(playbackId, async () => {
          if (run.playback !== playbackId) return;
          run.playback = null;
          await this.input(session, { type: 'prompt-finished' });
        });
        await telephony.play(session.channelId, promptsMedia([command.prompt], this.promptsFor(session)), playbackId);
        return;
      }
      case 'stop-prompt': {
        const playbackId = run.playback;
        run.playback = null;
        if (playbackId) await telephony.stopPlayback(playbackId);
        return;
      }
      case 'start-timer':
        run.cancelTimer?.();
        run.cancelTimer = session.after(command.seconds * 1000, () => {
          run.cancelTimer = null;
          return this.input(session, { type: 'timeout' });
        });
        return;
      case 'cancel-timer':
        run.cancelTimer?.();
        run.cancelTimer = null;
        return;
      case 'answered':
        run.answered = true;
        callLog.record(session.id, 'survey', { result: command.result, key: command.key }, { surveyResult: command.result });
        session.log.info({ result: command.result }, 'post-call survey answered');
        return;
      case 'invalid-key':
        callLog.record(session.id, 'survey-invalid-key', { key: command.key });
        return;
      case 'no-answer':
        callLog.record(session.id, 'survey-no-answer', { reason: command.reason });
        return;
      case 'hangup':
        await telephony.hangup(session.channelId);
        return;
    }
  }

  private promptsFor(session: CallSession): PromptSettings {
    return { ...this.deps.prompts, language: session.language ?? this.deps.prompts.language };
  }
}
