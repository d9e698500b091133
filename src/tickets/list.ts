import { and, count, desc, eq, exists, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
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
  /** Digits: the start of a ticket number, and a whole caller's number or (under 11 digits) any part of one; other text: part of the title. */
  q?: string;
  /** Only these tickets (the ones a deadline flag picked). */
  numbers?: string[];
  limit: number;
  offset: number;
}

/** LIKE's own wildcards in what a person typed match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How many matches make a filter dense. Past `walk` matches, the page walks all tickets newest
 * first and checks each, rather than sorting every match: dense matches come early in that walk
 * (one status is a range of its own index already in that order, so only several statuses need it).
 * Past `probe` matching parts, a unit filter is checked ticket by ticket with one probe of the
 * parts' ticket index, for the count too, instead of gathering the parts' ticket ids first: a
 * city's millions of parts take seconds to gather, while its tickets are so dense among all that
 * a page, and a capped total, are found after a few thousand probes.
 */
export interface Density {
  walk: number;
  probe: number;
}
const DENSE: Density = { walk: 20_000, probe: 200_000 };

const atLeast = (db: Db, rows: SQL | undefined, table: typeof tickets | typeof ticketAssignments, n: number) =>
  db.select({ n: count() }).from(db.select({ one: sql`1` }).from(table).where(rows).limit(n).as('some')).get()!.n === n;

/** A ticket with two matching parts is listed once: the parts are a set of ticket ids, not a join. */
function partsOf(db: Db, f: TicketFilter, dense: Density): { count?: SQL; page?: SQL } {
  if (!f.unitIds && !f.parts) return {};
  const partWhere = and(f.unitIds ? inArray(ticketAssignments.unitId, f.unitIds) : undefined, f.parts ? inArray(ticketAssignments.status, f.parts) : undefined);
  if (atLeast(db, partWhere, ticketAssignments, dense.probe)) {
    // One seek on the ticket, its few parts' units and statuses read from that index entry: seeking
    // (ticket, unit) for each of a city's hundred units would be a hundred seeks per ticket.
    const ofTicket = and(f.unitIds ? inArray(sql`+${ticketAssignments.unitId}`, f.unitIds) : undefined, f.parts ? inArray(sql`+${ticketAssignments.status}`, f.parts) : undefined);
    const probed = exists(db.select({ one: sql`1` }).from(ticketAssignments).where(and(eq(ticketAssignments.ticketId, tickets.id), ofTicket)));
    return { count: probed, page: probed };
  }
  const ids = db.select({ id: ticketAssignments.ticketId }).from(ticketAssignments).where(partWhere);
  // The unary plus keeps SQLite from looking each id up and sorting them all.
  const walk = atLeast(db, partWhere, ticketAssignments, dense.walk);
  return { count: inArray(tickets.id, ids), page: walk ? inArray(sql`+${tickets.id}`, ids) : inArray(tickets.id, ids) };
}

/**
 * What the search box matches. Digits: the start of a ticket number (a range of its index: ':'
 * sorts after '9'), and a caller's number, exactly when whole (the caller index answers at once),
 * else any part of it. Other text: part of the title.
 */
function searchMatch(db: Db, q: string, dense: Density): SQL | undefined {
  const digits = /^[0-9+*#]+$/.test(q);
  const numberStarts = and(gte(tickets.number, q), lt(tickets.number, `${q}:`));
  if (digits && q.length >= WHOLE_NUMBER) return or(numberStarts, eq(tickets.caller, q));
  const part = digits ? like(tickets.caller, `%${literal(q)}%`) : like(tickets.title, `%${literal(q)}%`);
  const inPart = sql`${part} escape '\\'`;
  const found = foundIn(db, digits ? 'caller' : 'title', q, dense);
  const match = found ? and(found, inPart) : inPart;
  return digits ? or(numberStarts, match) : match;
}
const WHOLE_NUMBER = 11;

/**
 * The tickets whose `column` holds `q`, from the trigram index tickets_search, when they are
 * few. `like '%…%'` can use no B-tree index: the list walks tickets newest first and checks each,
 * which finds a page of a common term at once but reads every ticket for a rare one. So a term of
 * 3 or more characters with fewer than `dense.walk` matches is looked up instead; a shorter one
 * cannot be (trigrams), and a common one is left to the walk.
 */
function foundIn(db: Db, column: 'title' | 'caller', q: string, dense: Density): SQL | undefined {
  if ([...q].length < 3) return undefined;
  const phrase = `{${column}} : "${q.replace(/"/g, '""')}"`;
  const matches = sql`select rowid from tickets_search where tickets_search match ${phrase}`;
  const some = db.get<{ n: number }>(sql`select count(*) as n from (${matches} limit ${dense.walk})`);
  return some.n < dense.walk ? sql`${tickets.id} in (${matches})` : undefined;
}

/** The filter, for the count and for the page in intake order. */
function where(db: Db, f: TicketFilter, dense: Density): { count: SQL | undefined; page: SQL | undefined } {
  const parts = partsOf(db, f, dense);
  const statuses = f.statuses && inArray(tickets.status, f.statuses);
  const walk = f.statuses && f.statuses.length > 1 && atLeast(db, statuses, tickets, dense.walk) ? inArray(sql`+${tickets.status}`, f.statuses) : statuses;
  const q = f.q?.trim();
  const text = q ? searchMatch(db, q, dense) : undefined;
  const others = [
    f.type ? eq(tickets.type, f.type) : undefined,
    f.category ? eq(tickets.category, f.category) : undefined,
    f.channel ? eq(tickets.channel, f.channel) : undefined,
    f.from !== undefined ? gte(tickets.createdAt, f.from) : undefined,
    f.to !== undefined ? lt(tickets.createdAt, f.to) : undefined,
    f.caller ? eq(tickets.caller, f.caller) : undefined,
    f.numbers ? inArray(tickets.number, f.numbers) : undefined,
    text,
  ];
  return { count: and(statuses, parts.count, ...others), page: and(walk, parts.page, ...others) };
}

/**
 * The ticket list behind 工单管理 and the units' inbox: filtered, newest first, a page at a time.
 * The total counts at most `countCap` matches: past that a person refines the filter rather than
 * pages on, and counting a city's millions would take seconds; `totalCapped` says it stopped.
 */
export function listTickets(db: Db, filter: TicketFilter, countCap: number, dense = DENSE): { total: number; totalCapped: boolean; items: Ticket[] } {
  if (filter.unitIds?.length === 0 || filter.numbers?.length === 0) return { total: 0, totalCapped: false, items: [] };
  const condition = where(db, filter, dense);
  const matches = db.select({ one: sql`1` }).from(tickets).where(condition.count).limit(countCap + 1).as('matches');
  const counted = db.select({ n: count() }).from(matches).get()?.n ?? 0;
  const items = db.select().from(tickets).where(condition.page).orderBy(desc(tickets.createdAt), desc(tickets.id)).limit(filter.limit).offset(filter.offset).all();
  return { total: Math.min(counted, countCap), totalCapped: counted > countCap, items };
}
