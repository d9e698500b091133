import type { TicketsRepository } from './repository.js';

/** What the IVR says when a caller keys a ticket number: the number back, then its status; or that it is unknown. */
export function ticketProgressPrompts(tickets: TicketsRepository, digits: string): string[] {
  const ticket = tickets.findByNumber(digits);
  if (!ticket) return ['ticket-not-found'];
  return ['ticket-status-intro', `digits:${ticket.number}`, `ticket-status-${ticket.status}`];
}
