import type { Telephony } from '../telephony/types.js';
import type { CallLog } from '../calls/call-log.js';
import type { CallSession } from '../calls/session.js';
import type { MenuDefinition } from './model.js';
import { startIvr, stepIvr, type IvrCommand, type IvrInput, type IvrState } from './interpreter.js';
import { promptsMedia, type PromptSettings } from './speech.js';

export interface IvrActions {
  /** Ticket progress read back as prompt refs, for the number the caller keyed. */
  ticketProgress(digits: string): string[];
}

export interface IvrExit {
  queue(session: CallSession, queue: string): Promise<void>;
  hangup(session: CallSession): Promise<void>;
}

/**
 * Carries out the interpreter's commands for one call over the telephony adapter and feeds
 * back what happened. Stale events (a stopped prompt's finish, a replaced timer) are dropped
 * here, so the interpreter only ever sees the prompt and timer it asked for.
 */
export class IvrRunner {
  private state: IvrState | null = null;
  private currentPlayback: string | null = null;
  private cancelTimer: (() => void) | null = null;
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
    },
  ) {}

  async start(): Promise<void> {
    const { state, commands } = startIvr(this.menu);
    this.state = state;
    await this.execute(commands);
  }

  async input(input: IvrInput): Promise<void> {
    if (!this.state || !this.running) return;
    const { state, commands } = stepIvr(this.menu, this.state, input);
    this.state = state;
    await this.execute(commands);
  }

  onPlaybackFinished(playbackId: string): Promise<void> {
    if (playbackId !== this.currentPlayback) return Promise.resolve();
    this.currentPlayback = null;
    return this.input({ type: 'prompt-finished' });
  }

  /** The caller left the IVR (hung up, or went to a queue): no more prompts or timers. */
  stop(): void {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
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
      case 'play': {
        const playbackId = session.nextPlaybackId();
        this.currentPlayback = playbackId;
        await telephony.play(session.channelId, promptsMedia(command.prompt, this.deps.prompts), playbackId);
        return;
      }
      case 'stop-prompt': {
        const playbackId = this.currentPlayback;
        this.currentPlayback = null;
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
      case 'enter-node':
        callLog.ivrStep(session.id, { nodeId: command.nodeId, kind: command.kind, label: command.label, key: command.key, at: Date.now() });
        session.log.info({ nodeId: command.nodeId, key: command.key }, 'ivr node entered');
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
        await this.deps.exit.hangup(session);
        return;
    }
  }
}
