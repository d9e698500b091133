import type { Telephony } from '../telephony/types.js';
import type { AgentService } from '../agents/service.js';
import type { CallLog } from '../calls/call-log.js';
import type { AgentLeg, CallSession } from '../calls/session.js';
import { promptsMedia, spokenNumber, type PromptSettings } from '../ivr/speech.js';
import type { QueuesRepository, Queue } from './repository.js';
import { pickAgent } from './routing.js';

export const AGENT_LEG = 'agent-leg';

/** Agent legs are named <callId>-agent<n>, so any event about one leads back to its call. */
const legId = (callId: string, n: number) => `${callId}-agent${n}`;
export const legCallId = (channelId: string): string | null => /^(.+)-agent\d+$/.exec(channelId)?.[1] ?? null;

interface Waiting {
  session: CallSession;
  queue: Queue;
  cancelTimers: Array<() => void>;
  announcement: string | null;
}

export interface WaitingCaller {
  callId: string;
  caller: string;
  queue: string;
  enqueuedAt: number;
  ringingAgentId: number | null;
}

/**
 * The waiting room: callers wait in their queue's holding bridge with music, hear their
 * position, and are offered to the longest-idle agent with the queue's skill. Agent
 * reservation is synchronous (the database write happens before any await), so two
 * callers can never be offered the same agent.
 */
export class Acd {
  /** In arrival order across all queues: the caller waiting longest is served first. */
  private readonly waiting: Waiting[] = [];
  private readonly holdingBridges = new Set<string>();
  private readonly offerListeners: Array<(session: CallSession, agentId: number) => void> = [];
  private readonly waitingListeners: Array<() => void> = [];
  private readonly bridgedListeners: Array<(session: CallSession, bridgeId: string) => Promise<void>> = [];
  private legSeq = 0;
  private messageTaker: ((session: CallSession, onEnded: () => void) => Promise<void>) | null = null;

  constructor(
    private readonly deps: {
      telephony: Telephony;
      agents: AgentService;
      queues: QueuesRepository;
      callLog: CallLog;
      prompts: PromptSettings;
    },
  ) {}

  /** Told the moment an agent's phone is about to ring, so the desktop can pop the call first. */
  onOffered(listener: (session: CallSession, agentId: number) => void): void {
    this.offerListeners.push(listener);
  }

  /** Told whenever a caller joins or leaves a queue or an agent starts ringing for one: the supervisors' live view. */
  onWaitingChanged(listener: () => void): void {
    this.waitingListeners.push(listener);
  }

  /** After an overflow the caller may leave a message for the agent who calls back; `taker` records it. */
  takeMessagesWith(taker: (session: CallSession, onEnded: () => void) => Promise<void>): void {
    this.messageTaker = taker;
  }

  /** Told, in the call's queue, once a caller and an agent are in their talk bridge: recording starts here. */
  onBridged(listener: (session: CallSession, bridgeId: string) => Promise<void>): void {
    this.bridgedListeners.push(listener);
  }

  snapshot(): WaitingCaller[] {
    return this.waiting.map((w) => ({
      callId: w.session.id,
      caller: w.session.caller,
      queue: w.queue.name,
      enqueuedAt: w.session.enqueuedAt!,
      ringingAgentId: w.session.agentLeg?.agentId ?? null,
    }));
  }

  /** Asterisk restarted or reconnected: holding bridges must be made again. */
  forgetBridges(): void {
    this.holdingBridges.clear();
  }

