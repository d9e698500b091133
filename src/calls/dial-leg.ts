import type { Telephony } from '../telephony/types.js';
import type { CallSession } from './session.js';

export interface LegDial {
  endpoint: string;
  channelId: string;
  appArgs: string[];
  timeoutSeconds: number;
}

/**
 * Dials a linkage target for a call, showing the citizen's number as a direct call would. A
 * refused originate ends the leg at once (cause 0). Asterisk's originate timeout ends a leg
 * nobody answers; a guard timer ends it too (cause 19, no answer) in case that event is lost.
 */
export async function dialLeg(telephony: Telephony, session: CallSession, dial: LegDial, stillRinging: () => boolean, ended: (cause: number) => Promise<void>): Promise<void> {
  try {
    await telephony.originate({ ...dial, callerId: session.caller });
  } catch (err) {
    session.log.warn({ err, endpoint: dial.endpoint }, 'could not dial linkage target');
    await ended(0);
    return;
  }
  session.after((dial.timeoutSeconds + 5) * 1000, async () => {
    if (!stillRinging()) return;
    await telephony.hangup(dial.channelId, 'no_answer');
    await ended(19);
  });
}
