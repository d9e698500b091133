import type { CallFlow, CallFlowDeps } from './flow.js';
import { CallSession } from './session.js';
import type { LinkageCalls } from './linkage-calls.js';
import { linkageAtRestart } from './linkage-recovery.js';

/**
 * Runs each time ARI (re)connects. Asterisk does not resend StasisStart, so the live channel
 * list is compared with what the service believes:
 * - a call in memory whose channel vanished is ended as if hung up;
 * - a call the database shows open but memory does not know (the service restarted) is
 *   taken back if its channel lives: a talking call keeps talking, a caller in the menu
 *   starts the menu version it began on again, a waiting caller keeps their place in the queue,
 *   a linkage target (110…) on the call stays on it; otherwise it is closed as lost;
 * - a citizen in the post-call survey is hung up and the call closed as completed, no result;
 * - agents are freed from calls that no longer exist.
 */
export async function recoverCalls(flow: CallFlow, deps: CallFlowDeps, sessions: ReadonlyMap<string, CallSession>, linkage: LinkageCalls | null): Promise<void> {
  const { telephony, callLog, log } = deps;
  // Only what existed before the list was taken can be judged by it: a call arriving
  // meanwhile is live though the list does not show it.
  const known = [...sessions.values()];
  const open = callLog.unfinished();
  const live = new Map((await telephony.listChannels()).map((c) => [c.id, c]));

  for (const session of known) {
    if (!live.has(session.channelId)) await flow.channelVanished(session, session.channelId);
    else if (session.agentLeg && !live.has(session.agentLeg.channelId)) await flow.channelVanished(session, session.agentLeg.channelId);
  }

  for (const call of open) {
    if (sessions.has(call.id) || known.some((s) => s.id === call.id)) continue;
    if (call.phase === 'survey') {
      // The talk was over before the restart; the survey's place is not worth rebuilding for a
      // question of a few seconds: the citizen is let go and the call closed, without a result.
      if (live.has(call.channelId)) await telephony.hangup(call.channelId).catch(() => undefined);
      callLog.record(call.id, 'survey-no-answer', { reason: 'restart' });
      callLog.close(call.id, 'completed', { cause: null, causeText: 'survey interrupted by a restart' });
      log.info({ callId: call.id }, 'call in its survey at restart closed');
      continue;
    }
    if (!live.has(call.channelId)) {
      callLog.close(call.id, 'lost', { cause: null, causeText: 'channel gone while the service was down' });
      log.warn({ callId: call.id, phase: call.phase }, 'open call had no live channel; closed as lost');
      continue;
    }
    const events = callLog.events(call.id);
    const leg = lastAnsweredLeg(events);
    // A call back interrupted before the citizen answered is not tried again on its own: the agent may click again.
    if (!leg && events.some((e) => e.type === 'callback-dialing')) {
      for (const id of [call.channelId, `${call.id}-agent1`]) if (live.has(id)) await telephony.hangup(id);
      callLog.close(call.id, 'callback-failed', { cause: null, causeText: 'interrupted by a restart' });
      continue;
    }
    const session = new CallSession(call.id, call.channelId, call.caller, log.child({ callId: call.id }));
    session.queue = call.queue;
    session.language = call.language;
    const transfer = call.phase === 'talking' ? lastIvrTransfer(events) : null;
    if (transfer && live.has(transfer.channelId)) {
      // Put through to a linkage target by the IVR: they talk on; the target's hangup ends the call.
      session.phase = 'talking';
      session.talkBridgeId = `call-${call.id}`;
      session.ivrTransfer = { channelId: transfer.channelId, target: transfer.target, state: 'connected', since: Date.now(), timeoutSeconds: 0 };
      flow.adopt(session, transfer.channelId);
      callLog.record(call.id, 'recovered', { phase: 'talking', target: transfer.target });
      continue;
    }
    const linked = linkageAtRestart(events);
    const agentOn = leg && !linked.agentLeft && live.has(leg.channelId) ? leg : null;
    const targetOn = linked.link !== null && live.has(linked.link.channelId) && (linked.agentLeft || linked.link.state === 'connected');
    if (call.phase === 'talking' && leg && !agentOn && !linked.agentLeft && targetOn) {
      // The agent put the phone down while the service was away: as at any time, caller and target talk on.
      callLog.record(call.id, 'agent-left', { agentId: leg.agentId, target: linked.link!.target, how: 'hung-up' });
      Object.assign(linked, { agentLeft: true, link: { ...linked.link!, mode: 'transfer' } });
    }
    if (call.phase === 'talking' && (agentOn || targetOn)) {
      session.phase = 'talking';
      session.enqueuedAt = call.enqueuedAt;
      session.agentLeg = agentOn && { channelId: agentOn.channelId, agentId: agentOn.agentId, answered: true };
      session.talkBridgeId = `call-${call.id}`;
      session.held = wasLeftOnHold(events);
      flow.adopt(session, agentOn?.channelId);
      callLog.record(call.id, 'recovered', { phase: 'talking' });
      log.info({ callId: call.id }, 'talking call taken back after restart');
      if (linkage) await session.run(() => linkage.restore(session, linked, live));
      continue;
    }
    flow.adopt(session);
    callLog.record(call.id, 'recovered', { phase: call.phase });
    const menu = call.menuName && call.menuVersion ? deps.menus.version(call.menuName, call.menuVersion) : null;
    await session.run(async () => {
      if (leg && live.has(leg.channelId)) await telephony.hangup(leg.channelId);
      // A linkage target the IVR was still ringing: the caller starts the menu again, so it is hung up.
      for (const id of live.keys()) if (id.startsWith(`${call.id}-ivr-transfer`)) await telephony.hangup(id);
      if (call.phase === 'ivr' && menu) {
        await flow.startIvr(session, menu.definition);
        return;
      }
      // A waiting caller may still sit in the holding bridge Asterisk kept; leave it before queueing again.
      if (call.queue) await telephony.removeFromBridge(`queue-${call.queue}`, [call.channelId]).catch(() => undefined);
      await deps.acd.enqueue(session, call.queue ?? 'general', call.enqueuedAt ?? Date.now());
    });
    log.info({ callId: call.id, phase: call.phase }, 'call taken back after restart');
  }

  deps.agents.recover(
    (agent) => sessions.get(agent.currentCallId ?? '')?.agentLeg?.agentId === agent.id,
    (agent) => {
    const wrapUps = agent.skills.map((q) => deps.queues.get(q)?.wrapUpSeconds ?? 0);
      return wrapUps.length ? Math.max(...wrapUps) : 0;
    },
  );
  deps.acd.dispatch();
}

function lastAnsweredLeg(events: Array<{ type: string; data: Record<string, unknown> }>): { channelId: string; agentId: number } | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i]!;
    if (e.type === 'agent-answered' && typeof e.data.channelId === 'string' && typeof e.data.agentId === 'number') {
      return { channelId: e.data.channelId, agentId: e.data.agentId };
    }
  }
  return null;
}

function lastIvrTransfer(events: Array<{ type: string; data: Record<string, unknown> }>): { channelId: string; target: string } | null {
  const e = events.findLast((e) => e.type === 'ivr-transfer-connected');
  return e && typeof e.data.channelId === 'string' && typeof e.data.target === 'string' ? { channelId: e.data.channelId, target: e.data.target } : null;
}

function wasLeftOnHold(events: Array<{ type: string }>): boolean {
  const last = events.findLast((e) => e.type === 'held' || e.type === 'resumed' || e.type === 'agent-answered');
  return last?.type === 'held';
}
