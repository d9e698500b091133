import type { TicketsRepository } from './repository.js';

/**
 * What the IVR says when a caller keys a ticket number: the number back, then its status; or
 * that it is unknown. A duplicate merged into another ticket reads out that ticket and its status,
 * since that is where the matter is being handled.
 */
export function ticketProgressPrompts(repository: TicketsRepository, digits: string): string[] {
  const ticket = repository.findByNumber(digits);
  if (!ticket) return ['ticket-not-found'];
  const intro = ['ticket-status-intro', `digits:${ticket.number}`];
  const into = ticket.status === 'merged' && ticket.mergedIntoId != null ? repository.findById(ticket.mergedIntoId) : null;
  if (into) return [...intro, 'ticket-status-merged', `digits:${into.number}`, `ticket-status-${into.status === 'merged' ? 'closed' : into.status}`];
  return [...intro, `ticket-status-${ticket.status}`];
}
