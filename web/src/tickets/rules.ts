/**
 * Which actions a ticket allows the user, read from the service's own rules
 * (src/tickets/lifecycle.ts), so the page shows only buttons that can work: the hotline's by the
 * ticket's status and the role; a unit's by the state of its own part. The API still decides; a
 * refusal (409 naming the status) is shown as it comes.
 */
import { from, unitFrom, who, type ActionType } from '../../../src/tickets/lifecycle.js';

type Role = 'agent' | 'supervisor' | 'admin' | 'unit';

/** The page's one 延期 decision stands for approving and refusing, which share their rules. */
const hotlineOrder = ['direct-answer', 'dispatch', 'merge', 'accept', 'send-back', 'extension', 'supervise', 'callback', 'reopen'] as const;
const unitOrder = ['sign-for', 'reply', 'request-extension', 'return'] as const;

export type TicketAction = (typeof hotlineOrder)[number] | (typeof unitOrder)[number];
export const hotlineActions: TicketAction[] = [...hotlineOrder];
export const unitActions: TicketAction[] = [...unitOrder];

const ruleOf = (action: TicketAction): ActionType => (action === 'extension' ? 'approve-extension' : action);

export const allowed = (action: TicketAction, status: string, role: Role) => {
  const rule = ruleOf(action);
  const by = who[rule].hotline;
  return role !== 'unit' && !!by && (from[rule] ?? []).some((s) => s === status) && (by !== 'lead' || role !== 'agent');
};

/** `part`: the state of the user's own unit's part, if it has one. */
export const unitAllowed = (action: TicketAction, part: string | undefined) => !!part && (unitFrom[ruleOf(action)] ?? []).some((s) => s === part);
