import type { AuthUser } from '../auth/repository.js';
import type { CallLog } from '../calls/call-log.js';
import { errors } from '../errors.js';

/** Who may hear a call: supervisors and admins, and any agent who answered it (a transfer has two). */
export function assertMayHear(user: AuthUser, callId: string, callLog: CallLog): void {
  if (user.role !== 'agent') return;
  const answered = callLog.events(callId).some((e) => e.type === 'agent-answered' && e.data.agentId === user.agentId);
  if (!answered) throw new errors.Forbidden(`only the agent who took call ${callId}, supervisors and admins may hear its recording`);
}