  async enqueue(session: CallSession, queueName: string, enqueuedAt = Date.now(), reserved: { id: number; endpoint: string } | null = null): Promise<void> {
    const queue = this.deps.queues.get(queueName);
    if (!queue) {
      // The menu validator prevents this for published menus; a queue deleted since still must not drop the call.
      session.log.error({ queue: queueName }, 'queue does not exist; caller sent to general');
      if (queueName !== 'general') return this.enqueue(session, 'general', enqueuedAt);
      return this.hangupCaller(session);
    }
    session.phase = 'queued';
    session.queue = queue.name;
    session.enqueuedAt = enqueuedAt;
    this.deps.callLog.record(session.id, 'queued', { queue: queue.name }, { phase: 'queued', queue: queue.name, enqueuedAt });
    const entry: Waiting = { session, queue, cancelTimers: [], announcement: null };
    this.waiting.push(entry);
    this.waiting.sort((a, b) => a.session.enqueuedAt! - b.session.enqueuedAt!);
    // A transfer to one agent holds them for this caller from now, so no dispatch offers the caller elsewhere.
    const leg = reserved ? this.reserve(session, reserved.id) : null;
    this.changed();

    const bridgeId = `queue-${queue.name}`;
    await this.ensureHoldingBridge(bridgeId, queue);
    await this.deps.telephony.addToBridge(bridgeId, [session.channelId]);

    const elapsed = Date.now() - enqueuedAt;
    entry.cancelTimers.push(session.after(Math.max(0, queue.maxWaitSeconds * 1000 - elapsed), () => this.overflow(entry)));
    await this.announcePosition(entry);
    if (leg) void session.run(() => this.ring(entry, leg, reserved!.endpoint));
    this.dispatch();
  }

  /** Offers waiting callers to free agents; called whenever a caller arrives or an agent becomes available. */
  dispatch(): void {
    if (!this.waiting.some((w) => !w.session.agentLeg && !w.session.callerGone)) return;
    const agents = this.deps.agents.repository.available();
    for (const entry of this.waiting) {
      if (entry.session.agentLeg || entry.session.callerGone) continue;
      const agentId = pickAgent(agents, entry.queue.name);
      if (agentId === null) continue;
      const offered = this.deps.agents.tryApply(agentId, { type: 'offer', callId: entry.session.id });
      if (!offered) continue;
      const candidate = agents.find((a) => a.id === agentId)!;
      candidate.state = offered.state;
      const leg = this.reserve(entry.session, offered.id);
      void entry.session.run(() => this.ring(entry, leg, offered.endpoint));
    }
  }

  /** The agent's phone answered: the caller leaves the holding bridge and talks to the agent. */
  async agentAnswered(session: CallSession, legChannelId: string): Promise<void> {
    const leg = session.agentLeg;
    const entry = this.waiting.find((w) => w.session === session);
    if (!leg || leg.channelId !== legChannelId || !entry || session.callerGone) {
      await this.deps.telephony.hangup(legChannelId);
      return;
    }
    leg.answered = true;
    this.leave(entry);
    const now = Date.now();
    const waitMs = now - session.enqueuedAt!;
    session.phase = 'talking';
    this.deps.callLog.record(
      session.id,
      'agent-answered',
      { agentId: leg.agentId, channelId: legChannelId, waitMs },
      { phase: 'talking', agentId: leg.agentId, agentAnsweredAt: now, waitMs },
      now,
    );
    // After the call log has the answer, so the desktop, told of the state, finds it there.
    this.deps.agents.tryApply(leg.agentId, { type: 'answer' });
    session.log.info({ agentId: leg.agentId, waitMs }, 'caller connected to agent');

    const { telephony } = this.deps;
    if (entry.announcement) await telephony.stopPlayback(entry.announcement);
    await telephony.removeFromBridge(`queue-${entry.queue.name}`, [session.channelId]);
    const bridgeId = `call-${session.id}`;
    session.talkBridgeId = bridgeId;
    await telephony.createBridge(bridgeId, 'mixing', `call ${session.id}`);
    await telephony.addToBridge(bridgeId, [session.channelId, legChannelId]);
    await this.bridged(session, bridgeId);
  }

  /** A caller and an agent are talking in `bridgeId` (an answered queue call, or a call back). */
  async bridged(session: CallSession, bridgeId: string): Promise<void> {
    for (const listener of this.bridgedListeners) await listener(session, bridgeId);
  }

  /** The agent leg ended before it was answered: rang out, busy, rejected or unreachable. */
  async legFailed(session: CallSession, legChannelId: string, cause: number): Promise<void> {
    const leg = session.agentLeg;
    if (!leg || leg.channelId !== legChannelId || leg.answered) return;
    // A transfer to one agent who did not answer falls back, like any miss, to everyone in the queue.
    session.agentLeg = null;
    if (!session.callerGone) session.phase = 'queued';
    this.deps.callLog.record(session.id, 'agent-no-answer', { agentId: leg.agentId, cause }, session.callerGone ? {} : { phase: 'queued' });
    session.log.info({ agentId: leg.agentId, cause }, 'agent did not answer');
    this.deps.agents.tryApply(leg.agentId, { type: 'no-answer' });
    this.changed();
    this.dispatch();
  }

