import type { Log } from '../log.js';
import type { CallPhase } from '../db/schema/index.js';

export interface AgentLeg {
  channelId: string;
  agentId: number;
  answered: boolean;
}

export type LinkMode = 'three-way' | 'consult' | 'transfer';

/** A linkage target (110, 12315…) brought onto the call. */
export interface LinkLeg {
  channelId: string;
  target: string;
  name: string;
  /** three-way: all hear each other; consult: the caller waits on hold; transfer: the agent has gone. */
  mode: LinkMode;
  state: 'dialing' | 'connected';
  since: number;
  /** How long the target may ring; a leg ending after that long rang out rather than failed. */
  timeoutSeconds: number;
}

/** A linkage target dialled from the IVR, without an agent. */
export interface IvrTransferLeg {
  channelId: string;
  target: string;
  state: 'dialing' | 'connected';
  since: number;
  timeoutSeconds: number;
}

export class CallEndedError extends Error {
  constructor(readonly callId: string) {
    super(`call ${callId} has ended`);
  }
}

/**
 * One live call as the service holds it in memory: which channels and bridge are its,
 * what phase it is in, and a queue that runs its work one step at a time, so the events
 * of one call are handled in the order Asterisk sent them.
 */
export class CallSession {
  phase: CallPhase = 'ivr';
  queue: string | null = null;
  enqueuedAt: number | null = null;
  agentLeg: AgentLeg | null = null;
  talkBridgeId: string | null = null;
  link: LinkLeg | null = null;
  /** Linkage legs dialled on this call; each gets the next number in its channel id. */
  linksDialled = 0;
  /** The prompt language the caller chose in the IVR; null: the hotline's default. */
  language: string | null = null;
  /** A linkage target the IVR is putting the caller through to (a transfer node). */
  ivrTransfer: IvrTransferLeg | null = null;
  /** The caller has started leaving a message in the IVR: the call ends as message-left. */
  messageLeft = false;
  /** A call back from the callback list, until the citizen answers. */
  callback: { id: number; agentId: number } | null = null;
  /** The agent put the caller on hold: out of the talk bridge, hearing music. */
  held = false;
  /** Set once the caller's channel is gone; every later step is a no-op for the caller's side. */
  callerGone = false;
  /** Told when a step fails, so the call can be put back on a path that reaches an agent. */
  onStepFailed: ((err: unknown) => void) | null = null;
  rescued = false;

  private chain: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly afterPlayback = new Map<string, () => Promise<void> | void>();
  private playbackSeq = 0;

  constructor(
    readonly id: string,
    readonly channelId: string,
    readonly caller: string,
    readonly log: Log,
  ) {}

  /**
   * Runs `task` after every task queued before it; a failing task is logged and never stops
   * the call's queue. Once the call is disposed, queued and new tasks do nothing.
   */
  run(task: () => Promise<void> | void): Promise<void> {
    const next = this.chain
      .then(() => (this.disposed ? undefined : task()))
      .catch((err: unknown) => {
        this.log.error({ err }, 'call step failed');
        this.onStepFailed?.(err);
      });
    this.chain = next;
    return next;
  }

  /**
   * A person's request on this call (hold, transfer…): it waits its turn like any step, but
   * its error goes back to the requester and the call goes on as it was.
   */
  request<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(() => {
      if (this.disposed) throw new CallEndedError(this.id);
      return task();
    });
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** A timer whose callback runs in the call's queue and dies with the call. */
  after(ms: number, task: () => Promise<void> | void): () => void {
    if (this.disposed) return () => undefined;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(task);
    }, ms);
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  nextPlaybackId(): string {
    this.playbackSeq += 1;
    return `${this.id}-pb${this.playbackSeq}`;
  }

  /** Something to do when a playback ends (played to the end, stopped or failed). */
  whenPlaybackEnds(playbackId: string, task: () => Promise<void> | void): void {
    this.afterPlayback.set(playbackId, task);
  }

  takePlaybackContinuation(playbackId: string): (() => Promise<void> | void) | undefined {
    const task = this.afterPlayback.get(playbackId);
    this.afterPlayback.delete(playbackId);
    return task;
  }

  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Ends everything the call holds in memory; what it did is already in the call log. */
  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    this.afterPlayback.clear();
  }

  /** Resolves when every queued step has run; for shutdown and tests. */
  settled(): Promise<void> {
    return this.chain;
  }
}
