import type { ChannelInfo, Telephony } from '../telephony/types.js';
import type { AgentService } from '../agents/service.js';
import type { Acd } from '../queues/acd.js';
import type { QueuesRepository } from '../queues/repository.js';
import type { LinkageTargetsRepository } from '../linkage/repository.js';
import { errors } from '../errors.js';
import type { CallLog } from './call-log.js';
import type { CallControls } from './controls.js';
import type { LinkageFailedNotice, LinkageView } from '../desktop/wire.js';
import type { CallSession, LinkLeg, LinkMode } from './session.js';
import type { LinkageAtRestart } from './linkage-recovery.js';
import { dialLeg } from './dial-leg.js';

export const LINKAGE_LEG = 'linkage-leg';

/** Linkage legs are named <callId>-link<n>: unique, and readable in Asterisk's logs. */
const linkLegId = (callId: string, n: number) => `${callId}-link${n}`;

type LinkFailure = LinkageFailedNotice['reason'];

/** What the desktop and the control API show of a call's linkage leg. */
export function linkageView(link: LinkLeg | null): LinkageView | null {
  return link && { target: link.target, name: link.name, mode: link.mode, state: link.state, since: link.since };
}

export interface LinkageCallDeps {
  telephony: Telephony;
  callLog: CallLog;
  agents: AgentService;
  queues: QueuesRepository;
  acd: Acd;
  controls: CallControls;
  targets: LinkageTargetsRepository;
  /** The flow must route the new leg's events to this call before the leg exists. */
  track: (session: CallSession, channelId: string) => void;
}

/** Q.850: 17 user busy, 21 call rejected, 18/19 no answer. */
export function failureOf(cause: number, link: Pick<LinkLeg, 'since' | 'timeoutSeconds'>, now: number): LinkFailure {
  if (cause === 17) return 'busy';
  if (cause === 21) return 'rejected';
  if (cause === 18 || cause === 19) return 'no-answer';
  // A leg that rang out is often reported with cause 0: judge it by how long it rang.
  return now - link.since >= (link.timeoutSeconds - 1) * 1000 ? 'no-answer' : 'unreachable';
}

/**
 * 三方通话 and friends: the agent brings a linkage target (110, 12315, an expert seat…) onto
 * the call. Three-way puts all three in the call's bridge; consult first keeps the caller on
 * hold while the agent briefs the target; a blind transfer hands the caller over and frees
 * the agent at once. A target that fails leaves the call as it was, and the agent is told.
 */
export class LinkageCalls {
  private readonly failureListeners: Array<(agentId: number, notice: LinkageFailedNotice) => void> = [];
  private readonly connectedListeners: Array<(callId: string, target: string) => void> = [];

  constructor(private readonly deps: LinkageCallDeps) {}

  /** A target joined a call: its ticket may have to travel to the target's system. */
  onConnected(listener: (callId: string, target: string) => void): void {
    this.connectedListeners.push(listener);
  }

  onFailed(listener: (agentId: number, notice: LinkageFailedNotice) => void): void {
    this.failureListeners.push(listener);
  }

  start(session: CallSession, targetCode: string, mode: LinkMode, by: string): Promise<void> {
    return this.deps.controls.onTalkingCall(session, async (agentId) => {
      const target = this.deps.targets.get(targetCode);
      if (!target) throw new errors.InvalidInput(`target: no linkage target "${targetCode}"`);
      if (session.link) throw new errors.Conflict(`Call ${session.id} already has ${session.link.name} on it`);
      if (session.held && mode !== 'consult') throw new errors.Conflict(`Call ${session.id} is on hold: resume it first`);
      session.linksDialled += 1;
      const link: LinkLeg = {
        channelId: linkLegId(session.id, session.linksDialled),
        target: target.code,
        name: target.name,
        mode,
        state: 'dialing',
        since: Date.now(),
        timeoutSeconds: target.timeoutSeconds,
      };
      session.link = link;
      this.deps.track(session, link.channelId);
      this.deps.callLog.record(session.id, 'linkage-dialing', { target: target.code, mode, channelId: link.channelId, by });
      session.log.info({ target: target.code, mode }, 'dialling linkage target');
      if (mode === 'consult' && !session.held) await this.deps.controls.putOnHold(session, by);
      if (mode === 'transfer') await this.releaseAgent(session, agentId, 'transferred');
      else this.deps.controls.callChanged(session, agentId);
      await this.dial(session, link, target.dialString);
    });
  }

