import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import type { Telephony } from '../telephony/types.js';
import type { AgentService } from '../agents/service.js';
import type { Acd } from '../queues/acd.js';
import type { CallbackFailedNotice } from '../desktop/wire.js';
import { errors } from '../errors.js';
import type { CallLog } from './call-log.js';
import { CallSession } from './session.js';

export const CALLBACK_LEG = 'callback-leg';

const AGENT_RING_SECONDS = 30;
const CITIZEN_RING_SECONDS = 45;

export interface CallbackCallDeps {
  telephony: Telephony;
  callLog: CallLog;
  agents: AgentService;
  acd: Acd;
  /** The call flow, which routes the legs' events to the session. */
  adopt: (session: CallSession, legChannelId: string) => void;
  forget: (session: CallSession) => void;
  dial: { template: string; callerId: string };
  log: Log;
}

type Failure = CallbackFailedNotice['reason'];

function reasonOf(cause: number): Failure {
  if (cause === 17) return 'busy';
  if (cause === 21) return 'rejected';
  return cause === 18 || cause === 19 || cause === 0 ? 'no-answer' : 'unreachable';
}

/**
 * Click-to-call from the callback list: the agent's own phone rings first, and once they
 * pick up, the service dials the citizen (they hear ringing meanwhile). When the citizen
 * answers, it is an ordinary talking call, recorded, and the callback is done. Either side
 * not answering ends the attempt; the callback stays on the list.
 */
export class CallbackCalls {
  private readonly failureListeners: Array<(agentId: number, notice: CallbackFailedNotice) => void> = [];
  private readonly changeListeners: Array<(session: CallSession, agentId: number) => void> = [];

  constructor(private readonly deps: CallbackCallDeps) {}

  onFailed(listener: (agentId: number, notice: CallbackFailedNotice) => void): void {
    this.failureListeners.push(listener);
  }

  /** Told when the call back starts and when the citizen answers: the agent's desktop shows it. */
  onChanged(listener: (session: CallSession, agentId: number) => void): void {
    this.changeListeners.push(listener);
  }

  /** Starts the call back; resolves once the agent's phone is ringing. */
  async call(callbackId: number, agentId: number, by: string): Promise<CallSession> {
    const { callLog, agents, telephony } = this.deps;
    const callback = callLog.callback(callbackId);
    if (!callback) throw new errors.NotFound(`Callback ${callbackId}`);
    if (callback.status === 'done') throw new errors.Conflict(`Callback ${callbackId} was already done`);
    const agent = agents.repository.get(agentId);
    if (!agent) throw new errors.InvalidInput(`agentId: no agent ${agentId}`);
    const callId = randomUUID();
    // Taken synchronously, so a queue call cannot be offered to the agent meanwhile.
    if (!agents.tryApply(agentId, { type: 'dial-out', callId })) throw new errors.Conflict(`Agent ${agentId} is ${agent.state} and cannot call back now`);

    const session = new CallSession(callId, `${callId}-citizen`, callback.number, this.deps.log.child({ callId }));
    session.phase = 'ringing';
    session.queue = callback.queue;
    session.callback = { id: callback.id, agentId };
    session.agentLeg = { channelId: `${callId}-agent1`, agentId, answered: false };
    const now = Date.now();
    callLog.open({ id: callId, channelId: session.channelId, caller: callback.number, dialed: callback.number, startedAt: now });
    callLog.record(callId, 'callback-dialing', { callbackId: callback.id, agentId, by, forCallId: callback.callId }, { phase: 'ringing', queue: callback.queue, agentId });
    this.deps.adopt(session, session.agentLeg.channelId);
    for (const listener of this.changeListeners) listener(session, agentId);
    await session.run(async () => {
      try {
        await telephony.originate({
          endpoint: agent.endpoint,
          channelId: session.agentLeg!.channelId,
          appArgs: [CALLBACK_LEG, callId, 'agent'],
          callerId: callback.number,
          timeoutSeconds: AGENT_RING_SECONDS,
        });
      } catch (err) {
        session.log.warn({ err }, 'could not ring the agent for a call back');
        await this.fail(session, 'agent', 'unreachable', 0);
      }
    });
    return session;
  }

  async legAnswered(session: CallSession, channelId: string): Promise<void> {
    const { telephony, callLog } = this.deps;
    const leg = session.agentLeg;
    if (!session.callback || !leg) {
      await telephony.hangup(channelId);
      return;
    }
    if (channelId === leg.channelId) {
      leg.answered = true;
      // The agent hears ringing while the citizen's phone rings.
      await telephony.startRingingOnChannel(channelId);
      callLog.record(session.id, 'callback-agent-answered', { agentId: leg.agentId });
      try {
        await telephony.originate({
          endpoint: this.deps.dial.template.replace('{number}', session.caller),
          channelId: session.channelId,
          appArgs: [CALLBACK_LEG, session.id, 'citizen'],
          callerId: this.deps.dial.callerId,
          timeoutSeconds: CITIZEN_RING_SECONDS,
        });
      } catch (err) {
        session.log.warn({ err }, 'could not dial the citizen back');
        await this.fail(session, 'citizen', 'unreachable', 0);
      }
      return;
    }
    if (channelId !== session.channelId) return;
    const { id: callbackId, agentId } = session.callback;
    session.callback = null;
    const bridgeId = `call-${session.id}`;
    await telephony.createBridge(bridgeId, 'mixing', `call back ${session.id}`);
    session.talkBridgeId = bridgeId;
    await telephony.addToBridge(bridgeId, [leg.channelId, channelId]);
    const now = Date.now();
    session.phase = 'talking';
    callLog.record(
      session.id,
      'agent-answered',
      { agentId, channelId: leg.channelId, waitMs: 0, callback: callbackId },
      { phase: 'talking', answeredAt: now, agentAnsweredAt: now, waitMs: 0 },
      now,
    );
    callLog.callbackDone(callbackId, agentId, session.id, now);
    session.log.info({ agentId, callbackId }, 'citizen called back');
    for (const listener of this.changeListeners) listener(session, agentId);
    await this.deps.acd.bridged(session, bridgeId);
  }

  /** A leg ended before the two were connected: the attempt is over; the callback stays pending. */
  async legEnded(session: CallSession, channelId: string, cause: number): Promise<void> {
    const leg = session.agentLeg;
    if (!session.callback || !leg) return;
    if (channelId === leg.channelId) {
      await this.deps.telephony.hangup(session.channelId);
      await this.fail(session, 'agent', leg.answered ? 'cancelled' : reasonOf(cause), cause);
    } else if (channelId === session.channelId) {
      await this.deps.telephony.hangup(leg.channelId);
      await this.fail(session, 'citizen', reasonOf(cause), cause);
    }
  }

  private async fail(session: CallSession, side: 'agent' | 'citizen', reason: Failure, cause: number): Promise<void> {
    const callback = session.callback!;
    session.callback = null;
    session.phase = 'ended';
    const { callLog, agents } = this.deps;
    callLog.record(session.id, 'callback-failed', { callbackId: callback.id, side, reason, cause });
    callLog.close(session.id, 'callback-failed', { cause, causeText: `${side}: ${reason}` });
    agents.tryApply(callback.agentId, { type: 'call-ended', wrapUpSeconds: 0 });
    session.log.info({ callbackId: callback.id, side, reason }, 'call back did not connect');
    const notice: CallbackFailedNotice = { callbackId: callback.id, number: session.caller, side, reason };
    for (const listener of this.failureListeners) listener(callback.agentId, notice);
    this.deps.forget(session);
  }
}