  /** The caller hung up while waiting or while an agent was being rung. */
  async callerLeftQueue(session: CallSession): Promise<void> {
    const entry = this.waiting.find((w) => w.session === session);
    if (entry) this.leave(entry);
    const leg = session.agentLeg;
    if (leg && !leg.answered) {
      session.agentLeg = null;
      this.deps.agents.tryApply(leg.agentId, { type: 'offer-withdrawn' });
      await this.deps.telephony.hangup(leg.channelId);
      this.dispatch();
    }
  }

  /** The agent was logged out while their phone rang: the ring stops and the caller is offered to someone else. */
  async offerWithdrawn(session: CallSession, agentId: number): Promise<void> {
    const leg = session.agentLeg;
    if (!leg || leg.agentId !== agentId || leg.answered) return;
    session.agentLeg = null;
    if (!session.callerGone) session.phase = 'queued';
    this.deps.callLog.record(session.id, 'agent-offer-withdrawn', { agentId }, session.callerGone ? {} : { phase: 'queued' });
    await this.deps.telephony.hangup(leg.channelId);
    this.changed();
    this.dispatch();
  }

  /**
   * Either side of a talking call hung up: the agent goes to wrap-up and the other side is hung
   * up, unless `keepCaller` (the citizen stays for the survey, out of the destroyed talk bridge).
   */
  async talkEnded(session: CallSession, endedBy: 'caller' | 'agent', { keepCaller = false } = {}): Promise<void> {
    const leg = session.agentLeg;
    const { telephony } = this.deps;
    if (leg) {
      const queue = this.deps.queues.get(session.queue ?? '');
      this.deps.agents.tryApply(leg.agentId, { type: 'call-ended', wrapUpSeconds: queue?.wrapUpSeconds ?? 0 });
      this.deps.callLog.record(session.id, 'talk-ended', { endedBy, agentId: leg.agentId });
      if (endedBy === 'caller') await telephony.hangup(leg.channelId);
    }
    if (endedBy === 'agent' && !session.callerGone && !keepCaller) await telephony.hangup(session.channelId);
    if (session.talkBridgeId) await telephony.destroyBridge(session.talkBridgeId);
    session.talkBridgeId = null;
  }

  /**
   * The caller is the agent's from this moment, before any request to Asterisk: no other
   * dispatch can offer them again, and the page can pop before the phone rings.
   */
  private reserve(session: CallSession, agentId: number): AgentLeg {
    this.legSeq += 1;
    const leg: AgentLeg = { channelId: legId(session.id, this.legSeq), agentId, answered: false };
    session.agentLeg = leg;
    for (const listener of this.offerListeners) listener(session, agentId);
    return leg;
  }

  private async ring(entry: Waiting, leg: AgentLeg, endpoint: string): Promise<void> {
    const { session, queue } = entry;
    const { channelId, agentId } = leg;
    // Withdrawn while waiting its turn: the caller left, or the agent was logged out.
    if (session.agentLeg !== leg) return;
    if (session.callerGone) {
      session.agentLeg = null;
      this.deps.agents.tryApply(agentId, { type: 'offer-withdrawn' });
      return;
    }
    session.phase = 'ringing';
    this.deps.callLog.record(session.id, 'agent-offered', { agentId, endpoint, channelId }, { phase: 'ringing' });
    this.changed();
    session.log.info({ agentId, endpoint }, 'ringing agent');
    try {
      await this.deps.telephony.originate({
        endpoint,
        channelId,
        appArgs: [AGENT_LEG, session.id, String(agentId)],
        callerId: session.caller,
        timeoutSeconds: queue.ringTimeoutSeconds,
      });
    } catch (err) {
      session.log.warn({ err, agentId }, 'could not ring agent');
      await this.legFailed(session, channelId, 0);
      return;
    }
    // Asterisk's originate timeout normally ends the leg; this guards against a lost event.
    entry.cancelTimers.push(
      session.after((queue.ringTimeoutSeconds + 5) * 1000, async () => {
        if (session.agentLeg?.channelId === channelId && !session.agentLeg.answered) {
          await this.deps.telephony.hangup(channelId, 'no_answer');
          await this.legFailed(session, channelId, 19);
        }
      }),
    );
  }

