import t from 'tap';
import { ticketStatuses, type TicketStatus } from '../../src/db/schema/index.js';
import { actionTypes, transition, type Action, type ActionType, type Actor, type AssignmentState, type LifecycleState } from '../../src/tickets/lifecycle.js';

const UNIT = 10;
const lead: Actor = { kind: 'hotline', role: 'supervisor' };
const agent: Actor = { kind: 'hotline', role: 'agent' };
const unit: Actor = { kind: 'unit', unitId: UNIT };
const system: Actor = { kind: 'system' };

const part = (status: AssignmentState['status'], extra: Partial<AssignmentState> = {}): AssignmentState => ({ id: 1, unitId: UNIT, status, replyFlagged: false, extensionRequested: false, ...extra });

/** A ticket in each status as the loop leaves it, with one unit (10) where units are involved. */
const parts: Record<TicketStatus, AssignmentState[]> = {
  intake: [],
  dispatched: [part('dispatched')],
  handling: [part('handling')],
  replied: [part('replied')],
  completed: [part('completed')],
  closed: [part('completed')],
  returned: [part('returned')],
  reopened: [part('completed')],
  merged: [],
};

/** The action as its rightful actor would take it, on a state set up to need it (a pending extension, a missed deadline). */
function attempt(status: TicketStatus, type: ActionType) {
  const state: LifecycleState = { status, assignments: parts[status], overdue: type === 'supervise' };
  if (type === 'approve-extension' || type === 'refuse-extension') state.assignments = state.assignments.map((a) => ({ ...a, extensionRequested: true }));
  const action: Record<ActionType, Action> = {
    'direct-answer': { type: 'direct-answer' },
    dispatch: { type: 'dispatch', unitIds: [11, 12] },
    'sign-for': { type: 'sign-for' },
    reply: { type: 'reply', flagged: false },
    return: { type: 'return' },
    accept: { type: 'accept', acceptFlagged: false },
    'send-back': { type: 'send-back' },
    'request-extension': { type: 'request-extension' },
    'approve-extension': { type: 'approve-extension' },
    'refuse-extension': { type: 'refuse-extension' },
    supervise: { type: 'supervise' },
    callback: { type: 'callback', result: 'satisfied' },
    reopen: { type: 'reopen' },
    merge: { type: 'merge' },
  };
  const unitActions: ActionType[] = ['sign-for', 'reply', 'return', 'request-extension'];
  return transition(state, action[type], unitActions.includes(type) ? unit : lead);
}

/** Every legal (status, action) and where it leads; everything else is refused. */
const legal: Partial<Record<TicketStatus, Partial<Record<ActionType, TicketStatus>>>> = {
  intake: { 'direct-answer': 'closed', dispatch: 'dispatched', merge: 'merged' },
  dispatched: { 'sign-for': 'handling', return: 'returned', supervise: 'dispatched' },
  handling: { reply: 'replied', return: 'returned', 'request-extension': 'handling', 'approve-extension': 'handling', 'refuse-extension': 'handling', supervise: 'handling' },
  replied: { accept: 'completed', 'send-back': 'handling' },
  completed: { callback: 'closed' },
  closed: { reopen: 'reopened' },
  returned: { 'direct-answer': 'closed', dispatch: 'dispatched', merge: 'merged' },
  reopened: { 'direct-answer': 'closed', dispatch: 'dispatched', merge: 'merged' },
  merged: {},
};

t.test('every status × every action: the legal ones lead where the loop says, the rest are a 409 naming the status', async (t) => {
  let legalCount = 0;
  for (const status of ticketStatuses) {
    for (const type of actionTypes) {
      const outcome = attempt(status, type);
      const to = legal[status]?.[type];
      if (to) {
        legalCount += 1;
        t.ok(outcome.ok, `${status} --${type}-->`);
        if (outcome.ok) t.same([outcome.from, outcome.to], [status, to], `${status} --${type}--> ${to}`);
      } else {
        t.notOk(outcome.ok, `${status} cannot ${type}`);
        if (!outcome.ok) {
          t.equal(outcome.code, 'ILLEGAL_TRANSITION', `${status} / ${type}: ${outcome.message}`);
          t.match(outcome.message, new RegExp(`^is ${status}\\b`), 'the refusal names the current status');
        }
      }
    }
  }
  t.equal(legalCount, 22);
});

