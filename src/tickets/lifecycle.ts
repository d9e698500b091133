import type { AssignmentStatus, TicketStatus } from '../db/schema/index.js';

// The ticket loop of the seeds (统一接收、及时分流、按责转办、限时办结、统一督办、评价反馈) as a pure
// function: (state, action, actor) → the next state, or a refusal naming the current state.
// The shell (lifecycle-service.ts) loads the state, writes the result and the event in one
// transaction, and fills in what the rules do not decide: deadlines, texts, files.

/** The hotline's own staff, one of its units' users, or the service itself (the supervision sweep). */
export type Actor =
  | { kind: 'hotline'; role: 'agent' | 'supervisor' | 'admin' }
  | { kind: 'unit'; unitId: number }
  | { kind: 'system' };

export interface AssignmentState {
  /** Absent for a part the transition adds (a dispatch); the shell stores it. */
  id?: number;
  unitId: number;
  status: AssignmentStatus;
  /** The current reply looks perfunctory (reply-check.ts). */
  replyFlagged: boolean;
  extensionRequested: boolean;
}

export interface LifecycleState {
  status: TicketStatus;
  assignments: AssignmentState[];
  /** A deadline of an active part has passed; the shell decides it from the clock and the calendar. */
  overdue: boolean;
}

export const callbackResults = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type CallbackResult = (typeof callbackResults)[number];

export type Action =
  | { type: 'direct-answer' }
  | { type: 'dispatch'; unitIds: number[] }
  | { type: 'sign-for' }
  | { type: 'reply'; flagged: boolean }
  | { type: 'return' }
  | { type: 'accept'; acceptFlagged: boolean }
  | { type: 'send-back'; unitIds?: number[] }
  | { type: 'request-extension' }
  | { type: 'approve-extension'; unitId?: number }
  | { type: 'refuse-extension'; unitId?: number }
  | { type: 'supervise' }
  | { type: 'callback'; result: CallbackResult }
  | { type: 'reopen' }
  | { type: 'merge' };

export type ActionType = Action['type'];

export const actionTypes = [
  'direct-answer',
  'dispatch',
  'sign-for',
  'reply',
  'return',
  'accept',
  'send-back',
  'request-extension',
  'approve-extension',
  'refuse-extension',
  'supervise',
  'callback',
  'reopen',
  'merge',
] as const satisfies readonly ActionType[];

export type RefusalCode = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'REPLY_FLAGGED' | 'INVALID_INPUT';

export type Outcome =
  | { ok: true; state: LifecycleState; from: TicketStatus; to: TicketStatus; /** The unit the event concerns, if one. */ unitId: number | null }
  | { ok: false; code: RefusalCode; /** Follows "Ticket <number> ", e.g. "is dispatched and cannot accept". */ message: string };

/** Which actor may take each action; the hotline's review and decisions need a supervisor or admin. The tickets page reads it too. */
export const who: Record<ActionType, { hotline?: 'any' | 'lead'; unit?: true; system?: true }> = {
  'direct-answer': { hotline: 'any' },
  dispatch: { hotline: 'any' },
  'sign-for': { unit: true },
  reply: { unit: true },
  return: { unit: true },
  accept: { hotline: 'lead' },
  'send-back': { hotline: 'lead' },
  'request-extension': { unit: true },
  'approve-extension': { hotline: 'lead' },
  'refuse-extension': { hotline: 'lead' },
  supervise: { hotline: 'lead', system: true },
  // The service's 智能回访 takes it too, from the key the citizen pressed.
  callback: { hotline: 'any', system: true },
  reopen: { hotline: 'lead', system: true },
  merge: { hotline: 'any' },
};

/** The ticket statuses each hotline action starts from; unit actions depend on the unit's own part. */
export const from: Partial<Record<ActionType, readonly TicketStatus[]>> = {
  'direct-answer': ['intake', 'returned', 'reopened'],
  dispatch: ['intake', 'returned', 'reopened'],
  accept: ['replied'],
  'send-back': ['replied'],
  // Only a unit at work asks; once every part is replied, no request is left pending.
  'approve-extension': ['handling'],
  'refuse-extension': ['handling'],
  supervise: ['dispatched', 'handling'],
  callback: ['completed'],
  reopen: ['closed'],
  merge: ['intake', 'returned', 'reopened'],
};

