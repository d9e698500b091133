import type { Telephony } from '../telephony/types.js';
import type { CallLog } from '../calls/call-log.js';
import type { CallSession } from '../calls/session.js';
import { PromptAndTimer } from '../calls/prompt-and-timer.js';
import type { Calendar } from '../calendar/model.js';
import type { MenuDefinition } from './model.js';
import { startIvr, stepIvr, type IvrCommand, type IvrContext, type IvrInput, type IvrState } from './interpreter.js';
import { promptsMedia, type PromptSettings } from './speech.js';

export interface IvrActions {
  /** Ticket progress read back as prompt refs, for the number the caller keyed. */
  ticketProgress(digits: string): string[];
}

export interface IvrExit {
  queue(session: CallSession, queue: string): Promise<void>;
  hangup(session: CallSession, messageLeft: boolean): Promise<void>;
  /** Dials a linkage target for the caller; the outcome comes back later as a transfer-result input. */
  transfer(session: CallSession, target: string): Promise<void>;
  /** Records the caller's message; its end comes back later as a message-recorded input. */
  recordMessage(session: CallSession, maxSeconds: number): Promise<void>;
}

/**
 * Carries out the interpreter's commands for one call over the telephony adapter and feeds
 * back what happened. Stale events (a stopped prompt's finish, a replaced timer) are dropped
 * here, so the interpreter only ever sees the prompt and timer it asked for.
 */
export class IvrRunner {
  private state: IvrState | null = null;
  private readonly channel: PromptAndTimer;
  private running = true;

  constructor(
    private readonly session: CallSession,
    private readonly menu: MenuDefinition,
    private readonly deps: {
      telephony: Telephony;
      callLog: CallLog;
      prompts: PromptSettings;
      actions: IvrActions;
      exit: IvrExit;
      /** The service's clock: an hours node branches on the moment the caller reaches it. */
      now: () => number;
      calendar: (name: string) => Calendar | null;
    },
  ) {
    this.channel = new PromptAndTimer(session, deps.telephony);
  }

  async start(): Promise<void> {
    const { state, commands } = startIvr(this.menu, this.context());
    this.state = state;
    await this.execute(commands);
  }

  async input(input: IvrInput): Promise<void> {
    if (!this.state || !this.running) return;
    const { state, commands } = stepIvr(this.menu, this.state, input, this.context());
    this.state = state;
    await this.execute(commands);
  }

  onPlaybackFinished(playbackId: string): Promise<void> {
    if (!this.channel.finished(playbackId)) return Promise.resolve();
    return this.input({ type: 'prompt-finished' });
  }

  /** The caller left the IVR (hung up, or went to a queue): no more prompts or timers. */
  stop(): void {
    this.running = false;
    this.channel.cancelTimer();
  }

  private context(): IvrContext {
    return { now: this.deps.now(), calendar: this.deps.calendar, language: this.session.language ?? this.deps.prompts.language };
  }

  private async execute(commands: IvrCommand[]): Promise<void> {
    for (const command of commands) {
      if (!this.running || this.session.callerGone) return;
      await this.executeOne(command);
    }
  }

  private async executeOne(command: IvrCommand): Promise<void> {
    const { telephony, callLog } = this.deps;
    const session = this.session;
    switch (command.type) {
      case 'play':
        return this.channel.play(promptsMedia(command.prompt, { ...this.deps.prompts, language: this.state?.language ?? this.deps.prompts.language }));
      case 'stop-prompt':
        return this.channel.stopPrompt();
      case 'start-timer':
        return this.channel.startTimer(command.seconds, () => this.input({ type: 'timeout' }));
      case 'cancel-timer':
        return this.channel.cancelTimer();
      case 'enter-node':
        callLog.ivrStep(session.id, { nodeId: command.nodeId, kind: command.kind, label: command.label, key: command.key, at: Date.now() });
        session.log.info({ nodeId: command.nodeId, key: command.key }, 'ivr node entered');
        return;
      case 'set-language':
        // On the session for the queue's announcements, in the call log for a restart to find.
        session.language = command.language;
        callLog.record(session.id, 'language-set', { language: command.language }, { language: command.language });
        return;
      case 'transfer':
        await this.deps.exit.transfer(session, command.target);
        return;
      case 'record-message':
        await this.deps.exit.recordMessage(session, command.maxSeconds);
        return;
      case 'run-action': {
        const prompt = this.deps.actions.ticketProgress(command.digits);
        callLog.record(session.id, 'ivr-action', { action: command.action, digits: command.digits });
        await this.input({ type: 'action-result', prompt });
        return;
      }
      case 'queue':
        this.stop();
        await this.deps.exit.queue(session, command.queue);
        return;
      case 'hangup':
        this.stop();
        await this.deps.exit.hangup(session, command.messageLeft === true);
        return;
    }
  }
}
