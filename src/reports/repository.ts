import { and, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { chinaDayNumber } from '../db/china-day.js';
import type { Db } from '../db/client.js';
import { agents, calls, handlingUnits, queues, ticketAssignments, tickets } from '../db/schema/index.js';
import type { CallCounts, Group, TicketCounts } from './figures.js';
import { chinaDayNumbered, type ReportRange } from './range.js';

export const callGroupings = ['day', 'queue', 'agent'] as const;
export type CallGrouping = (typeof callGroupings)[number];
export const ticketGroupings = ['day', 'channel', 'type', 'category', 'unit'] as const;
export type TicketGrouping = (typeof ticketGroupings)[number];

/** Day numbers back to the days the report shows. */
const named = <C>(rows: Array<{ key: string | number | null } & C>, by: string): Array<{ key: string | null } & C> =>
  rows.map((r) => ({ ...r, key: r.key === null ? null : by === 'day' ? chinaDayNumbered(Number(r.key)) : String(r.key) }));

/** The range's tickets of one day, channel, type and category: the tickets report's finest grouping, from which every other but the unit adds up. */
export interface TicketCell {
  day: string;
  channel: string;
  type: string;
  category: string;
  counts: TicketCounts;
}

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
    const key = by === 'day' ? chinaDayNumber(calls.startedAt) : by === 'queue' ? sql<string>`${calls.queue}` : sql<number>`${calls.agentId}`;
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
    return named(rows, by).map(({ key, ...counts }) => ({ key, counts }));
  }

  /** The tickets counted: taken in during the range, less those merged into another; read by day, so from tickets_report. */
  private ticketsIn(range: ReportRange): SQL {
    const day = chinaDayNumber(tickets.createdAt);
    return and(gte(day, range.fromDay), lt(day, range.toDay), ne(tickets.status, 'merged'))!;
  }

  /**
   * The range's tickets per day, channel, type and category. The sums read tickets_report alone
   * and in its order, so SQLite groups without sorting; the deadline figures add to the row's
   * part sums the parts still open past a deadline, few and found through their status.
   */
  ticketCells(range: ReportRange, now: number): TicketCell[] {
    const a = ticketAssignments;
    const groups = [chinaDayNumber(tickets.createdAt), tickets.channel, tickets.type, tickets.category] as const;
    const [day, channel, type, category] = groups;
    const cells = this.db
      .select({
        day,
        channel,
        type,
        category,
        takenIn: sql<number>`count(*)`,
        directAnswered: countWhere(sql`${tickets.directAnswered}`),
        completed: countWhere(sql`${tickets.status} in ('completed', 'closed')`),
        signForDue: sql<number>`sum(${tickets.partsSignedFor})`,
        signedForOnTime: sql<number>`sum(${tickets.partsSignedForOnTime})`,
        completionDue: sql<number>`sum(${tickets.partsReplied})`,
        completedOnTime: sql<number>`sum(${tickets.partsRepliedOnTime})`,
        callbacks: sql<number>`sum(${tickets.callbacks})`,
        satisfied: sql<number>`sum(${tickets.callbacksSatisfied})`,
      })
      .from(tickets)
      .where(this.ticketsIn(range))
      .groupBy(...groups)
      .all();
    // CROSS JOIN keeps the open parts outside: the other way round SQLite would walk the month's tickets.
    const late = this.db
      .select({
        day,
        channel,
        type,
        category,
        signForLate: countWhere(sql`${a.signedForAt} is null and ${a.status} = 'dispatched' and ${a.signForDueAt} <= ${now}`),
        replyLate: countWhere(sql`${a.repliedAt} is null and ${a.dueAt} <= ${now}`),
      })
      .from(a)
      .crossJoin(tickets)
      .where(and(inArray(a.status, ['dispatched', 'handling']), eq(tickets.id, a.ticketId), this.ticketsIn(range)))
      .groupBy(...groups)
      .all();

    const cellKey = (c: { day: number; channel: string; type: string; category: string }) => `${c.day}|${c.channel}|${c.type}|${c.category}`;
    const byKey = new Map(cells.map(({ day, channel, type, category, ...counts }) => [cellKey({ day, channel, type, category }), { day: chinaDayNumbered(day), channel, type, category, counts }]));
    for (const l of late) {
      const cell = byKey.get(cellKey(l));
      if (!cell) continue; // a part's ticket is in its cell; this cannot miss while both reads share a snapshot
      cell.counts.signForDue += l.signForLate;
      cell.counts.completionDue += l.replyLate;
    }
    return [...byKey.values()];
  }

  /**
   * The range's tickets per handling unit: a ticket counts for every unit it was dispatched to,
   * once per unit (on its first part for the unit), and those never dispatched make the null group.
   */
  unitCounts(range: ReportRange, now: number): Group<TicketCounts>[] {
    const a = ticketAssignments;
    const counted = sql`(${a.id} is null or ${a.firstForUnit})`;
    const rows = this.db
      .select({
        key: a.unitId,
        takenIn: countWhere(counted),
        directAnswered: countWhere(sql`${counted} and ${tickets.directAnswered}`),
        completed: countWhere(sql`${counted} and ${tickets.status} in ('completed', 'closed')`),
        signForDue: countWhere(sql`${a.signedForAt} is not null or (${a.status} = 'dispatched' and ${a.signForDueAt} <= ${now})`),
        signedForOnTime: countWhere(sql`${a.signedForAt} <= ${a.signForDueAt}`),
        completionDue: countWhere(sql`${a.repliedAt} is not null or (${a.status} in ('dispatched', 'handling') and ${a.dueAt} <= ${now})`),
        completedOnTime: countWhere(sql`${a.repliedAt} <= ${a.dueAt}`),
        callbacks: sumWhere(tickets.callbacks, counted),
        satisfied: sumWhere(tickets.callbacksSatisfied, counted),
      })
      .from(tickets)
      .leftJoin(a, eq(a.ticketId, tickets.id))
      .where(this.ticketsIn(range))
      .groupBy(a.unitId)
      .all();
    return named(rows, 'unit').map(({ key, ...counts }) => ({ key, counts }));
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
