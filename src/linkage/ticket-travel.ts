import type { CallEvent, CallLog } from '../calls/call-log.js';
import type { Log } from '../log.js';
import type { Ticket, TicketsRepository } from '../tickets/repository.js';
import type { DeliveriesRepository, Delivery } from './deliveries.js';
import type { LinkageTarget, LinkageTargetsRepository } from './repository.js';

/** The call event the call code records when a target joins; its data is `{ target: <code> }`. */
const LINKAGE_CONNECTED = 'linkage-connected';

/** What a target's system receives. The caller's number is whole: the partner has to be able to call the citizen back. */
function ticketSummary(ticket: Ticket, targetCode: string) {
  return {
    ticketNumber: ticket.number,
    type: ticket.type,
    category: ticket.category,
    title: ticket.title,
    content: ticket.content,
    citizenName: ticket.citizenName,
    address: ticket.address,
    caller: ticket.caller,
    callId: ticket.callId,
    createdAt: ticket.createdAt,
    target: targetCode,
  };
}

function connectedTargets(events: CallEvent[]): Set<string> {
  const codes = new Set<string>();
  for (const e of events) if (e.type === LINKAGE_CONNECTED && typeof e.data.target === 'string') codes.add(e.data.target);
  return codes;
}

const travels = (target: LinkageTarget | null): target is LinkageTarget => Boolean(target?.ticketTravels && target.webhookUrl);

export type SendResult = { ok: true; delivery: Delivery } | { ok: false; reason: 'unknown-target' | 'no-webhook-url' };

interface LinkageDeliveriesDeps {
  deliveries: DeliveriesRepository;
  targets: LinkageTargetsRepository;
  tickets: TicketsRepository;
  callLog: CallLog;
  /** Wakes the worker, so a new delivery is tried at once rather than at the next timer. */
  kick: () => void;
  log: Log;
}

/**
 * Decides which tickets travel to which linkage targets. A ticket and a connected target can
 * meet in either order (the agent brings in 110, then saves the ticket, or the reverse); each
 * pair is queued once.
 */
export class LinkageDeliveries {
  constructor(private readonly deps: LinkageDeliveriesDeps) {}

  /** Called from call handling, so a failure is logged rather than thrown into the call. */
  linkageConnected(callId: string, targetCode: string): Delivery[] {
    try {
      const target = this.deps.targets.get(targetCode);
      if (!travels(target)) return [];
      return this.enqueueOnce(this.deps.tickets.listByCall(callId).map((ticket) => ({ ticket, target: target.code })));
    } catch (err) {
      this.deps.log.error({ err, callId, target: targetCode }, 'could not queue tickets for a linkage target');
      return [];
    }
  }

  /** Runs inside the ticket's intake transaction: the ticket and what it owes are written together. */
  ticketCreated(ticket: Ticket): Delivery[] {
    if (!ticket.callId) return [];
    const pairs = [...connectedTargets(this.deps.callLog.events(ticket.callId))]
      .map((code) => this.deps.targets.get(code))
      .filter(travels)
      .map((target) => ({ ticket, target: target.code }));
    return this.enqueueOnce(pairs);
  }

  /**
   * An agent sends the ticket by hand, whether or not the target takes tickets with calls: the
   * summary as it is now. A delivery still being tried is returned instead of doubled.
   */
  send(ticket: Ticket, targetCode: string): SendResult {
    const target = this.deps.targets.get(targetCode);
    if (!target) return { ok: false, reason: 'unknown-target' };
    if (!target.webhookUrl) return { ok: false, reason: 'no-webhook-url' };
    const pending = this.deps.deliveries.pendingFor(ticket.id, target.code);
    if (pending) return { ok: true, delivery: pending };
    const delivery = this.deps.deliveries.enqueue({ ticketId: ticket.id, targetCode: target.code, callId: ticket.callId, payload: ticketSummary(ticket, target.code) });
    this.queued(delivery, ticket);
    return { ok: true, delivery };
  }

  private enqueueOnce(pairs: Array<{ ticket: Ticket; target: string }>): Delivery[] {
    const queued: Delivery[] = [];
    for (const { ticket, target } of pairs) {
      const delivery = this.deps.deliveries.enqueueOnce({ ticketId: ticket.id, targetCode: target, callId: ticket.callId, payload: ticketSummary(ticket, target) });
      if (!delivery) continue;
      this.queued(delivery, ticket);
      queued.push(delivery);
    }
    return queued;
  }

  private queued(delivery: Delivery, ticket: Ticket): void {
    this.deps.log.info({ delivery: delivery.id, target: delivery.targetCode, ticket: ticket.number, callId: ticket.callId }, 'ticket queued for a linkage target');
    this.deps.kick();
  }
}