/** The parts of a unit's own action it may start from. */
export const unitFrom: Partial<Record<ActionType, readonly AssignmentStatus[]>> = {
  'sign-for': ['dispatched'],
  reply: ['handling'],
  return: ['dispatched', 'handling'],
  'request-extension': ['handling'],
};

const verbs: Record<ActionType, string> = {
  'direct-answer': 'be answered directly',
  dispatch: 'be dispatched',
  'sign-for': 'be signed for',
  reply: 'be replied to',
  return: 'be returned by the unit',
  accept: 'be accepted',
  'send-back': 'be sent back to the unit',
  'request-extension': 'have an extension requested',
  'approve-extension': 'have an extension approved',
  'refuse-extension': 'have an extension refused',
  supervise: 'be supervised',
  callback: 'be called back',
  reopen: 'be reopened',
  merge: 'be merged',
};

const activeStatuses: readonly AssignmentStatus[] = ['dispatched', 'handling', 'replied'];
export const isActive = (a: { status: AssignmentStatus }) => activeStatuses.includes(a.status);

/**
 * The ticket's status while units hold it, from their parts: none active left (all returned)
 * → returned; none signed for yet → dispatched; any still working → handling; all replied → replied.
 */
export function statusOfParts(assignments: readonly AssignmentState[]): TicketStatus {
  const active = assignments.filter(isActive);
  if (!active.length) return 'returned';
  if (active.every((a) => a.status === 'dispatched')) return 'dispatched';
  if (active.some((a) => a.status !== 'replied')) return 'handling';
  return 'replied';
}

