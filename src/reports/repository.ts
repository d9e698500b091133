import { and, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import { agents, calls, handlingUnits, queues, ticketAssignments, ticketEvents, tickets } from '../db/schema/index.js';
import { emptyTicketCounts, type CallCounts, type Group, type TicketCounts } from './figures.js';
import { CHINA_OFFSET_MS, type ReportRange } from './range.js';

export const callGroupings = ['day', 'queue', 'agent'] as const;
export type CallGrouping = (typeof callGroupings)[number];
export const ticketGroupings = ['day', 'channel', 'type', 'category', 'unit'] as const;
export type TicketGrouping = (typeof ticketGroupings)[number];

/** The China day of an epoch-ms column, in SQL: SQLite's date functions know only UTC. */
const chinaDayOf = (column: AnySQLiteColumn) =>
  sql<string>`strftime('%Y-%m-%d', (${column} + ${CHINA_OFFSET_MS}) / 1000, 'unixepoch')`;

/** count(*) of the rows where `condition` holds; 0, not null, for an empty group. */
const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`;
const sumWhere = (value: AnySQLiteColumn, condition: SQL) => sql<number>`coalesce(sum(${value}) filter (where ${condition}), 0)`;

/**
 * The sums behind the reports, grouped in SQLite: a month of a provincial hotline is millions
 * of rows, so no row comes into JavaScript, only one per group. figures.ts defines what each sum counts.
 */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  /** Runs the groups' and the total's queries on one snapshot, so a call ending in between cannot make them disagree. */
  snapshot<T>(read: () => T): T {
    return this.db.transaction(() => read());
  }

  /** Calls offered to a queue that started in the range, per group; the groups part the calls, so they add up to the total. */
  callCounts(range: ReportRange, by: CallGrouping, serviceLevelMs: number): Group<CallCounts>[] {
    const key = by === 'day' ? chinaDayOf(calls.startedAt) : by === 'queue' ? sql<string>`${calls.queue}` : sql<string>`cast(${calls.agentId} as text)`;
    const answered = sql`${calls.agentAnsweredAt} is not null`;
    const rows = this.db
      .select({
        key: key.as('report_key'),
        offered: sql<number>`count(*)`,
        answered: countWhere(answered),
        abandoned: countWhere(sql`${calls.outcome} = 'abandoned-in-queue'`),
        answeredInServiceLevel: countWhere(sql`${answered} and ${calls.waitMs} <= ${serviceLevelMs}`),
        waitMs: sumWhere(calls.waitMs, answered),
        waits: countWhere(sql`${answered} and ${calls.waitMs} is not null`),
        talkMs: sumWhere(calls.talkMs, answered),
        talks: countWhere(sql`${answered} and ${calls.talkMs} is not null`),
        surveyed: countWhere(sql`${calls.surveyResult} is not null`),
        surveySatisfied: countWhere(sql`${calls.surveyResult} in ('satisfied', 'basically-satisfied')`),
      })
      .from(calls)
      .where(and(gte(calls.startedAt, range.fromMs), lt(calls.startedAt, range.toMs), isNotNull(calls.enqueuedAt)))
      .groupBy(sql`report_key`)
      .all();
    return rows.map(({ key, ...counts }) => ({ key, counts }));
  }

  /** Tickets taken in during the range, per group (`null`: the total; by unit, a ticket counts for every unit it was dispatched to). */
  ticketCounts(range: ReportRange, by: TicketGrouping | null, now: number): Group<TicketCounts>[] {
    const cohort = and(gte(tickets.createdAt, range.fromMs), lt(tickets.createdAt, range.toMs), ne(tickets.status, 'merged'));
    const a = ticketAssignments;
    const ticketKey =
      by === 'day'
        ? chinaDayOf(tickets.createdAt)
        : by === 'channel' || by === 'type' || by === 'category'
          ? sql<string>`${tickets[by]}`
          : by === 'unit'
            ? sql<string>`cast(${a.unitId} as text)`
            : sql<string>`null`;
    // By unit a ticket meets its parts, one row per part, and a ticket dispatched to the same unit
    // twice (returned, then sent there again) would count twice: so by unit, count distinct ids.
    const perUnit = by === 'unit';
    const countOf = (id: AnySQLiteColumn, condition?: SQL) =>
      perUnit
        ? sql<number>`count(distinct ${condition ? sql`case when ${condition} then ${id} end` : id})`
        : condition
          ? countWhere(condition)
          : sql<number>`count(*)`;

    const ticketSelect = {
      key: ticketKey.as('report_key'),
      takenIn: countOf(tickets.id),
      directAnswered: countOf(tickets.id, sql`${tickets.directAnswered}`),
      completed: countOf(tickets.id, sql`${tickets.status} in ('completed', 'closed')`),
    };
    const ticketRows = perUnit
      ? this.db.select(ticketSelect).from(tickets).leftJoin(a, eq(a.ticketId, tickets.id)).where(cohort).groupBy(sql`report_key`).all()
      : this.db.select(ticketSelect).from(tickets).where(cohort).groupBy(sql`report_key`).all();

    const partRows = this.db
      .select({
        key: ticketKey.as('report_key'),
        signForDue: countWhere(sql`${a.signedForAt} is not null or (${a.status} = 'dispatched' and ${a.signForDueAt} <= ${now})`),
        signedForOnTime: countWhere(sql`${a.signedForAt} <= ${a.signForDueAt}`),
        completionDue: countWhere(sql`${a.repliedAt} is not null or (${a.status} in ('dispatched', 'handling') and ${a.dueAt} <= ${now})`),
        completedOnTime: countWhere(sql`${a.repliedAt} <= ${a.dueAt}`),
      })
      .from(a)
      .innerJoin(tickets, eq(tickets.id, a.ticketId))
      .where(cohort)
      .groupBy(sql`report_key`)
      .all();

    const callbackSelect = {
      key: ticketKey.as('report_key'),
      callbacks: countOf(ticketEvents.id),
      satisfied: countOf(ticketEvents.id, sql`${ticketEvents.detail} ->> '$.result' in ('satisfied', 'basically-satisfied')`),
    };
    // CROSS JOIN keeps the month's tickets outside, so each one's callbacks are one step down
    // ticket_events_resolution; joined the other way SQLite would read every callback ever made.
    const isCallback = and(cohort, eq(ticketEvents.ticketId, tickets.id), eq(ticketEvents.action, 'callback'), sql`${ticketEvents.detail} ->> '$.result' is not null`);
    const callbackRows = perUnit
      ? this.db.select(callbackSelect).from(tickets).crossJoin(ticketEvents).leftJoin(a, eq(a.ticketId, tickets.id)).where(isCallback).groupBy(sql`report_key`).all()
      : this.db.select(callbackSelect).from(tickets).crossJoin(ticketEvents).where(isCallback).groupBy(sql`report_key`).all();

    const groups = new Map<string | null, TicketCounts>();
    const counts = (key: string | null) => {
      let c = groups.get(key);
      if (!c) groups.set(key, (c = { ...emptyTicketCounts }));
      return c;
    };
    for (const { key, ...rest } of [...ticketRows, ...partRows, ...callbackRows]) Object.assign(counts(key), rest);
    return [...groups].map(([key, c]) => ({ key, counts: c }));
  }

  /** Display names for the keys a report groups by. */
  names(by: 'queue' | 'agent' | 'unit', keys: Array<string | null>): Map<string, string> {
    const present = keys.filter((k): k is string => k !== null);
    if (!present.length) return new Map();
    if (by === 'queue') {
      return new Map(this.db.select({ key: queues.name, name: queues.title }).from(queues).where(inArray(queues.name, present)).all().map((r) => [r.key, r.name]));
    }
    const ids = present.map(Number);
    const rows =
      by === 'agent'
        ? this.db.select({ key: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids)).all()
        : this.db.select({ key: handlingUnits.id, name: handlingUnits.name }).from(handlingUnits).where(inArray(handlingUnits.id, ids)).all();
    return new Map(rows.map((r) => [String(r.key), r.name]));
  }
}
