import type { Telephony } from '../telephony/types.js';
import type { CallSession } from './session.js';

export interface LegDial {
  endpoint: string;
  channelId: string;
  appArgs: string[];
  timeoutSeconds: number;
  /** The number the far end sees; the citizen's own by default, as a direct call would show. */
  callerId?: string;
}

/**
 * Dials a leg for a call: a linkage target, or the citizen the 智能回访 calls. A refused originate
 * ends the leg at once (cause 0). Asterisk's originate timeout ends a leg nobody answers; a guard
 * timer ends it too (cause 19, no answer) in case that event is lost. Resolves whether Asterisk
 * took the originate.
 */
export async function dialLeg(telephony: Telephony, session: CallSession, dial: LegDial, stillRinging: () => boolean, ended: (cause: number) => Promise<void>): Promise<boolean> {
  try {
    await telephony.originate({ ...dial, callerId: dial.callerId ?? session.caller });
  } catch (err) {
    session.log.warn({ err, endpoint: dial.endpoint }, 'could not dial');
    await ended(0);
    return false;
  }
  session.after((dial.timeoutSeconds + 5) * 1000, async () => {
    if (!stillRinging()) return;
    await telephony.hangup(dial.channelId, 'no_answer');
    await ended(19);
  });
  return true;
}
