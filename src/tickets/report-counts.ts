import type { Action } from './lifecycle.js';
import type { Assignment, TicketRow } from './lifecycle-repository.js';

// What a ticket's row keeps for the tickets report, rewritten by the lifecycle in the same
// transaction as every change: a month's report then sums rows of one index instead of reading
// every part and every callback event of the month's tickets.

type ReportCounts = Pick<TicketRow, 'directAnswered' | 'callbacks' | 'callbacksSatisfied' | 'partsSignedFor' | 'partsSignedForOnTime' | 'partsReplied' | 'partsRepliedOnTime'>;

/** The row's counts after `action`, with `parts` as they stand after it. */
export function reportCounts(ticket: TicketRow, action: Action, parts: Assignment[]): ReportCounts {
  const called = action.type === 'callback';
  const count = (holds: (p: Assignment) => boolean) => parts.filter(holds).length;
  return {
    // A direct answer stands until the ticket is dispatched after all (returned or reopened, then sent to a unit).
    directAnswered: action.type === 'direct-answer' ? true : action.type === 'dispatch' ? false : ticket.directAnswered,
    callbacks: ticket.callbacks + (called ? 1 : 0),
    callbacksSatisfied: ticket.callbacksSatisfied + (called && action.result !== 'dissatisfied' ? 1 : 0),
    // Done is done: a part past its deadline still open is counted by the report, against the clock.
    partsSignedFor: count((p) => p.signedForAt !== null),
    partsSignedForOnTime: count((p) => p.signedForAt !== null && p.signedForAt <= p.signForDueAt),
    partsReplied: count((p) => p.repliedAt !== null),
    partsRepliedOnTime: count((p) => p.repliedAt !== null && p.repliedAt <= p.dueAt),
  };
}
