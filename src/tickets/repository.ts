import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets } from '../db/schema/index.js';

export type Ticket = typeof tickets.$inferSelect;
export type TicketInput = Pick<Ticket, 'caller' | 'type' | 'category' | 'title' | 'content' | 'citizenName' | 'address' | 'articleId' | 'callId' | 'agentId' | 'createdBy'>;
export type TicketEdit = Partial<Pick<Ticket, 'type' | 'category' | 'title' | 'content' | 'citizenName' | 'address' | 'articleId'>>;

/** Ticket numbers are the day and a sequence, e.g. 202611240007: digits a caller can key in. */
export function ticketNumberPrefix(at: number): string {
  const d = new Date(at + 8 * 3600_000); // China Standard Time, whatever the server's zone
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

export class TicketsRepository {
  constructor(private readonly db: Db) {}

  findByNumber(number: string): Ticket | null {
    return this.db.select().from(tickets).where(eq(tickets.number, number)).get() ?? null;
  }

  findById(id: number): Ticket | null {
    return this.db.select().from(tickets).where(eq(tickets.id, id)).get() ?? null;
  }

  listByCaller(caller: string, limit = 20): Ticket[] {
    return this.db.select().from(tickets).where(eq(tickets.caller, caller)).orderBy(desc(tickets.createdAt), desc(tickets.id)).limit(limit).all();
  }

  listByCall(callId: string): Ticket[] {
    return this.db.select().from(tickets).where(eq(tickets.callId, callId)).orderBy(tickets.id).all();
  }

  /** Numbers the ticket inside the insert's transaction, so two agents saving at once get different numbers. */
  intake(input: TicketInput, now = Date.now()): Ticket {
    return this.db.transaction((tx) => {
      const prefix = ticketNumberPrefix(now);
      // The day's numbers, read from the number index (':' sorts after '9'); the sequence is compared
      // as a number, since as text the 10 000th (…10000) sorts before the 9 999th (…9999).
      const last = tx
        .select({ seq: sql<number | null>`max(cast(substr(${tickets.number}, ${prefix.length + 1}) as integer))` })
        .from(tickets)
        .where(and(gt(tickets.number, prefix), lt(tickets.number, `${prefix}:`)))
        .get();
      const number = `${prefix}${String((last?.seq ?? 0) + 1).padStart(4, '0')}`;
      return tx.insert(tickets).values({ ...input, number, status: 'intake', channel: 'phone', createdAt: now, updatedAt: now }).returning().get();
    });
  }

  edit(number: string, changes: TicketEdit, now = Date.now()): Ticket | null {
    return this.db.update(tickets).set({ ...changes, updatedAt: now }).where(eq(tickets.number, number)).returning().get() ?? null;
  }

  /** For tests and imports: a ticket with a number and status of its own. */
  create(input: Pick<Ticket, 'number' | 'caller' | 'status' | 'title'> & Partial<TicketInput>, now = Date.now()): Ticket {
    return this.db
      .insert(tickets)
      .values({ ...input, callId: input.callId ?? null, createdAt: now, updatedAt: now })
      .returning()
      .get();
  }
}
