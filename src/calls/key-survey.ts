import type { Telephony } from '../telephony/types.js';
import { promptsMedia, type PromptSettings } from '../ivr/speech.js';
import { startSurvey, stepSurvey, type SurveyCommand, type SurveyInput, type SurveySettings, type SurveyState } from '../survey/post-call.js';
import type { CallbackResult } from '../tickets/lifecycle.js';
import type { CallSession } from './session.js';

/** What the citizen did, told as it happens; the survey's owner writes it where it belongs. */
export interface KeySurveyOutcome {
  answered(key: string, result: CallbackResult): void;
  invalidKey(key: string): void;
  /** Asked every time without a valid key. */
  noAnswer(reason: 'timeout' | 'invalid-key'): void;
}

export interface KeySurveyDeps {
  telephony: Telephony;
  prompts: PromptSettings;
  settings: SurveySettings;
}

/**
 * One key-press survey played to one channel: the pure machine (survey/post-call.ts) with the
 * playing, stopping and timing it asks for. Shared by the survey after a call and the 智能回访.
 * Its steps run in the call's queue (the session), so keys and prompt ends are taken in order.
 */
export class KeySurvey {
  private state: SurveyState = { phase: 'asking', tries: 1 };
  private playback: string | null = null;
  private cancelTimer: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly session: CallSession,
    private readonly deps: KeySurveyDeps,
    private readonly outcome: KeySurveyOutcome,
  ) {}

  /** Asks the question; `intro` plays ahead of it in the same playback, so a key during it answers too. */
  start(intro: string[] = []): Promise<void> {
    const { state, commands } = startSurvey();
    this.state = state;
    return this.execute(commands, intro);
  }

  get done(): boolean {
    return this.state.phase === 'done';
  }

  digit(digit: string): Promise<void> {
    return this.input({ type: 'digit', digit });
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private async input(input: SurveyInput): Promise<void> {
    if (this.stopped) return;
    const { state, commands } = stepSurvey(this.state, input, this.deps.settings);
    this.state = state;
    await this.execute(commands);
  }

  private async execute(commands: SurveyCommand[], intro: string[] = []): Promise<void> {
    for (const command of commands) {
      if (this.stopped || this.session.callerGone) return;
      await this.executeOne(command, intro);
      intro = [];
    }
  }

  private async executeOne(command: SurveyCommand, intro: string[]): Promise<void> {
    const { telephony } = this.deps;
    const { session } = this;
    switch (command.type) {
      case 'play': {
        const playbackId = session.nextPlaybackId();
        this.playback = playbackId;
        // A stopped prompt's finish still arrives: only the prompt now playing moves the survey on.
        session.whenPlaybackEnds(playbackId, async () => {
          if (this.playback !== playbackId) return;
          this.playback = null;
          await this.input({ type: 'prompt-finished' });
        });
        await telephony.play(session.channelId, promptsMedia([...intro, command.prompt], this.deps.prompts), playbackId);
        return;
      }
      case 'stop-prompt': {
        const playbackId = this.playback;
        this.playback = null;
        if (playbackId) await telephony.stopPlayback(playbackId);
        return;
      }
      case 'start-timer':
        this.cancelTimer?.();
        this.cancelTimer = session.after(command.seconds * 1000, () => {
          this.cancelTimer = null;
          return this.input({ type: 'timeout' });
        });
        return;
      case 'cancel-timer':
        this.cancelTimer?.();
        this.cancelTimer = null;
        return;
      case 'answered':
        this.outcome.answered(command.key, command.result);
        return;
      case 'invalid-key':
        this.outcome.invalidKey(command.key);
        return;
      case 'no-answer':
        this.outcome.noAnswer(command.reason);
        return;
      case 'hangup':
        await telephony.hangup(session.channelId);
        return;
    }
  }
}