  /** Consult → three-way: the caller comes off hold into the bridge with the agent and the target. */
  join(session: CallSession, by: string): Promise<void> {
    return this.deps.controls.onTalkingCall(session, async (agentId) => {
      const link = this.connectedLink(session, 'consult');
      link.mode = 'three-way';
      await this.deps.controls.bringBack(session, by);
      this.deps.callLog.record(session.id, 'linkage-joined', { target: link.target, by });
      this.deps.controls.callChanged(session, agentId);
    });
  }

  /** The agent leaves the citizen and the target talking (completes a consult, or leaves a three-way). */
  leave(session: CallSession, by: string): Promise<void> {
    return this.deps.controls.onTalkingCall(session, async (agentId) => {
      const link = this.connectedLink(session);
      if (session.held) await this.deps.controls.bringBack(session, by);
      link.mode = 'transfer';
      await this.releaseAgent(session, agentId, 'left');
    });
  }

  /** The target is hung up (a consult is cancelled); the caller and the agent talk on. */
  drop(session: CallSession, by: string): Promise<void> {
    return this.deps.controls.onTalkingCall(session, async (agentId) => {
      const link = session.link;
      if (!link) throw new errors.Conflict(`Call ${session.id} has no linkage target on it`);
      session.link = null;
      this.deps.callLog.record(session.id, 'linkage-dropped', { target: link.target, by });
      await this.deps.telephony.hangup(link.channelId);
      if (link.mode === 'consult' && session.held) await this.deps.controls.bringBack(session, by);
      this.deps.controls.callChanged(session, agentId);
    });
  }

  /**
   * After a restart: the call takes back the target leg its log names. A leg that answered
   * while the service was down is joined now; one still ringing is let go, since its ring
   * timer did not survive, and the agent may dial again; one that vanished ends as if hung up.
   */
  async restore(session: CallSession, at: LinkageAtRestart, live: ReadonlyMap<string, ChannelInfo>): Promise<void> {
    session.linksDialled = at.dialled;
    if (!at.link) return;
    const target = this.deps.targets.get(at.link.target);
    const link: LinkLeg = { ...at.link, name: target?.name ?? at.link.target, timeoutSeconds: target?.timeoutSeconds ?? 30 };
    session.link = link;
    this.deps.track(session, link.channelId);
    const channel = live.get(link.channelId);
    if (!channel) await this.legEnded(session, link.channelId, 0);
    else if (link.state === 'connected' && !session.agentLeg && session.held) await this.deps.controls.bringBack(session, 'restart');
    else if (link.state === 'dialing' && channel.args) await this.answered(session, link.channelId);
    else if (link.state === 'dialing') await this.deps.telephony.hangup(link.channelId);
    session.log.info({ target: link.target, state: link.state, live: Boolean(channel) }, 'linkage leg taken back after restart');
  }

  /** The target's phone answered. */
  async answered(session: CallSession, channelId: string): Promise<void> {
    const link = session.link;
    if (link?.channelId !== channelId || session.callerGone || !session.talkBridgeId) {
      await this.deps.telephony.hangup(channelId);
      return;
    }
    link.state = 'connected';
    link.since = Date.now();
    const { telephony, callLog } = this.deps;
    if (link.mode === 'transfer' && session.held) {
      await telephony.stopMohOnChannel(session.channelId);
      session.held = false;
      await telephony.addToBridge(session.talkBridgeId, [session.channelId, channelId]);
    } else {
      await telephony.addToBridge(session.talkBridgeId, [channelId]);
    }
    callLog.record(session.id, 'linkage-connected', { target: link.target, mode: link.mode, channelId });
    session.log.info({ target: link.target, mode: link.mode }, 'linkage target connected');
    for (const listener of this.connectedListeners) listener(session.id, link.target);
    if (session.agentLeg) this.deps.controls.callChanged(session, session.agentLeg.agentId);
  }

