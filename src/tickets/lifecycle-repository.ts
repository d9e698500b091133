import { and, asc, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  handlingUnits,
  ticketAssignments,
  ticketDeadlinePolicies,
  ticketEvents,
  tickets,
  users,
  type AssignmentStatus,
  type TicketType,
  type TicketUrgency,
} from '../db/schema/index.js';
import type { Tx } from '../menus/repository.js';
import type { StoredPolicy } from './deadlines.js';

export type Assignment = typeof ticketAssignments.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
export type TicketEventInput = Omit<TicketEventRow, 'id'>;
export type TicketRow = typeof tickets.$inferSelect;

export interface TicketEventView extends Omit<TicketEventRow, 'ticketId' | 'deadlineKey'> {
  username: string | null;
  unitName: string | null;
}

const activeStatuses: AssignmentStatus[] = ['dispatched', 'handling', 'replied'];

/** Units' parts of tickets, the tickets' events and the deadline policies: what the lifecycle shell reads and writes. */
export class LifecycleRepository {
  constructor(private readonly db: Db) {}

  assignments(ticketId: number, tx: Tx = this.db): Assignment[] {
    return tx.select().from(ticketAssignments).where(eq(ticketAssignments.ticketId, ticketId)).orderBy(ticketAssignments.id).all();
  }

  /** The parts of several tickets at once, for a page of the ticket list. */
  assignmentsOf(ticketIds: number[]): Assignment[] {
    if (!ticketIds.length) return [];
    return this.db.select().from(ticketAssignments).where(inArray(ticketAssignments.ticketId, ticketIds)).orderBy(ticketAssignments.id).all();
  }

  insertAssignment(values: Omit<Assignment, 'id'>, tx: Tx = this.db): Assignment {
    return tx.insert(ticketAssignments).values(values).returning().get();
  }

  updateAssignment(id: number, changes: Partial<Omit<Assignment, 'id' | 'ticketId' | 'unitId'>>, tx: Tx = this.db): void {
    tx.update(ticketAssignments).set(changes).where(eq(ticketAssignments.id, id)).run();
  }

  /** Whether one of the units has, or had, a part in the ticket: what lets their users see it. */
  unitsHaveTicket(unitIds: number[], ticketId: number): boolean {
    return !!this.db
      .select({ id: ticketAssignments.id })
      .from(ticketAssignments)
      .where(and(inArray(ticketAssignments.unitId, unitIds), eq(ticketAssignments.ticketId, ticketId)))
      .get();
  }

  /** A unit's parts with their tickets, oldest dispatch first; by default those it still has to act on. */
  inbox(unitId: number, statuses: AssignmentStatus[] = activeStatuses): Array<{ assignment: Assignment; ticket: TicketRow }> {
    return this.db
      .select({ assignment: ticketAssignments, ticket: tickets })
      .from(ticketAssignments)
      .innerJoin(tickets, eq(tickets.id, ticketAssignments.ticketId))
      .where(and(eq(ticketAssignments.unitId, unitId), inArray(ticketAssignments.status, statuses)))
      .orderBy(asc(ticketAssignments.dispatchedAt), asc(ticketAssignments.id))
      .limit(500)
      .all();
  }

  /** Parts still with their unit (not yet replied), with ticket and unit: the overdue list's candidates. */
  working(dueBy?: number): Array<{ assignment: Assignment; ticket: TicketRow; unitName: string }> {
    const due = dueBy === undefined ? undefined : or(lte(ticketAssignments.dueAt, dueBy), and(eq(ticketAssignments.status, 'dispatched'), lte(ticketAssignments.signForDueAt, dueBy)));
    return this.db
      .select({ assignment: ticketAssignments, ticket: tickets, unitName: handlingUnits.name })
      .from(ticketAssignments)
      .innerJoin(tickets, eq(tickets.id, ticketAssignments.ticketId))
      .innerJoin(handlingUnits, eq(handlingUnits.id, ticketAssignments.unitId))
      .where(and(inArray(ticketAssignments.status, ['dispatched', 'handling']), due))
      .orderBy(asc(ticketAssignments.dueAt), asc(ticketAssignments.id))
      .all();
  }

  recordEvent(event: TicketEventInput, tx: Tx = this.db): TicketEventRow {
    return tx.insert(ticketEvents).values(event).returning().get();
  }

  /** The deadline keys already supervised among these tickets. */
  supervisedKeys(ticketIds: number[]): Set<string> {
    if (!ticketIds.length) return new Set();
    const rows = this.db
      .select({ key: ticketEvents.deadlineKey })
      .from(ticketEvents)
      .where(and(inArray(ticketEvents.ticketId, ticketIds), isNotNull(ticketEvents.deadlineKey)))
      .all();
    return new Set(rows.map((r) => r.key!));
  }

  /** When a person last supervised each of these tickets (督办 from the page names no deadline). */
  manualSupervisions(ticketIds: number[]): Map<number, number> {
    const latest = new Map<number, number>();
    if (!ticketIds.length) return latest;
    const rows = this.db
      .select({ ticketId: ticketEvents.ticketId, at: ticketEvents.at })
      .from(ticketEvents)
      .where(and(inArray(ticketEvents.ticketId, ticketIds), eq(ticketEvents.action, 'supervise'), isNull(ticketEvents.deadlineKey)))
      .all();
    for (const r of rows) latest.set(r.ticketId, Math.max(latest.get(r.ticketId) ?? 0, r.at));
    return latest;
  }

  events(ticketId: number): TicketEventView[] {
    return this.db
      .select({
        id: ticketEvents.id,
        action: ticketEvents.action,
        fromStatus: ticketEvents.fromStatus,
        toStatus: ticketEvents.toStatus,
        userId: ticketEvents.userId,
        username: users.username,
        unitId: ticketEvents.unitId,
        unitName: handlingUnits.name,
        note: ticketEvents.note,
        detail: ticketEvents.detail,
        at: ticketEvents.at,
      })
      .from(ticketEvents)
      .leftJoin(users, eq(users.id, ticketEvents.userId))
      .leftJoin(handlingUnits, eq(handlingUnits.id, ticketEvents.unitId))
      .where(eq(ticketEvents.ticketId, ticketId))
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id))
      .all();
  }

  policies(): StoredPolicy[] {
    return this.db.select().from(ticketDeadlinePolicies).all();
  }

  savePolicy(policy: StoredPolicy, by: number, at: number): void {
    const values = { signForMinutes: policy.signForMinutes, completionMinutes: policy.completionMinutes, updatedAt: at, updatedBy: by };
    this.db
      .insert(ticketDeadlinePolicies)
      .values({ type: policy.type, urgency: policy.urgency, ...values })
      .onConflictDoUpdate({ target: [ticketDeadlinePolicies.type, ticketDeadlinePolicies.urgency], set: values })
      .run();
  }

  deletePolicy(type: TicketType, urgency: TicketUrgency): boolean {
    return (
      this.db
        .delete(ticketDeadlinePolicies)
        .where(and(eq(ticketDeadlinePolicies.type, type), eq(ticketDeadlinePolicies.urgency, urgency)))
        .run().changes > 0
    );
  }
}
