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

  /** Parts whose flag time has come by `now`, with ticket and unit, soonest deadline first: the overdue list's candidates. */
  flaggedBy(now: number): Array<{ assignment: Assignment; ticket: Pick<TicketRow, 'id' | 'number' | 'title' | 'type' | 'urgency' | 'status'>; unitName: string }> {
    // Not the whole ticket: its content and address are most of its row, and thousands are listed.
    const ticket = { id: tickets.id, number: tickets.number, title: tickets.title, type: tickets.type, urgency: tickets.urgency, status: tickets.status };
    return this.db
      .select({ assignment: ticketAssignments, ticket, unitName: handlingUnits.name })
      .from(ticketAssignments)
      .innerJoin(tickets, eq(tickets.id, ticketAssignments.ticketId))
      .innerJoin(handlingUnits, eq(handlingUnits.id, ticketAssignments.unitId))
      .where(and(isNotNull(ticketAssignments.flagAt), lte(ticketAssignments.flagAt, now)))
      .orderBy(asc(ticketAssignments.dueAt), asc(ticketAssignments.id))
      .all();
  }

  /** Rewrites every part's flag time that `flagAt` now puts elsewhere (a new calendar, a new near percent); returns how many changed. */
  refreshFlags(flagAt: (part: Assignment) => number | null): number {
    return this.db.transaction((tx) => {
      const parts = tx
        .select()
        .from(ticketAssignments)
        .where(or(inArray(ticketAssignments.status, ['dispatched', 'handling']), isNotNull(ticketAssignments.flagAt)))
        .all();
      let changed = 0;
      for (const part of parts) {
        const at = flagAt(part);
        if (at === part.flagAt) continue;
        this.updateAssignment(part.id, { flagAt: at }, tx);
        changed += 1;
      }
      return changed;
    });
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
