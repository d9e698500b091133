import { eq } from 'drizzle-orm';
import type { Calendar } from '../calendar/model.js';
import { addWorkingMinutes } from '../calendar/working-time.js';
import type { Db } from '../db/client.js';
import { ticketAttachments, tickets, type TicketUrgency } from '../db/schema/index.js';
import { errors } from '../errors.js';
import type { Tx } from '../menus/repository.js';
import type { HandlingUnitsRepository } from '../units/repository.js';
import { dueDates, flagAt, policyFor } from './deadlines.js';
import { isActive, transition, type Action, type Actor, type CallbackResult, type LifecycleState, type Outcome } from './lifecycle.js';
import type { Assignment, LifecycleRepository, TicketRow } from './lifecycle-repository.js';
import { checkReply } from './reply-check.js';
import { reportCounts } from './report-counts.js';

/** Who acts: the rules' actor, and the user to name in the event (null for the service itself). */
export interface ActingUser {
  actor: Actor;
  userId: number | null;
}

export const systemActor: ActingUser = { actor: { kind: 'system' }, userId: null };

export interface Step {
  note?: string | null;
  detail?: Record<string, unknown>;
  deadlineKey?: string;
  /** Writes what the rules do not decide (deadlines, texts), inside the transaction; returns more detail for the event. */
  write?: (tx: Tx, outcome: Extract<Outcome, { ok: true }>, parts: Assignment[], ticket: TicketRow) => Record<string, unknown> | void;
}

/** What follows a ticket's completion (the 智能回访), written in the transaction that changes the status. */
export interface CompletionHooks {
  /** The ticket has just become completed; returns more detail for the event. */
  completed(tx: Tx, ticket: TicketRow, at: number): Record<string, unknown>;
  /** The ticket has left completed (called back): whatever was still to do for it is off. */
  leftCompleted(tx: Tx, ticketId: number, at: number): void;
}

export interface LifecycleDeps {
  db: Db;
  repository: LifecycleRepository;
  units: HandlingUnitsRepository;
  /** The calendar deadlines count on, read at each use so an admin's edit applies at once. */
  calendar: () => Calendar;
  clock: () => number;
  /** DEADLINE_NEAR_PERCENT: where a part's flag time falls (supervision.ts lists the flagged ones). */
  nearPercent: number;
}

/** A part is overdue once its sign-for deadline passes unsigned, or its completion deadline passes unreplied. */
export function overdueDeadlines(part: Assignment, now: number): Array<{ kind: 'sign-for' | 'completion'; dueAt: number; key: string }> {
  const due: Array<{ kind: 'sign-for' | 'completion'; dueAt: number; key: string }> = [];
  if (part.status === 'dispatched' && now >= part.signForDueAt) due.push({ kind: 'sign-for', dueAt: part.signForDueAt, key: `${part.id}:sign-for:${part.signForDueAt}` });
  if ((part.status === 'dispatched' || part.status === 'handling') && now >= part.dueAt) due.push({ kind: 'completion', dueAt: part.dueAt, key: `${part.id}:completion:${part.dueAt}` });
  return due;
}

/**
 * The shell around lifecycle.ts: loads a ticket's state, asks the rules, and writes the new
 * status, the units' parts and the event in one transaction, so a refusal or a failure leaves
 * nothing half-written.
 */
export class TicketLifecycle {
  private completion: CompletionHooks | null = null;

  constructor(private readonly deps: LifecycleDeps) {}

  /** The callback surveys are built on the lifecycle: they hand themselves in afterwards. */
  attachCompletion(hooks: CompletionHooks): void {
    this.completion = hooks;
  }

