import type { Telephony } from '../telephony/types.js';
import type { AgentService } from '../agents/service.js';
import type { Acd } from '../queues/acd.js';
import type { QueuesRepository } from '../queues/repository.js';
import { errors } from '../errors.js';
import type { CallLog } from './call-log.js';
import type { CallFlow } from './flow.js';
import { CallEndedError, type CallSession } from './session.js';

export type TransferTarget = { queue: string } | { agentId: number };

export interface CallControlDeps {
  telephony: Telephony;
  callLog: CallLog;
  agents: AgentService;
  queues: QueuesRepository;
  acd: Acd;
  flow: CallFlow;
}

/**
 * What an agent does to the call they are on, from the desktop: hold, resume, hang up,
 * blind transfer. Each runs in the call's own queue, after whatever Asterisk told us first.
 */
export class CallControls {
  private readonly changeListeners: Array<(session: CallSession, agentId: number) => void> = [];

  constructor(private readonly deps: CallControlDeps) {}

  /** Told when the call an agent is on changes under them (held, resumed, a linkage target joined…): the desktop redraws it. */
  onCallChanged(listener: (session: CallSession, agentId: number) => void): void {
    this.changeListeners.push(listener);
  }

  callChanged(session: CallSession, agentId: number): void {
    for (const listener of this.changeListeners) listener(session, agentId);
  }

  /** The live call, if `agentId` (null for supervisors) may control it. */
  find(callId: string, agentId: number | null): CallSession {
    const session = this.deps.flow.session(callId);
    if (!session) throw new errors.NotFound(`Live call ${callId}`);
    if (agentId !== null && session.agentLeg?.agentId !== agentId) throw new errors.Forbidden(`call ${callId} is not with agent ${agentId}`);
    return session;
  }

  /** The caller leaves the talk bridge and hears music; the agent hears silence and can talk to colleagues. */
  hold(session: CallSession, by: string): Promise<void> {
    return this.onTalkingCall(session, async (agentId) => {
      if (session.held) throw new errors.Conflict(`Call ${session.id} is already on hold`);
      await this.putOnHold(session, by);
      this.callChanged(session, agentId);
    });
  }

  resume(session: CallSession, by: string): Promise<void> {
    return this.onTalkingCall(session, async (agentId) => {
      if (!session.held) throw new errors.Conflict(`Call ${session.id} is not on hold`);
      if (session.link?.mode === 'consult') throw new errors.Conflict(`Call ${session.id} is in a consultation with ${session.link.name}: join it or cancel it`);
      await this.bringBack(session, by);
      this.callChanged(session, agentId);
    });
  }

  /** Out of the talk bridge, to music: the agent and anyone else in the bridge talk without the caller. */
  async putOnHold(session: CallSession, by: string): Promise<void> {
    const { telephony } = this.deps;
    await telephony.removeFromBridge(session.talkBridgeId!, [session.channelId]);
    await telephony.startMohOnChannel(session.channelId, this.deps.queues.get(session.queue ?? '')?.mohClass);
    session.held = true;
    this.deps.callLog.record(session.id, 'held', { by });
  }

  /** Back from hold into the talk bridge. */
  async bringBack(session: CallSession, by: string): Promise<void> {
    await this.takeOffHold(session);
    await this.deps.telephony.addToBridge(session.talkBridgeId!, [session.channelId]);
    this.deps.callLog.record(session.id, 'resumed', { by });
  }

  /** Hangs up the agent's leg; the flow then ends the call as hung up by the agent. */
  hangup(session: CallSession, by: string): Promise<void> {
    return this.onTalkingCall(session, async () => {
      this.deps.callLog.record(session.id, 'hangup-requested', { by });
      await this.deps.telephony.hangup(session.agentLeg!.channelId);
    });
  }

  /**
   * Blind transfer: the agent is released to wrap-up and the caller waits in the target
   * queue, or rings the one target agent straight away (reserved now, so nobody else gets them).
   */
  transfer(session: CallSession, to: TransferTarget, by: string): Promise<void> {
    return this.onTalkingCall(session, async (fromAgentId) => {
      if (session.link) throw new errors.Conflict(`Call ${session.id} has ${session.link.name} on it: drop it first`);
      const { agents, queues, acd, callLog, telephony } = this.deps;
      let queueName = session.queue ?? 'general';
      let reserved: { id: number; endpoint: string } | null = null;
      if ('queue' in to) {
        if (!queues.get(to.queue)) throw new errors.InvalidInput(`queue: no queue "${to.queue}"`);
        queueName = to.queue;
      } else {
        if (to.agentId === fromAgentId) throw new errors.InvalidInput('agentId: the call is already with this agent');
        const target = agents.repository.get(to.agentId);
        if (!target) throw new errors.InvalidInput(`agentId: no agent ${to.agentId}`);
        const offered = agents.tryApply(target.id, { type: 'offer', callId: session.id });
        if (!offered) throw new errors.Conflict(`Agent ${target.id} is ${target.state} and cannot take a transfer`);
        reserved = { id: offered.id, endpoint: offered.endpoint };
      }
      callLog.record(session.id, 'transferred', { fromAgentId, to, by });
      const leg = session.agentLeg!;
      session.agentLeg = null;
      agents.tryApply(fromAgentId, { type: 'call-ended', wrapUpSeconds: queues.get(session.queue ?? '')?.wrapUpSeconds ?? 0 });
      if (session.held) await this.takeOffHold(session);
      else await telephony.removeFromBridge(session.talkBridgeId!, [session.channelId]);
      await telephony.hangup(leg.channelId);
      await telephony.destroyBridge(session.talkBridgeId!);
      session.talkBridgeId = null;
      await acd.enqueue(session, queueName, Date.now(), reserved);
    });
  }

  private async takeOffHold(session: CallSession): Promise<void> {
    await this.deps.telephony.stopMohOnChannel(session.channelId);
    session.held = false;
  }

  /** Runs `task` in the call's queue if the call is, by then, between a caller and an agent. */
  async onTalkingCall(session: CallSession, task: (agentId: number) => Promise<void>): Promise<void> {
    try {
      await session.request(async () => {
        const leg = session.agentLeg;
        if (session.phase !== 'talking' || !leg?.answered || session.callerGone || !session.talkBridgeId) {
          throw new errors.Conflict(`Call ${session.id} is ${session.callerGone ? 'ended' : session.phase}, not talking to an agent`);
        }
        await task(leg.agentId);
      });
    } catch (err) {
      if (err instanceof CallEndedError) throw new errors.Conflict(`Call ${session.id} has ended`);
      throw err;
    }
  }
}
