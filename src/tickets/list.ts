import { and, count, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { ticketAssignments, tickets, type AssignmentStatus, type TicketChannel, type TicketStatus, type TicketType } from '../db/schema/index.js';
import type { Ticket } from './repository.js';

export interface TicketFilter {
  statuses?: TicketStatus[];
  /** Tickets with a part at one of these units; with `parts`, a part in one of those statuses. */
  unitIds?: number[];
  parts?: AssignmentStatus[];
  type?: TicketType;
  category?: string;
  channel?: TicketChannel;
  /** Taken in at or after `from`, before `to` (ms). */
  from?: number;
  to?: number;
  caller?: string;
  /** Digits: the start of a ticket number or any part of a caller's number; other text: part of the title. */
  q?: string;
  /** Only these tickets (the ones a deadline flag picked). */
  numbers?: string[];
  limit: number;
  offset: number;
}

/** LIKE's own wildcards in what a person typed match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(db: Db, f: TicketFilter): SQL | undefined {
  // A set of ticket ids, not a join, so a ticket with two matching parts is listed once; read
  // through the parts' (unit, status) index, so a unit's list costs its own tickets, not the whole table.
  const parts =
    f.unitIds || f.parts
      ? inArray(
          tickets.id,
          db
            .select({ id: ticketAssignments.ticketId })
            .from(ticketAssignments)
            .where(and(f.unitIds ? inArray(ticketAssignments.unitId, f.unitIds) : undefined, f.parts ? inArray(ticketAssignments.status, f.parts) : undefined)),
        )
      : undefined;
  const q = f.q?.trim();
  const text = q
    ? /^[0-9+*#]+$/.test(q)
      ? or(like(tickets.number, `${q}%`), like(tickets.caller, `%${q}%`))
      : sql`${tickets.title} like ${`%${literal(q)}%`} escape '\\'`
    : undefined;
  return and(
    f.statuses ? inArray(tickets.status, f.statuses) : undefined,
    parts,
    f.type ? eq(tickets.type, f.type) : undefined,
    f.category ? eq(tickets.category, f.category) : undefined,
    f.channel ? eq(tickets.channel, f.channel) : undefined,
    f.from !== undefined ? gte(tickets.createdAt, f.from) : undefined,
    f.to !== undefined ? lt(tickets.createdAt, f.to) : undefined,
    f.caller ? eq(tickets.caller, f.caller) : undefined,
    f.numbers ? inArray(tickets.number, f.numbers) : undefined,
    text,
  );
}

/** The ticket list behind 工单管理 and the units' inbox: filtered, newest first, a page at a time with the total. */
export function listTickets(db: Db, filter: TicketFilter): { total: number; items: Ticket[] } {
  if (filter.unitIds?.length === 0 || filter.numbers?.length === 0) return { total: 0, items: [] };
  const condition = where(db, filter);
  const total = db.select({ n: count() }).from(tickets).where(condition).get()?.n ?? 0;
  const items = db.select().from(tickets).where(condition).orderBy(desc(tickets.createdAt), desc(tickets.id)).limit(filter.limit).offset(filter.offset).all();
  return { total, items };
}
