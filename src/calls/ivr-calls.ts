import type { MenuDefinition } from '../ivr/model.js';
import type { IvrInput } from '../ivr/interpreter.js';
import { IvrRunner } from '../ivr/runner.js';
import type { CallSession } from './session.js';
import { IvrTransfers } from './ivr-transfers.js';
import type { CallFlowDeps } from './flow.js';

/** Records the caller's message (a message node); `onEnded` runs when the recording stops. */
export type MessageTaker = (session: CallSession, maxSeconds: number, onEnded: () => void) => Promise<void>;

export type IvrCallsDeps = Pick<CallFlowDeps, 'telephony' | 'callLog' | 'acd' | 'actions' | 'prompts' | 'targets' | 'calendar' | 'now'> & {
  /** The flow must route a transfer leg's events to its call before the leg exists. */
  track: (session: CallSession, channelId: string) => void;
};

/**
 * The callers now in a menu: one runner each, and where the menu hands them on (a queue, a
 * linkage target, a recorded message, or the end of the call).
 */
export class IvrCalls {
  private readonly runners = new Map<CallSession, IvrRunner>();
  private messageTaker: MessageTaker | null = null;
  readonly transfers: IvrTransfers;

  constructor(private readonly deps: IvrCallsDeps) {
    this.transfers = new IvrTransfers({
      telephony: deps.telephony,
      callLog: deps.callLog,
      targets: deps.targets,
      track: deps.track,
      resume: (session, answered) => this.transferResult(session, answered),
    });
  }

  /** Recordings are built after the flow: the message taker is handed in then. */
  takeMessagesWith(taker: MessageTaker): void {
    this.messageTaker = taker;
  }

  async start(session: CallSession, definition: MenuDefinition): Promise<void> {
    const { telephony, callLog, acd } = this.deps;
    const runner = new IvrRunner(session, definition, {
      telephony,
      callLog,
      prompts: this.deps.prompts,
      actions: this.deps.actions,
      now: this.deps.now,
      calendar: this.deps.calendar,
      exit: {
        queue: async (s, queue) => {
          this.runners.delete(s);
          await acd.enqueue(s, queue);
        },
        hangup: async (s, messageLeft) => {
          this.runners.delete(s);
          s.phase = 'ended';
          const causeText = messageLeft ? 'hung up by the IVR after a message' : 'hung up by the IVR';
          callLog.close(s.id, messageLeft ? 'message-left' : 'ended-in-ivr', { cause: 16, causeText });
          await telephony.hangup(s.channelId);
        },
        transfer: (s, target) => this.transfers.dial(s, target),
        recordMessage: (s, maxSeconds) => this.recordMessage(s, maxSeconds),
      },
    });
    this.runners.set(session, runner);
    await runner.start();
  }

  async input(session: CallSession, input: IvrInput): Promise<void> {
    await this.runners.get(session)?.input(input);
  }

  async playbackFinished(session: CallSession, playbackId: string): Promise<void> {
    await this.runners.get(session)?.onPlaybackFinished(playbackId);
  }

  /** The caller left the menu (hung up, or was rescued to a queue): no more prompts or timers. */
  stop(session: CallSession): void {
    this.runners.get(session)?.stop();
    this.runners.delete(session);
  }

  /** The transfer was answered (the menu is over for this caller) or failed (it goes on at the fallback). */
  private async transferResult(session: CallSession, answered: boolean): Promise<void> {
    await this.input(session, { type: 'transfer-result', answered });
    if (answered) this.stop(session);
  }

  /**
   * A message node: the citizen is owed a call back from the moment they start speaking, so a
   * caller who hangs up mid-message is still called; the recording is linked by the call.
   */
  private async recordMessage(session: CallSession, maxSeconds: number): Promise<void> {
    const ended = () => void session.run(() => this.input(session, { type: 'message-recorded' }));
    session.messageLeft = true;
    this.deps.callLog.requestCallback(session.id, session.caller, session.queue ?? 'general', 'ivr-message');
    if (!this.messageTaker) {
      ended();
      return;
    }
    await this.messageTaker(session, maxSeconds, ended);
  }
}
