/**
 * Which hotline actions a ticket's status allows, and whether an agent may take them: a mirror of
 * src/tickets/lifecycle.ts, so the page shows only buttons that can work. The API still decides;
 * a refusal (409 naming the status) is shown as it comes.
 */
type Role = 'agent' | 'supervisor' | 'admin';
const rules: Record<string, { from: string[]; lead?: boolean }> = {
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

export type TicketAction = keyof typeof rules;

export const allowed = (action: TicketAction, status: string, role: Role) => {
  const rule = rules[action]!;
  return rule.from.includes(status) && (!rule.lead || role !== 'agent');
};
