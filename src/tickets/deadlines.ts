import type { Calendar } from '../calendar/model.js';
import { addWorkingMinutes, workingMinutesBetween } from '../calendar/working-time.js';
import type { TicketType, TicketUrgency } from '../db/schema/index.js';

// Deadlines count working time on the hotline's calendar, so a ticket dispatched the afternoon
// before 国庆节 is not late after the holiday, and the Saturday worked in exchange (调休) counts.

export interface DeadlinePolicy {
  /** Working minutes a unit has to sign for (签收) a dispatched ticket. */
  signForMinutes: number;
  /** Working minutes from dispatch to the unit's reply (办结). */
  completionMinutes: number;
}

/** A working day of the default calendar (08:30–12:00, 13:30–17:30) is 450 minutes. */
export const WORKING_DAY_MINUTES = 450;

/** Used for every type unless an admin stores its own: 2 working hours to sign for, 5 working days to complete. */
export const defaultPolicies: Record<TicketUrgency, DeadlinePolicy> = {
  normal: { signForMinutes: 120, completionMinutes: 5 * WORKING_DAY_MINUTES },
  urgent: { signForMinutes: 60, completionMinutes: 2 * WORKING_DAY_MINUTES },
  critical: { signForMinutes: 30, completionMinutes: WORKING_DAY_MINUTES },
};

export interface StoredPolicy extends DeadlinePolicy {
  type: TicketType;
  urgency: TicketUrgency;
}

export function policyFor(stored: readonly StoredPolicy[], type: TicketType, urgency: TicketUrgency): DeadlinePolicy {
  const own = stored.find((p) => p.type === type && p.urgency === urgency);
  return own ? { signForMinutes: own.signForMinutes, completionMinutes: own.completionMinutes } : defaultPolicies[urgency];
}

export function dueDates(calendar: Calendar, dispatchedAt: number, policy: DeadlinePolicy): { signForDueAt: number; dueAt: number } {
  return {
    signForDueAt: addWorkingMinutes(calendar, dispatchedAt, policy.signForMinutes),
    dueAt: addWorkingMinutes(calendar, dispatchedAt, policy.completionMinutes),
  };
}

export type DeadlineFlag = 'on-time' | 'near' | 'overdue';

/** How much of the working time from `start` to `due` has been used by `now`, and whether that is near or past. */
export function deadlineFlag(calendar: Calendar, start: number, due: number, now: number, nearPercent: number): { flag: DeadlineFlag; usedPercent: number } {
  const allowed = workingMinutesBetween(calendar, start, due);
  const used = workingMinutesBetween(calendar, start, now);
  const usedPercent = allowed > 0 ? Math.round((used / allowed) * 100) : 100;
  if (now >= due) return { flag: 'overdue', usedPercent };
  return { flag: usedPercent >= nearPercent ? 'near' : 'on-time', usedPercent };
}

/**
 * The instant a part still with its unit first shows as near (or overdue) on either of its open
 * deadlines, or null once it is no longer with the unit. Never later than deadlineFlag would say:
 * usedPercent is rounded, so half a percent early, and a minute more for the fractions.
 */
export function flagAt(
  calendar: Calendar,
  part: { status: string; dispatchedAt: number; signForDueAt: number; dueAt: number },
  nearPercent: number,
): number | null {
  if (part.status !== 'dispatched' && part.status !== 'handling') return null;
  const near = (due: number) => {
    const allowed = workingMinutesBetween(calendar, part.dispatchedAt, due);
    const minutes = Math.floor((allowed * (nearPercent - 0.5)) / 100) - 1;
    return Math.min(due, minutes > 0 ? addWorkingMinutes(calendar, part.dispatchedAt, minutes) : part.dispatchedAt);
  };
  return part.status === 'dispatched' ? Math.min(near(part.signForDueAt), near(part.dueAt)) : near(part.dueAt);
}