  private run(number: string, by: ActingUser, action: Action, step: Step = {}): TicketRow {
    const { db, repository } = this.deps;
    const at = this.deps.clock();
    return db.transaction((tx) => {
      const ticket = tx.select().from(tickets).where(eq(tickets.number, number)).get();
      if (!ticket) throw new errors.NotFound(`Ticket ${number}`);
      const parts = repository.assignments(ticket.id, tx);
      const state: LifecycleState = {
        status: ticket.status,
        assignments: parts.map((a) => ({ id: a.id, unitId: a.unitId, status: a.status, replyFlagged: a.replyFlag != null, extensionRequested: a.extensionMinutes != null })),
        overdue: parts.some((a) => overdueDeadlines(a, at).length > 0),
      };
      const outcome = transition(state, action, by.actor);
      if (!outcome.ok) {
        if (outcome.code === 'FORBIDDEN') throw new errors.Forbidden(outcome.message);
        if (outcome.code === 'INVALID_INPUT') throw new errors.InvalidInput(outcome.message);
        if (outcome.code === 'REPLY_FLAGGED') throw new errors.ReplyFlagged(number, outcome.message);
        throw new errors.TicketTransition(number, outcome.message);
      }
      for (const next of outcome.state.assignments) {
        const before = parts.find((a) => a.id === next.id);
        if (!before || before.status === next.status) continue;
        repository.updateAssignment(before.id, { status: next.status }, tx);
      }
      const extra = step.write?.(tx, outcome, parts, ticket) ?? {};
      if (outcome.to === 'completed' && outcome.from !== 'completed') Object.assign(extra, this.completion?.completed(tx, ticket, at));
      if (outcome.from === 'completed' && outcome.to !== 'completed') this.completion?.leftCompleted(tx, ticket.id, at);
      // One read of the calendar: each read is a new object, and the working-time cache is per object.
      const calendar = this.calendar();
      const partsAfter = repository.assignments(ticket.id, tx);
      for (const part of partsAfter) {
        const flag = flagAt(calendar, part, this.deps.nearPercent);
        if (flag !== part.flagAt) repository.updateAssignment(part.id, { flagAt: flag }, tx);
      }
      const updated = tx
        .update(tickets)
        .set({ status: outcome.to, updatedAt: at, ...reportCounts(ticket, action, partsAfter) })
        .where(eq(tickets.id, ticket.id))
        .returning()
        .get()!;
      repository.recordEvent(
        {
          ticketId: ticket.id,
          action: action.type,
          fromStatus: outcome.from,
          toStatus: outcome.to,
          userId: by.userId,
          unitId: outcome.unitId,
          note: step.note ?? null,
          detail: { ...step.detail, ...extra },
          deadlineKey: step.deadlineKey ?? null,
          at,
        },
        tx,
      );
      return updated;
    });
  }

  private calendar(): Calendar {
    return this.deps.calendar();
  }

  /** The part of `unitId` the rules just changed. */
  private partOf(parts: Assignment[], unitId: number | null): Assignment {
    return parts.find((a) => a.unitId === unitId && isActive(a))!;
  }

  directAnswer(number: string, by: ActingUser, answer: string): TicketRow {
    return this.run(number, by, { type: 'direct-answer' }, { note: answer });
  }

  dispatch(number: string, by: ActingUser, unitIds: number[], note: string | null, urgency?: TicketUrgency): TicketRow {
    const found = this.deps.units.getMany(unitIds);
    const missing = unitIds.filter((id) => !found.some((u) => u.id === id));
    if (missing.length) throw new errors.InvalidInput(`units: no unit ${missing.join(', ')}`);
    const inactive = found.filter((u) => !u.active);
    if (inactive.length) throw new errors.InvalidInput(`units: ${inactive.map((u) => `${u.name} (${u.id})`).join(', ')} no longer takes tickets`);
    return this.run(number, by, { type: 'dispatch', unitIds }, {
      note,
      write: (tx, outcome, parts, ticket) => {
        const at = this.deps.clock();
        const level = urgency ?? ticket.urgency;
        if (urgency) tx.update(tickets).set({ urgency }).where(eq(tickets.id, ticket.id)).run();
        const due = dueDates(this.calendar(), at, policyFor(this.deps.repository.policies(), ticket.type, level));
        const added = outcome.state.assignments.filter((a) => a.id === undefined);
        for (const a of added) {
          this.deps.repository.insertAssignment(
            {
              ticketId: ticket.id,
              unitId: a.unitId,
              status: 'dispatched',
              dispatchedAt: at,
              ...due,
              signedForAt: null,
              repliedAt: null,
              reply: null,
              replyFlag: null,
              extensionMinutes: null,
              extensionReason: null,
              flagAt: null,
              firstForUnit: !parts.some((p) => p.unitId === a.unitId),
            },
            tx,
          );
        }
        return { units: added.map((a) => a.unitId), urgency: level, ...due };
      },
    });
  }

  signFor(number: string, by: ActingUser, note: string | null): TicketRow {
    return this.run(number, by, { type: 'sign-for' }, {
      note,
      write: (tx, outcome, parts) => this.deps.repository.updateAssignment(this.partOf(parts, outcome.unitId).id, { signedForAt: this.deps.clock() }, tx),
    });
  }

  reply(number: string, by: ActingUser, text: string, attachmentIds: number[]): TicketRow {
    const check = checkReply(text);
    return this.run(number, by, { type: 'reply', flagged: check.flagged }, {
      note: text,
      write: (tx, outcome, parts, ticket) => {
        for (const id of attachmentIds) {
          const file = tx.select().from(ticketAttachments).where(eq(ticketAttachments.id, id)).get();
          if (!file || file.ticketId !== ticket.id || file.unitId !== outcome.unitId) throw new errors.InvalidInput(`attachments: no attachment ${id} of this ticket from your unit`);
        }
        this.deps.repository.updateAssignment(this.partOf(parts, outcome.unitId).id, { reply: text, repliedAt: this.deps.clock(), replyFlag: check.reason }, tx);
        return { flag: check.reason, attachments: attachmentIds };
      },
    });
  }

