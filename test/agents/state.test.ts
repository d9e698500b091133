import t from 'tap';
import { applyAgentEvent, type AgentStatus } from '../../src/agents/state.js';

const status = (state: AgentStatus['state'], extra: Partial<AgentStatus> = {}): AgentStatus => ({
  state,
  pauseReason: null,
  stateSince: 0,
  idleSince: null,
  currentCallId: null,
  ...extra,
});

t.test('an agent logs in, takes a call, wraps up and is free again', (t) => {
  let s = status('offline');
  const step = (event: Parameters<typeof applyAgentEvent>[1], now: number) => {
    const r = applyAgentEvent(s, event, now);
    if (!r.ok) throw new Error(`refused: ${r.action}`);
    s = r.status;
  };
  step({ type: 'login' }, 100);
  t.match(s, { state: 'available', idleSince: 100 });
  step({ type: 'offer', callId: 'c1' }, 200);
  t.match(s, { state: 'ringing', currentCallId: 'c1', idleSince: 100 });
  step({ type: 'answer' }, 300);
  t.match(s, { state: 'on-call', currentCallId: 'c1' });
  step({ type: 'call-ended', wrapUpSeconds: 30 }, 400);
  t.match(s, { state: 'wrap-up', currentCallId: null, stateSince: 400 });
  step({ type: 'ready' }, 500);
  t.match(s, { state: 'available', idleSince: 500 });
  t.end();
});

t.test('a call with no wrap-up makes the agent available at once', (t) => {
  const r = applyAgentEvent(status('on-call', { currentCallId: 'c' }), { type: 'call-ended', wrapUpSeconds: 0 }, 9);
  t.match(r, { ok: true, status: { state: 'available', idleSince: 9 } });
  t.end();
});

t.test('an unanswered ring pauses the agent with reason no-answer', (t) => {
  const r = applyAgentEvent(status('ringing', { currentCallId: 'c' }), { type: 'no-answer' }, 5);
  t.match(r, { ok: true, status: { state: 'paused', pauseReason: 'no-answer', currentCallId: null } });
  t.end();
});

t.test('a withdrawn offer keeps the agent first in the idle order', (t) => {
  const r = applyAgentEvent(status('ringing', { idleSince: 42, currentCallId: 'c' }), { type: 'offer-withdrawn' }, 99);
  t.match(r, { ok: true, status: { state: 'available', idleSince: 42 } });
  t.end();
});

t.test('impossible changes are refused with what was attempted', (t) => {
  t.same(applyAgentEvent(status('on-call'), { type: 'logout' }, 1), { ok: false, action: 'log out' });
  t.same(applyAgentEvent(status('offline'), { type: 'pause', reason: 'meal' }, 1), { ok: false, action: 'pause' });
  t.same(applyAgentEvent(status('paused'), { type: 'offer', callId: 'x' }, 1), { ok: false, action: 'be offered a call' });
  t.same(applyAgentEvent(status('available'), { type: 'login' }, 1), { ok: false, action: 'log in' });
  t.same(applyAgentEvent(status('ringing'), { type: 'pause', reason: 'meal' }, 1), { ok: false, action: 'pause' });
  t.end();
});
