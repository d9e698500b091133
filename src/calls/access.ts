import type { AuthUser } from '../auth/repository.js';
import { errors } from '../errors.js';
import type { CallLog } from './call-log.js';

/**
 * Supervisors and admins see every call; an agent sees the calls they answered, and only
 * those: the citizens' numbers and recordings are not for every seat to browse.
 */
export function scopeOf(user: AuthUser, agentId: number | undefined): number | undefined {
  if (user.role !== 'agent') return agentId;
  if (user.agentId === null) throw new errors.Forbidden(`user ${user.username} is an agent with no seat, and has no calls`);
  if (agentId !== undefined && agentId !== user.agentId) throw new errors.Forbidden(`agentId: an agent sees only their own calls (agent ${user.agentId})`);
  return user.agentId;
}

export function assertMaySee(user: AuthUser, callId: string, callLog: CallLog): void {
  if (user.role !== 'agent') return;
  if (user.agentId === null || !callLog.answeredBy(callId, user.agentId)) {
    throw new errors.Forbidden(`call ${callId} was not taken by agent ${user.agentId ?? '(none)'}`);
  }
}