  private async overflow(entry: Waiting): Promise<void> {
    const { session, queue } = entry;
    if (session.callerGone || session.agentLeg?.answered) return;
    this.deps.callLog.record(session.id, 'overflowed', { queue: queue.name, waitedMs: Date.now() - session.enqueuedAt! });
    session.log.info({ queue: queue.name }, 'queue wait exceeded; offering a callback');
    // A position announcement still playing would hold the overflow prompt back behind it on the real Asterisk.
    const announcement = entry.announcement;
    await this.callerLeftQueue(session);
    if (announcement) await this.deps.telephony.stopPlayback(announcement).catch(() => undefined);
    session.phase = 'ended';
    const { telephony } = this.deps;
    await telephony.removeFromBridge(`queue-${queue.name}`, [session.channelId]);
    this.deps.callLog.requestCallback(session.id, session.caller, queue.name);
    this.deps.callLog.close(session.id, 'overflowed', { cause: null, causeText: 'overflow: callback requested' });
    const playbackId = session.nextPlaybackId();
    session.whenPlaybackEnds(playbackId, () => this.takeMessage(session));
    await telephony.play(session.channelId, promptsMedia(['queue-overflow-callback'], this.promptsFor(session)), playbackId);
  }

  private async takeMessage(session: CallSession): Promise<void> {
    if (session.callerGone) return;
    if (!this.messageTaker) return this.hangupCaller(session);
    await this.messageTaker(session, () => void session.run(() => this.thankAndHangUp(session)));
  }

  private async thankAndHangUp(session: CallSession): Promise<void> {
    if (session.callerGone) return;
    const playbackId = session.nextPlaybackId();
    session.whenPlaybackEnds(playbackId, () => this.hangupCaller(session));
    await this.deps.telephony.play(session.channelId, promptsMedia(['message-thanks'], this.promptsFor(session)), playbackId);
  }

  private async announcePosition(entry: Waiting): Promise<void> {
    const { session, queue } = entry;
    if (session.callerGone || session.agentLeg?.answered || !this.waiting.includes(entry)) return;
    const ahead = this.waiting.filter((w) => w.queue.name === queue.name && w.session.enqueuedAt! < session.enqueuedAt!).length;
    const playbackId = session.nextPlaybackId();
    entry.announcement = playbackId;
    session.whenPlaybackEnds(playbackId, () => {
      if (entry.announcement === playbackId) entry.announcement = null;
    });
    this.deps.callLog.record(session.id, 'position-announced', { position: ahead + 1 });
    const media = [
      ...promptsMedia(['queue-position-before'], this.promptsFor(session)),
      ...spokenNumber(ahead + 1, this.promptsFor(session)),
      ...promptsMedia(['queue-position-after'], this.promptsFor(session)),
    ];
    await this.deps.telephony.play(session.channelId, media, playbackId);
    if (queue.announceEverySeconds > 0) {
      entry.cancelTimers.push(session.after(queue.announceEverySeconds * 1000, () => this.announcePosition(entry)));
    }
  }

  private leave(entry: Waiting): void {
    const index = this.waiting.indexOf(entry);
    if (index >= 0) this.waiting.splice(index, 1);
    for (const cancel of entry.cancelTimers) cancel();
    entry.cancelTimers = [];
    this.changed();
  }

  private changed(): void {
    for (const listener of this.waitingListeners) listener();
  }

  private async ensureHoldingBridge(bridgeId: string, queue: Queue): Promise<void> {
    if (this.holdingBridges.has(bridgeId)) return;
    await this.deps.telephony.createBridge(bridgeId, 'holding', `queue ${queue.name}`);
    await this.deps.telephony.startMohOnBridge(bridgeId, queue.mohClass);
    this.holdingBridges.add(bridgeId);
  }

  /** The caller's own language, chosen in the IVR, for everything they hear while waiting. */
  private promptsFor(session: CallSession): PromptSettings {
    return { ...this.deps.prompts, language: session.language ?? this.deps.prompts.language };
  }

  private async hangupCaller(session: CallSession): Promise<void> {
    if (!session.callerGone) await this.deps.telephony.hangup(session.channelId);
  }
}
