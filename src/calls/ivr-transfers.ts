import type { Telephony } from '../telephony/types.js';
import type { LinkageTargetsRepository } from '../linkage/repository.js';
import type { CallLog } from './call-log.js';
import type { CallSession, IvrTransferLeg } from './session.js';
import { failureOf } from './linkage-calls.js';
import { dialLeg } from './dial-leg.js';

export const IVR_TRANSFER_LEG = 'ivr-transfer-leg';

export interface IvrTransferDeps {
  telephony: Telephony;
  callLog: CallLog;
  targets: LinkageTargetsRepository;
  /** The flow must route the new leg's events to this call before the leg exists. */
  track: (session: CallSession, channelId: string) => void;
  /** Tells the caller's IVR how the transfer went: answered ends the menu, failed goes on at the fallback. */
  resume: (session: CallSession, answered: boolean) => Promise<void>;
}

/**
 * A transfer node puts the caller straight through to a linkage target (12315, say) with no
 * agent: the caller hears music while the target rings, then both talk in a mixing bridge.
 * Busy, rejected or unanswered, the caller goes back into the menu at the node's fallback.
 */
export class IvrTransfers {
  private seq = 0;

  constructor(private readonly deps: IvrTransferDeps) {}

  async dial(session: CallSession, targetCode: string): Promise<void> {
    const { telephony, callLog } = this.deps;
    const target = this.deps.targets.get(targetCode);
    if (!target) {
      // Deleted since the menu was published: the fallback is there for exactly this.
      callLog.record(session.id, 'ivr-transfer-failed', { target: targetCode, cause: null, reason: 'unknown-target' });
      await this.deps.resume(session, false);
      return;
    }
    this.seq += 1;
    // A fresh id for every try: a caller may come back to the node after a failed one.
    const leg: IvrTransferLeg = { channelId: `${session.id}-ivr-transfer${this.seq}`, target: target.code, state: 'dialing', since: Date.now(), timeoutSeconds: target.timeoutSeconds };
    session.ivrTransfer = leg;
    this.deps.track(session, leg.channelId);
    callLog.record(session.id, 'ivr-transfer-dialing', { target: target.code, channelId: leg.channelId });
    session.log.info({ target: target.code }, 'IVR dialling linkage target');
    await telephony.startMohOnChannel(session.channelId);
    await dialLeg(
      telephony,
      session,
      { endpoint: target.dialString, channelId: leg.channelId, appArgs: [IVR_TRANSFER_LEG, session.id, target.code], timeoutSeconds: target.timeoutSeconds },
      () => session.ivrTransfer === leg && leg.state === 'dialing',
      (cause) => this.legEnded(session, leg.channelId, cause),
    );
  }

  async answered(session: CallSession, channelId: string): Promise<void> {
    const leg = session.ivrTransfer;
    const { telephony, callLog } = this.deps;
    if (leg?.channelId !== channelId || leg.state !== 'dialing' || session.callerGone) {
      await telephony.hangup(channelId);
      return;
    }
    leg.state = 'connected';
    leg.since = Date.now();
    session.phase = 'talking';
    callLog.record(session.id, 'ivr-transfer-connected', { target: leg.target, channelId }, { phase: 'talking' });
    session.log.info({ target: leg.target }, 'IVR transfer connected');
    await this.deps.resume(session, true);
    await telephony.stopMohOnChannel(session.channelId);
    const bridgeId = `call-${session.id}`;
    session.talkBridgeId = bridgeId;
    await telephony.createBridge(bridgeId, 'mixing', `call ${session.id}`);
    await telephony.addToBridge(bridgeId, [session.channelId, channelId]);
  }

  /** The target's leg ended: before answering, the caller is back in the menu; after, the call is over. */
  async legEnded(session: CallSession, channelId: string, cause: number): Promise<void> {
    const leg = session.ivrTransfer;
    if (leg?.channelId !== channelId) return;
    session.ivrTransfer = null;
    const { telephony, callLog } = this.deps;
    if (leg.state === 'connected') {
      callLog.close(session.id, 'transferred', { cause, causeText: `${leg.target} hung up` });
      if (!session.callerGone) await telephony.hangup(session.channelId);
      await this.destroyBridge(session);
      return;
    }
    const reason = failureOf(cause, leg, Date.now());
    callLog.record(session.id, 'ivr-transfer-failed', { target: leg.target, cause, reason });
    session.log.info({ target: leg.target, reason, cause }, 'IVR transfer target did not answer');
    if (session.callerGone) return;
    await telephony.stopMohOnChannel(session.channelId);
    await this.deps.resume(session, false);
  }

  /**
   * The caller hung up while a transfer was under way. Returns true when the transfer had
   * connected, the call then being closed here as transferred.
   */
  async callerLeft(session: CallSession, hangup: { cause: number; causeText: string }): Promise<boolean> {
    const leg = session.ivrTransfer;
    if (!leg) return false;
    session.ivrTransfer = null;
    await this.deps.telephony.hangup(leg.channelId);
    if (leg.state !== 'connected') return false;
    this.deps.callLog.close(session.id, 'transferred', hangup);
    await this.destroyBridge(session);
    return true;
  }

  private async destroyBridge(session: CallSession): Promise<void> {
    if (!session.talkBridgeId) return;
    await this.deps.telephony.destroyBridge(session.talkBridgeId);
    session.talkBridgeId = null;
  }
}
