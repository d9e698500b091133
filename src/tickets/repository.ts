import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { tickets } from '../db/schema/index.js';

export type Ticket = typeof tickets.$inferSelect;

export class TicketsRepository {
  constructor(private readonly db: Db) {}

  findByNumber(number: string): Ticket | null {
    return this.db.select().from(tickets).where(eq(tickets.number, number)).get() ?? null;
  }

  listByCaller(caller: string, limit = 20): Ticket[] {
    return this.db.select().from(tickets).where(eq(tickets.caller, caller)).orderBy(desc(tickets.createdAt)).limit(limit).all();
  }

  create(input: Pick<Ticket, 'number' | 'caller' | 'status' | 'title'> & { callId?: string | null }, now = Date.now()): Ticket {
    return this.db
      .insert(tickets)
      .values({ ...input, callId: input.callId ?? null, createdAt: now, updatedAt: now })
      .returning()
      .get();
  }
}
