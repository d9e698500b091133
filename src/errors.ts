import createError from '@fastify/error';

// One catalogue of the errors a client can see: a stable code, a status, a message
// naming what is wrong. The error handler shapes them; routes never set 5xx by hand.
export const errors = {
  Unauthorized: createError('UNAUTHORIZED', 'Authentication required: %s', 401),
  Forbidden: createError('FORBIDDEN', 'Forbidden: %s', 403),
  NotFound: createError('NOT_FOUND', '%s not found', 404),
  Conflict: createError('CONFLICT', '%s', 409),
  /** The agent's last call has neither a ticket nor a reason for none, so wrap-up cannot end. */
  TicketOwed: createError('TICKET_OWED', '%s', 409),
  IllegalTransition: createError('ILLEGAL_TRANSITION', 'Agent %s is %s and cannot %s', 409),
  /** The ticket's lifecycle refuses the action in its current status; the message names the status. */
  TicketTransition: createError('ILLEGAL_TRANSITION', 'Ticket %s %s', 409),
  /** A unit's reply looks perfunctory and the hotline tried to accept it without saying why. */
  ReplyFlagged: createError('REPLY_FLAGGED', 'Ticket %s %s', 409),
  InvalidMenu: createError('INVALID_MENU', 'Invalid menu: %s', 400),
  InvalidInput: createError('INVALID_INPUT', '%s', 400),
  /** A tool the service runs (espeak-ng, sox) is missing on this host. */
  Unavailable: createError('UNAVAILABLE', '%s', 503),
  AsteriskUnreachable: createError('ASTERISK_UNREACHABLE', 'Asterisk is not reachable: %s', 503),
} as const;