t.test('illegal transitions read as sentences', async (t) => {
  const cases: Array<[TicketStatus, ActionType, string]> = [
    ['intake', 'accept', 'is intake and cannot be accepted'],
    ['closed', 'dispatch', 'is closed and cannot be dispatched'],
    ['dispatched', 'reply', 'is dispatched (the unit\'s part is dispatched) and cannot be replied to'],
    ['replied', 'sign-for', 'is replied (the unit\'s part is replied) and cannot be signed for'],
    ['merged', 'reopen', 'is merged and cannot be reopened'],
    ['completed', 'merge', 'is completed and cannot be merged'],
  ];
  for (const [status, type, message] of cases) {
    const outcome = attempt(status, type);
    t.same(outcome, { ok: false, code: 'ILLEGAL_TRANSITION', message }, `${status} / ${type}`);
  }
});

t.test('dispatch adds one part per unit; two units sign for and reply in their own time', async (t) => {
  const start: LifecycleState = { status: 'intake', assignments: [], overdue: false };
  const dispatched = transition(start, { type: 'dispatch', unitIds: [10, 20] }, agent);
  if (!dispatched.ok) return t.fail(dispatched.message);
  t.same(dispatched.state.assignments.map((a) => [a.unitId, a.status, a.id]), [[10, 'dispatched', undefined], [20, 'dispatched', undefined]]);
  const stored = { ...dispatched.state, assignments: dispatched.state.assignments.map((a, i) => ({ ...a, id: i + 1 })) };

  const first = transition(stored, { type: 'sign-for' }, { kind: 'unit', unitId: 10 });
  t.ok(first.ok && first.to === 'handling', 'one unit signing for puts the ticket in hand');
  if (!first.ok) return;
  const replied = transition(first.state, { type: 'reply', flagged: false }, { kind: 'unit', unitId: 10 });
  t.ok(replied.ok && replied.to === 'handling', 'still in hand while unit 20 has not replied');
  if (!replied.ok) return;
  const wrongUnit = transition(replied.state, { type: 'return' }, { kind: 'unit', unitId: 10 });
  t.match(wrongUnit, { ok: false, message: /the unit's part is replied/ });
  const returned = transition(replied.state, { type: 'return' }, { kind: 'unit', unitId: 20 });
  t.ok(returned.ok && returned.to === 'replied', 'unit 20 returning it leaves unit 10’s reply to review');

  const allReturned = transition(stored, { type: 'return' }, { kind: 'unit', unitId: 10 });
  if (!allReturned.ok) return t.fail();
  const both = transition(allReturned.state, { type: 'return' }, { kind: 'unit', unitId: 20 });
  t.ok(both.ok && both.to === 'returned', 'when every unit returns it, the hotline must dispatch again');
  if (!both.ok) return;
  const again = transition(both.state, { type: 'dispatch', unitIds: [30] }, agent);
  t.ok(again.ok && again.to === 'dispatched' && again.state.assignments.length === 3, 're-dispatch keeps the returned parts as history');
});

t.test('only the right people act: units on their own part, supervisors decide, the service supervises and makes the 智能回访', async (t) => {
  const state = (status: TicketStatus, overdue = false): LifecycleState => ({ status, assignments: parts[status], overdue });
  t.match(transition(state('replied'), { type: 'accept', acceptFlagged: false }, agent), { ok: false, code: 'FORBIDDEN', message: /supervisor or admin.*not an agent/ });
  t.match(transition(state('intake'), { type: 'dispatch', unitIds: [1] }, unit), { ok: false, code: 'FORBIDDEN', message: /hotline staff.*not a unit user/ });
  t.match(transition(state('dispatched'), { type: 'sign-for' }, lead), { ok: false, code: 'FORBIDDEN', message: /its handling unit/ });
  t.match(transition(state('intake'), { type: 'dispatch', unitIds: [1] }, system), { ok: false, code: 'FORBIDDEN' });
  t.match(transition(state('dispatched', true), { type: 'supervise' }, system), { ok: true, to: 'dispatched' });
  t.match(transition(state('dispatched', true), { type: 'supervise' }, agent), { ok: false, code: 'FORBIDDEN' });
  t.match(transition(state('handling'), { type: 'supervise' }, lead), { ok: false, code: 'ILLEGAL_TRANSITION', message: 'is handling and within its deadlines, so cannot be supervised' });
  t.match(transition(state('dispatched'), { type: 'sign-for' }, { kind: 'unit', unitId: 99 }), { ok: false, code: 'ILLEGAL_TRANSITION' }, 'a unit without a part cannot sign for');
  t.match(transition(state('completed'), { type: 'callback', result: 'satisfied' }, agent), { ok: true, to: 'closed' }, 'agents make callbacks');
  t.match(transition(state('closed'), { type: 'reopen' }, system), { ok: true, to: 'reopened' });
  t.match(transition(state('completed'), { type: 'callback', result: 'basically-satisfied' }, system), { ok: true, to: 'closed' }, 'the service\'s 智能回访 closes on a satisfied key');
  t.match(transition(state('completed'), { type: 'callback', result: 'dissatisfied' }, system), { ok: true, to: 'reopened' }, 'and reopens on a dissatisfied one');
  t.match(transition(state('closed'), { type: 'callback', result: 'satisfied' }, system), { ok: false, code: 'ILLEGAL_TRANSITION' }, 'a ticket a human already called back is not surveyed again');
});

t.test('a flagged reply is accepted only deliberately; send-back returns the part to the unit', async (t) => {
  const state: LifecycleState = { status: 'replied', assignments: [part('replied', { replyFlagged: true })], overdue: false };
  t.match(transition(state, { type: 'accept', acceptFlagged: false }, lead), { ok: false, code: 'REPLY_FLAGGED', message: /flagged as perfunctory \(unit 10\)/ });
  t.match(transition(state, { type: 'accept', acceptFlagged: true }, lead), { ok: true, to: 'completed' });
  const sent = transition(state, { type: 'send-back' }, lead);
  t.match(sent, { ok: true, to: 'handling', unitId: UNIT });
  if (sent.ok) t.same(sent.state.assignments[0], part('handling'), 'the flag goes with the reply');
  t.match(transition(state, { type: 'send-back', unitIds: [99] }, lead), { ok: false, code: 'INVALID_INPUT', message: /unit 99 has no reply/ });
});

t.test('extensions: one request at a time per unit; the decision names the unit when several asked', async (t) => {
  const state: LifecycleState = { status: 'handling', assignments: [part('handling')], overdue: false };
  const asked = transition(state, { type: 'request-extension' }, unit);
  if (!asked.ok) return t.fail(asked.message);
  t.match(transition(asked.state, { type: 'request-extension' }, unit), { ok: false, message: /already has an extension request/ });
  t.match(transition(state, { type: 'approve-extension' }, lead), { ok: false, message: 'is handling with no extension request pending' });
  const approved = transition(asked.state, { type: 'approve-extension' }, lead);
  t.match(approved, { ok: true, to: 'handling', unitId: UNIT });
  const two: LifecycleState = { status: 'handling', assignments: [part('handling', { extensionRequested: true }), { ...part('handling', { extensionRequested: true }), id: 2, unitId: 20 }], overdue: false };
  t.match(transition(two, { type: 'refuse-extension' }, lead), { ok: false, code: 'INVALID_INPUT', message: /units 10, 20 each asked/ });
  t.match(transition(two, { type: 'refuse-extension', unitId: 20 }, lead), { ok: true, unitId: 20 });
  t.match(transition(two, { type: 'refuse-extension', unitId: 30 }, lead), { ok: false, message: /no extension request pending from unit 30/ });
});

t.test('callback: satisfied closes, dissatisfied reopens for the hotline to handle again', async (t) => {
  const state: LifecycleState = { status: 'completed', assignments: [part('completed')], overdue: false };
  t.match(transition(state, { type: 'callback', result: 'basically-satisfied' }, agent), { ok: true, to: 'closed' });
  t.match(transition(state, { type: 'callback', result: 'dissatisfied' }, agent), { ok: true, to: 'reopened' });
});

t.test('dispatch names each unit once', async (t) => {
  const state: LifecycleState = { status: 'intake', assignments: [], overdue: false };
  t.match(transition(state, { type: 'dispatch', unitIds: [] }, agent), { ok: false, code: 'INVALID_INPUT' });
  t.match(transition(state, { type: 'dispatch', unitIds: [3, 3] }, agent), { ok: false, code: 'INVALID_INPUT', message: /named twice/ });
});
