/**
 * Which actions a ticket allows the user, a mirror of src/tickets/lifecycle.ts, so the page shows
 * only buttons that can work: the hotline's by the ticket's status and the role; a unit's by the
 * state of its own part. The API still decides; a refusal (409 naming the status) is shown as it comes.
 */
type Role = 'agent' | 'supervisor' | 'admin' | 'unit';
const hotline: Record<string, { from: string[]; lead?: boolean }> = {
  'direct-answer': { from: ['intake', 'returned', 'reopened'] },
  dispatch: { from: ['intake', 'returned', 'reopened'] },
  merge: { from: ['intake', 'returned', 'reopened'] },
  accept: { from: ['replied'], lead: true },
  'send-back': { from: ['replied'], lead: true },
  extension: { from: ['handling'], lead: true },
  supervise: { from: ['dispatched', 'handling'], lead: true },
  callback: { from: ['completed'] },
  reopen: { from: ['closed'], lead: true },
};

/** A unit acts on its own part: signs for it, replies to it, asks for more time, or returns it as not its matter. */
const unit: Record<string, string[]> = {
  'sign-for': ['dispatched'],
  reply: ['handling'],
  'request-extension': ['handling'],
  return: ['dispatched', 'handling'],
};

export type TicketAction = keyof typeof hotline | keyof typeof unit;
export const hotlineActions = Object.keys(hotline);
export const unitActions = Object.keys(unit);

export const allowed = (action: TicketAction, status: string, role: Role) => {
  const rule = hotline[action];
  return role !== 'unit' && !!rule && rule.from.includes(status) && (!rule.lead || role !== 'agent');
};

/** `part`: the state of the user's own unit's part, if it has one. */
export const unitAllowed = (action: TicketAction, part: string | undefined) => !!part && (unit[action] ?? []).includes(part);