  /**
   * The target's leg ended. Before it answered: the agent is told why, and the caller is back
   * where they were (with the agent, or in the queue if the agent had already gone). After:
   * with the agent still there the call goes on; without, the caller's call ends.
   */
  async legEnded(session: CallSession, channelId: string, cause: number): Promise<void> {
    const link = session.link;
    if (link?.channelId !== channelId) return;
    session.link = null;
    const { callLog, telephony } = this.deps;
    if (link.state === 'connected') {
      callLog.record(session.id, 'linkage-left', { target: link.target, cause });
      if (!session.agentLeg && !session.callerGone) await telephony.hangup(session.channelId);
      else if (link.mode === 'consult' && session.held) await this.deps.controls.bringBack(session, link.target);
      if (session.agentLeg) this.deps.controls.callChanged(session, session.agentLeg.agentId);
      return;
    }
    const reason = failureOf(cause, link, Date.now());
    callLog.record(session.id, 'linkage-failed', { target: link.target, mode: link.mode, cause, reason });
    session.log.info({ target: link.target, reason, cause }, 'linkage target did not answer');
    if (session.callerGone) return;
    const notice: LinkageFailedNotice = { callId: session.id, target: link.target, name: link.name, mode: link.mode, reason };
    if (link.mode === 'transfer') {
      await this.requeue(session, notice);
      return;
    }
    if (link.mode === 'consult' && session.held) await this.deps.controls.bringBack(session, link.target);
    if (session.agentLeg) {
      this.tellFailed(session.agentLeg.agentId, notice);
      this.deps.controls.callChanged(session, session.agentLeg.agentId);
    }
  }

  /** The call is over for the caller: the target is hung up too. */
  async callEnded(session: CallSession): Promise<void> {
    const link = session.link;
    if (!link) return;
    session.link = null;
    await this.deps.telephony.hangup(link.channelId);
  }

  /** The agent's phone hung up while a target was connected: the agent has left, the others talk on. */
  async agentHungUp(session: CallSession): Promise<boolean> {
    const link = session.link;
    const leg = session.agentLeg;
    if (link?.state !== 'connected' || !leg) return false;
    if (session.held) await this.deps.controls.bringBack(session, 'agent');
    link.mode = 'transfer';
    session.agentLeg = null;
    this.deps.callLog.record(session.id, 'agent-left', { agentId: leg.agentId, target: link.target, how: 'hung-up' });
    this.deps.agents.tryApply(leg.agentId, { type: 'call-ended', wrapUpSeconds: this.wrapUpSeconds(session) });
    return true;
  }

  private connectedLink(session: CallSession, mode?: LinkMode): LinkLeg {
    const link = session.link;
    if (!link || link.state !== 'connected') throw new errors.Conflict(`Call ${session.id} has no connected linkage target`);
    if (mode && link.mode !== mode) throw new errors.Conflict(`Call ${session.id} is a ${link.mode} with ${link.name}, not a ${mode}`);
    return link;
  }

  private async dial(session: CallSession, link: LinkLeg, dialString: string): Promise<void> {
    await dialLeg(
      this.deps.telephony,
      session,
      { endpoint: dialString, channelId: link.channelId, appArgs: [LINKAGE_LEG, session.id, link.target], timeoutSeconds: link.timeoutSeconds },
      () => session.link === link && link.state === 'dialing',
      (cause) => this.legEnded(session, link.channelId, cause),
    );
  }

  /** The agent's part in the call ends; the caller stays, with the target (or waiting for it). */
  private async releaseAgent(session: CallSession, agentId: number, how: 'transferred' | 'left'): Promise<void> {
    const leg = session.agentLeg!;
    session.agentLeg = null;
    this.deps.callLog.record(session.id, 'agent-left', { agentId, target: session.link?.target, how });
    this.deps.agents.tryApply(agentId, { type: 'call-ended', wrapUpSeconds: this.wrapUpSeconds(session) });
    // Waiting for a target that has not answered, the caller hears music, not an empty bridge.
    if (session.link?.state === 'dialing' && !session.held) await this.deps.controls.putOnHold(session, 'transfer');
    await this.deps.telephony.hangup(leg.channelId);
  }

  /** A blind transfer failed after the agent had gone: the caller goes back to the front of their queue. */
  private async requeue(session: CallSession, notice: LinkageFailedNotice): Promise<void> {
    const { telephony, acd, callLog } = this.deps;
    const former = callLog.get(session.id)?.agentId ?? null;
    if (session.held) {
      await telephony.stopMohOnChannel(session.channelId);
      session.held = false;
    }
    if (session.talkBridgeId) {
      await telephony.destroyBridge(session.talkBridgeId);
      session.talkBridgeId = null;
    }
    if (former !== null) this.tellFailed(former, notice);
    await acd.enqueue(session, session.queue ?? 'general', session.enqueuedAt ?? Date.now());
  }

  private tellFailed(agentId: number, notice: LinkageFailedNotice): void {
    for (const listener of this.failureListeners) listener(agentId, notice);
  }

  private wrapUpSeconds(session: CallSession): number {
    return this.deps.queues.get(session.queue ?? '')?.wrapUpSeconds ?? 0;
  }
}
