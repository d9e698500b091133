import { and, count, desc, eq, getTableColumns, gte, isNotNull, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { callEvents, calls, callbackRequests, tickets, type CallbackReason, type CallOutcome, type IvrStep, type NoTicketReason } from '../db/schema/index.js';

export type Call = typeof calls.$inferSelect;
export type CallEvent = typeof callEvents.$inferSelect;
type CallPatch = Partial<Omit<Call, 'id'>>;

export interface CallFilter {
  /** Part of the caller's number: citizens quote the last digits more often than all eleven. */
  caller?: string;
  /** Calls this agent answered; a transferred call counts for both agents. */
  agentId?: number;
  queue?: string;
  outcome?: CallOutcome;
  /** Only answered calls that have neither a ticket nor a reason for having none. */
  undisposed?: boolean;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

/**
 * The memory of every call: each event is appended as it happens, and the call's summary
 * row is updated in the same transaction, so the two never disagree.
 */
export class CallLog {
  private readonly callbackListeners: Array<() => void> = [];

  constructor(private readonly db: Db) {}

  /** Told when a callback is added to the list or taken off it. */
  onCallbacksChanged(listener: () => void): void {
    this.callbackListeners.push(listener);
  }

  open(call: Pick<Call, 'id' | 'channelId' | 'caller' | 'dialed' | 'startedAt'>): Call {
    return this.db.transaction((tx) => {
      const row = tx.insert(calls).values({ ...call, phase: 'ivr', ivrPath: [] }).returning().get();
      tx.insert(callEvents).values({ callId: call.id, at: call.startedAt, type: 'arrived', data: { channelId: call.channelId, caller: call.caller, dialed: call.dialed } }).run();
      return row;
    });
  }

  record(callId: string, type: string, data: Record<string, unknown> = {}, patch: CallPatch = {}, at = Date.now()): void {
    this.db.transaction((tx) => {
      tx.insert(callEvents).values({ callId, at, type, data }).run();
      if (Object.keys(patch).length > 0) tx.update(calls).set(patch).where(eq(calls.id, callId)).run();
    });
  }

  ivrStep(callId: string, step: IvrStep): void {
    this.db.transaction((tx) => {
      tx.insert(callEvents).values({ callId, at: step.at, type: 'ivr-node', data: { ...step } }).run();
      tx.update(calls)
        .set({ ivrPath: sql`json_insert(${calls.ivrPath}, '$[#]', json(${JSON.stringify(step)}))` })
        .where(eq(calls.id, callId))
        .run();
    });
  }

  /** Closes the call once; a second close (e.g. both legs hanging up) changes nothing. */
  close(callId: string, outcome: CallOutcome, hangup: { cause: number | null; causeText: string | null }, at = Date.now()): boolean {
    return this.db.transaction((tx) => {
      const call = tx.select().from(calls).where(eq(calls.id, callId)).get();
      if (!call || call.phase === 'ended') return false;
      // A call surveyed after the agent hung up already has its talk time: the survey is not talk.
      const talkMs = call.talkMs ?? (call.agentAnsweredAt ? at - call.agentAnsweredAt : null);
      const waitMs = call.waitMs ?? (call.enqueuedAt ? at - call.enqueuedAt : null);
      tx.insert(callEvents).values({ callId, at, type: 'ended', data: { outcome, cause: hangup.cause, causeText: hangup.causeText } }).run();
      tx.update(calls)
        .set({ phase: 'ended', endedAt: at, outcome, hangupCause: hangup.cause, hangupCauseText: hangup.causeText, talkMs, waitMs })
        .where(eq(calls.id, callId))
        .run();
      return true;
    });
  }

  /** The citizen is owed a call back: they asked for one on overflow, or gave up waiting. */
  requestCallback(callId: string, number: string, queue: string, reason: CallbackReason = 'overflow', at = Date.now()): void {
    this.db.transaction((tx) => {
      tx.insert(callbackRequests).values({ callId, number, queue, reason, createdAt: at, status: 'pending' }).run();
      tx.insert(callEvents).values({ callId, at, type: 'callback-requested', data: { queue, reason } }).run();
    });
    for (const listener of this.callbackListeners) listener();
  }

  callback(id: number) {
    return this.db.select().from(callbackRequests).where(eq(callbackRequests.id, id)).get() ?? null;
  }

  callbackDone(id: number, agentId: number | null, callbackCallId: string | null, at = Date.now()): void {
    this.db.update(callbackRequests).set({ status: 'done', doneAt: at, doneBy: agentId, callbackCallId }).where(eq(callbackRequests.id, id)).run();
    for (const listener of this.callbackListeners) listener();
  }

  /** The agent says why this answered call has no ticket; written with its event, together. */
  noTicket(callId: string, reason: NoTicketReason, relatedTicketId: number | null, by: string, at = Date.now()): void {
    this.record(callId, 'no-ticket', { reason, relatedTicketId, by }, { noTicketReason: reason, relatedTicketId }, at);
  }

  get(id: string): Call | null {
    return this.db.select().from(calls).where(eq(calls.id, id)).get() ?? null;
  }

  events(callId: string): CallEvent[] {
    return this.db.select().from(callEvents).where(eq(callEvents.callId, callId)).orderBy(callEvents.id).all();
  }

  /** Whether the agent answered this call: calls.agentId names only the last of them after a transfer. */
  answeredBy(callId: string, agentId: number): boolean {
    return this.db.select({ one: sql`1` }).from(calls).where(and(eq(calls.id, callId), answeredBy(agentId))).get() !== undefined;
  }

  list(filter: CallFilter): { total: number; items: Array<Call & { ticketNumber: string | null }> } {
    const conditions: SQL[] = [];
    // instr rather than LIKE: the digits need no escaping and '*' or '#' mean themselves.
    if (filter.caller) conditions.push(sql`instr(${calls.caller}, ${filter.caller}) > 0`);
    if (filter.agentId !== undefined) conditions.push(answeredBy(filter.agentId));
    if (filter.queue) conditions.push(eq(calls.queue, filter.queue));
    if (filter.outcome) conditions.push(eq(calls.outcome, filter.outcome));
    if (filter.from !== undefined) conditions.push(gte(calls.startedAt, filter.from));
    if (filter.to !== undefined) conditions.push(lt(calls.startedAt, filter.to));
    if (filter.undisposed) {
      conditions.push(isNotNull(calls.agentAnsweredAt), isNull(calls.noTicketReason), sql`not exists (select 1 from ${tickets} where ${tickets.callId} = ${calls.id})`);
    }
    const where = conditions.length ? and(...conditions) : undefined;
    // Drizzle leaves columns unqualified in a select list, where "id" would mean the ticket's: name the call's in full.
    const ticketNumber = sql<string | null>`(select ${tickets.number} from ${tickets} where ${tickets.callId} = ${calls}.${sql.identifier(calls.id.name)} order by ${tickets.id} limit 1)`;
    const items = this.db
      .select({ ...getTableColumns(calls), ticketNumber })
      .from(calls)
      .where(where)
      .orderBy(desc(calls.startedAt), desc(calls.id))
      .limit(filter.limit)
      .offset(filter.offset)
      .all();
    return { total: this.db.select({ n: count() }).from(calls).where(where).get()!.n, items };
  }

  /** The caller's calls, newest first: the screen-pop's history, on the (caller, started_at) index. */
  byCaller(caller: string, limit: number): Call[] {
    return this.db.select().from(calls).where(eq(calls.caller, caller)).orderBy(desc(calls.startedAt), desc(calls.id)).limit(limit).all();
  }

  /**
   * The call an agent still owes a ticket or a no-ticket reason: their latest answered call,
   * when it has neither. Only the latest counts, since wrap-up cannot end while it is owed.
   */
  owedBy(agentId: number): string | null {
    const call = this.lastCallOfAgent(agentId);
    if (!call || call.agentAnsweredAt === null || call.noTicketReason !== null) return null;
    const ticket = this.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.callId, call.id)).limit(1).get();
    return ticket ? null : call.id;
  }

  lastCallOfAgent(agentId: number): Call | null {
    return this.db.select().from(calls).where(eq(calls.agentId, agentId)).orderBy(desc(calls.agentAnsweredAt)).limit(1).get() ?? null;
  }

  unfinished(): Call[] {
    return this.db.select().from(calls).where(ne(calls.phase, 'ended')).all();
  }

  /** The latest callbacks done, newest first. */
  doneCallbacks(limit: number) {
    return this.db.select().from(callbackRequests).where(eq(callbackRequests.status, 'done')).orderBy(desc(callbackRequests.doneAt)).limit(limit).all();
  }

  pendingCallbacks() {
    return this.db.select().from(callbackRequests).where(eq(callbackRequests.status, 'pending')).orderBy(callbackRequests.createdAt).all();
  }
}

/** The call had an agent-answered event for this agent (the events hold every agent who took it). */
function answeredBy(agentId: number): SQL {
  return sql`exists (select 1 from ${callEvents} where ${callEvents.callId} = ${calls.id} and ${callEvents.type} = 'agent-answered' and json_extract(${callEvents.data}, '$.agentId') = ${agentId})`;
}
