import type { Telephony } from '../telephony/types.js';
import { promptsMedia, type PromptSettings } from '../ivr/speech.js';
import { startSurvey, stepSurvey, type SurveyCommand, type SurveyInput, type SurveySettings, type SurveyState } from '../survey/post-call.js';
import type { CallbackResult } from '../tickets/lifecycle.js';
import { PromptAndTimer } from './prompt-and-timer.js';
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
  private readonly channel: PromptAndTimer;
  private stopped = false;

  constructor(
    private readonly session: CallSession,
    private readonly deps: KeySurveyDeps,
    private readonly outcome: KeySurveyOutcome,
  ) {
    this.channel = new PromptAndTimer(session, deps.telephony);
  }

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
    this.channel.cancelTimer();
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
      case 'play':
        // A stopped prompt's finish still arrives: only the prompt now playing moves the survey on.
        return this.channel.play(promptsMedia([...intro, command.prompt], this.deps.prompts), () => this.input({ type: 'prompt-finished' }));
      case 'stop-prompt':
        return this.channel.stopPrompt();
      case 'start-timer':
        return this.channel.startTimer(command.seconds, () => this.input({ type: 'timeout' }));
      case 'cancel-timer':
        return this.channel.cancelTimer();
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