const refuse = (code: RefusalCode, message: string): Outcome => ({ ok: false, code, message });
const illegal = (state: LifecycleState, action: ActionType, part?: AssignmentStatus): Outcome =>
  refuse('ILLEGAL_TRANSITION', `is ${state.status}${part ? ` (the unit's part is ${part})` : ''} and cannot ${verbs[action]}`);

function permitted(actor: Actor, action: ActionType): string | null {
  const rule = who[action];
  if (actor.kind === 'unit' && rule.unit) return null;
  if (actor.kind === 'system' && rule.system) return null;
  if (actor.kind === 'hotline' && (rule.hotline === 'any' || (rule.hotline === 'lead' && actor.role !== 'agent'))) return null;
  const needs = [rule.hotline === 'any' ? 'hotline staff' : rule.hotline === 'lead' ? 'a supervisor or admin' : null, rule.unit ? 'its handling unit' : null].filter(Boolean);
  const is = actor.kind === 'hotline' ? `an ${actor.role}` : actor.kind === 'unit' ? 'a unit user' : 'the service';
  return `only ${needs.join(' or ')} may do this, not ${is}`;
}

export function transition(state: LifecycleState, action: Action, actor: Actor): Outcome {
  const denied = permitted(actor, action.type);
  if (denied) return refuse('FORBIDDEN', denied);
  if (actor.kind === 'unit') return unitTransition(state, action, actor.unitId);
  const starts = from[action.type]!;
  if (!starts.includes(state.status)) return illegal(state, action.type);
  const done = (status: TicketStatus, assignments = state.assignments, unitId: number | null = null): Outcome => ({
    ok: true,
    state: { ...state, status, assignments },
    from: state.status,
    to: status,
    unitId,
  });

  switch (action.type) {
    case 'direct-answer':
      return done('closed');
    case 'dispatch': {
      if (!action.unitIds.length) return refuse('INVALID_INPUT', 'units: dispatch to at least one handling unit');
      if (new Set(action.unitIds).size !== action.unitIds.length) return refuse('INVALID_INPUT', 'units: a unit is named twice');
      const added = action.unitIds.map((unitId): AssignmentState => ({ unitId, status: 'dispatched', replyFlagged: false, extensionRequested: false }));
      return done('dispatched', [...state.assignments, ...added]);
    }
    case 'accept': {
      const flagged = state.assignments.filter((a) => isActive(a) && a.replyFlagged);
      if (flagged.length && !action.acceptFlagged) {
        return refuse(
          'REPLY_FLAGGED',
          `has a reply flagged as perfunctory (unit ${flagged.map((a) => a.unitId).join(', ')}): send it back, or accept with acceptFlagged and a note saying why`,
        );
      }
      return done(
        'completed',
        state.assignments.map((a) => (isActive(a) ? { ...a, status: 'completed' as const, extensionRequested: false } : a)),
      );
    }
    case 'send-back': {
      const replied = state.assignments.filter((a) => a.status === 'replied');
      const targets = action.unitIds ?? replied.map((a) => a.unitId);
      const unknown = targets.filter((u) => !replied.some((a) => a.unitId === u));
      if (unknown.length) return refuse('INVALID_INPUT', `units: unit ${unknown.join(', ')} has no reply on this ticket to send back`);
      const assignments = state.assignments.map((a) => (a.status === 'replied' && targets.includes(a.unitId) ? { ...a, status: 'handling' as const, replyFlagged: false } : a));
      return done(statusOfParts(assignments), assignments, targets.length === 1 ? targets[0]! : null);
    }
    case 'approve-extension':
    case 'refuse-extension': {
      const pending = state.assignments.filter((a) => isActive(a) && a.extensionRequested);
      if (!pending.length) return refuse('ILLEGAL_TRANSITION', `is ${state.status} with no extension request pending`);
      const unitId = action.unitId ?? (pending.length === 1 ? pending[0]!.unitId : undefined);
      if (unitId === undefined) return refuse('INVALID_INPUT', `unitId: units ${pending.map((a) => a.unitId).join(', ')} each asked for an extension; name one`);
      if (!pending.some((a) => a.unitId === unitId)) return refuse('ILLEGAL_TRANSITION', `is ${state.status} with no extension request pending from unit ${unitId}`);
      return done(
        state.status,
        state.assignments.map((a) => (isActive(a) && a.unitId === unitId ? { ...a, extensionRequested: false } : a)),
        unitId,
      );
    }
    case 'supervise':
      if (!state.overdue) return refuse('ILLEGAL_TRANSITION', `is ${state.status} and within its deadlines, so cannot ${verbs.supervise}`);
      return done(state.status);
    case 'callback':
      return done(action.result === 'dissatisfied' ? 'reopened' : 'closed');
    case 'reopen':
      return done('reopened');
    case 'merge':
      return done('merged');
    default:
      return illegal(state, action.type);
  }
}

function unitTransition(state: LifecycleState, action: Action, unitId: number): Outcome {
  const mine = state.assignments.find((a) => a.unitId === unitId && isActive(a)) ?? state.assignments.findLast((a) => a.unitId === unitId);
  const starts = unitFrom[action.type]!;
  if (!mine || !isActive(mine) || !starts.includes(mine.status)) return illegal(state, action.type, mine?.status);
  if (action.type === 'request-extension' && mine.extensionRequested) {
    return refuse('ILLEGAL_TRANSITION', `is ${state.status} and already has an extension request from this unit waiting for the hotline`);
  }
  const changed: AssignmentState =
    action.type === 'sign-for'
      ? { ...mine, status: 'handling' }
      : action.type === 'reply'
        ? { ...mine, status: 'replied', replyFlagged: action.flagged, extensionRequested: false }
        : action.type === 'return'
          ? { ...mine, status: 'returned', extensionRequested: false }
          : { ...mine, extensionRequested: true };
  const assignments = state.assignments.map((a) => (a === mine ? changed : a));
  const status = statusOfParts(assignments);
  return { ok: true, state: { ...state, status, assignments }, from: state.status, to: status, unitId };
}