  returnByUnit(number: string, by: ActingUser, reason: string): TicketRow {
    return this.run(number, by, { type: 'return' }, {
      note: reason,
      write: (tx, outcome, parts) => {
        const part = parts.find((a) => a.unitId === outcome.unitId && isActive(a))!;
        this.deps.repository.updateAssignment(part.id, { extensionMinutes: null, extensionReason: null }, tx);
      },
    });
  }

  accept(number: string, by: ActingUser, note: string | null, acceptFlagged: boolean): TicketRow {
    if (acceptFlagged && !note) throw new errors.InvalidInput('note: say why a reply flagged as perfunctory is accepted');
    return this.run(number, by, { type: 'accept', acceptFlagged }, { note, detail: { acceptFlagged } });
  }

  sendBack(number: string, by: ActingUser, reason: string, unitIds?: number[]): TicketRow {
    return this.run(number, by, { type: 'send-back', unitIds }, {
      note: reason,
      write: (tx, outcome, parts) => {
        const sent = parts.filter((a) => a.status === 'replied' && outcome.state.assignments.find((n) => n.id === a.id)?.status === 'handling');
        // The returned reply stays in the event log; the part waits for a new one.
        for (const a of sent) this.deps.repository.updateAssignment(a.id, { reply: null, repliedAt: null, replyFlag: null }, tx);
        return { units: sent.map((a) => a.unitId), replies: sent.map((a) => a.reply) };
      },
    });
  }

  requestExtension(number: string, by: ActingUser, minutes: number, reason: string): TicketRow {
    return this.run(number, by, { type: 'request-extension' }, {
      note: reason,
      detail: { minutes },
      write: (tx, outcome, parts) => this.deps.repository.updateAssignment(this.partOf(parts, outcome.unitId).id, { extensionMinutes: minutes, extensionReason: reason }, tx),
    });
  }

  decideExtension(number: string, by: ActingUser, approve: boolean, note: string | null, unitId?: number): TicketRow {
    return this.run(number, by, { type: approve ? 'approve-extension' : 'refuse-extension', unitId }, {
      note,
      write: (tx, outcome, parts) => {
        const part = this.partOf(parts, outcome.unitId);
        const minutes = part.extensionMinutes!;
        const dueAt = approve ? addWorkingMinutes(this.calendar(), part.dueAt, minutes) : part.dueAt;
        this.deps.repository.updateAssignment(part.id, { dueAt, extensionMinutes: null, extensionReason: null }, tx);
        return { minutes, previousDueAt: part.dueAt, dueAt };
      },
    });
  }

  supervise(number: string, by: ActingUser, note: string | null, deadline?: { key: string; kind: string; unitId: number; dueAt: number }): TicketRow {
    return this.run(number, by, { type: 'supervise' }, { note, deadlineKey: deadline?.key, detail: deadline ? { deadline: deadline.kind, unitId: deadline.unitId, dueAt: deadline.dueAt } : {} });
  }

  /** `survey`: the service's own 智能回访, which writes its side in the same transaction. */
  callback(number: string, by: ActingUser, result: CallbackResult, note: string | null, survey: Pick<Step, 'write' | 'detail'> = {}): TicketRow {
    return this.run(number, by, { type: 'callback', result }, { note, detail: { result, ...survey.detail }, write: survey.write });
  }

  reopen(number: string, by: ActingUser, reason: string): TicketRow {
    return this.run(number, by, { type: 'reopen' }, { note: reason });
  }

  merge(number: string, by: ActingUser, into: string, note: string | null): TicketRow {
    if (into === number) throw new errors.InvalidInput('into: a ticket cannot be merged into itself');
    return this.run(number, by, { type: 'merge' }, {
      note,
      detail: { into },
      write: (tx, _outcome, _parts, ticket) => {
        const target = tx.select().from(tickets).where(eq(tickets.number, into)).get();
        if (!target) throw new errors.InvalidInput(`into: no ticket ${into}`);
        if (target.status === 'merged') throw new errors.InvalidInput(`into: ticket ${into} is itself merged into another`);
        // A closed ticket's work is done: the same request again is handled anew (or the old one reopened).
        if (target.status === 'closed') throw new errors.InvalidInput(`into: ticket ${into} is closed; dispatch this one, or reopen ${into}`);
        tx.update(tickets).set({ mergedIntoId: target.id }).where(eq(tickets.id, ticket.id)).run();
        // The surviving ticket's history says what joined it, so whoever handles it knows of both callers.
        this.deps.repository.recordEvent(
          { ticketId: target.id, action: 'merged-in', fromStatus: target.status, toStatus: target.status, userId: by.userId, unitId: null, note, detail: { from: number }, deadlineKey: null, at: this.deps.clock() },
          tx,
        );
      },
    });
  }
}
