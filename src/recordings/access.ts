import type { AuthUser } from '../auth/repository.js';
import type { CallLog } from '../calls/call-log.js';
import { errors } from '../errors.js';

/**
 * Who may hear a call: supervisors and admins, any agent who answered it (a transfer has
 * two), and, for a message left for the callback list, any agent: whoever calls back.
 */
export function assertMayHear(user: AuthUser, callId: string, callLog: CallLog): void {
  if (user.role !== 'agent') return;
  const events = callLog.events(callId);
  const answered = events.some((e) => e.type === 'agent-answered' && e.data.agentId === user.agentId);
  const leftForCallback = events.some((e) => e.type === 'callback-requested') && !events.some((e) => e.type === 'agent-answered');
  if (!answered && !leftForCallback) throw new errors.Forbidden(`only the agent who took call ${callId}, supervisors and admins may hear its recording`);
}
