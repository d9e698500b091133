import t from 'tap';
import type WebSocket from 'ws';
import { build, type TestContext } from '../helpers/app.js';
import { call, callInto, lastCall, loginAgents, until } from '../helpers/calls.js';

type Message = { type: string; [key: string]: unknown };

/** Opens the desktop socket and collects what it is sent. */
async function desktop(ctx: TestContext, token: string) {
  const messages: Message[] = [];
  // Listen before the upgrade completes: the service speaks first, with the current state.
  const ws: WebSocket = await ctx.app.injectWS(`/api/desktop/ws?token=${token}`, {}, {
    onInit: (socket) => socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Message)),
  });
  const next = async (type: string, match: (m: Message) => boolean = () => true) => {
    const find = () => messages.find((m) => m.type === type && match(m));
    await until(() => find() !== undefined, `a ${type} message`);
    return find()!;
  };
  return { ws, messages, next };
}

t.test('the agent’s page gets their state and, the moment their phone rings, the screen-pop with history', async (t) => {
  const ctx = await build(t);
  ctx.app.ticketsRepository.create({ number: '20260001', caller: '13800001234', status: 'handling', title: '噪音投诉' });
  const earlier = await call(ctx);
  ctx.asterisk.hangup(earlier);
  await lastCall(ctx);

  const agent1 = await desktop(ctx, await ctx.userToken('agent', 1));
  const agent2 = await desktop(ctx, await ctx.userToken('agent', 2));
  t.match(await agent1.next('agent'), { agent: { id: 1, state: 'offline' } });
  await loginAgents(ctx, 1);
  await agent1.next('agent', (m) => (m.agent as { state: string }).state === 'available');

  await callInto(ctx, '1');
  const offer = await agent1.next('offer');
  t.match(offer.pop, {
    caller: '13800001234',
    path: ['1 · 普通话咨询、投诉、求助'],
    queue: 'general',
    history: { calls: [{ outcome: 'abandoned-in-ivr' }], tickets: [{ number: '20260001', status: 'handling' }] },
  });
  t.notOk(agent2.messages.some((m) => m.type === 'offer' || (m.agent as { id: number } | undefined)?.id === 1), 'agent 2 hears nothing about agent 1');

  agent1.ws.terminate();
  const again = await desktop(ctx, await ctx.login('agent1', 'password-123'));
  t.match(await again.next('offer'), { pop: { caller: '13800001234' } }, 'a page that reconnects while ringing gets the pop again');
  again.ws.terminate();
  agent2.ws.terminate();
});

t.test('supervisors get every agent, live', async (t) => {
  const ctx = await build(t);
  const supervisor = await desktop(ctx, await ctx.userToken('supervisor'));
  const snapshot = await supervisor.next('snapshot');
  t.equal((snapshot.agents as unknown[]).length, 10);
  await loginAgents(ctx, 7);
  t.match(await supervisor.next('agent'), { agent: { id: 7, state: 'available' } });
  supervisor.ws.terminate();
});

t.test('the socket needs a valid token', async (t) => {
  const ctx = await build(t);
  const res = await ctx.app.inject({ method: 'GET', url: '/api/desktop/ws' });
  t.equal(res.statusCode, 401);
});

t.test('on answer the pop becomes the active call; holding is told to the page; a page reopened in wrap-up gets the call back', async (t) => {
  const ctx = await build(t);
  const token = await ctx.userToken('agent', 1);
  const page = await desktop(ctx, token);
  await loginAgents(ctx, 1);
  const citizen = await callInto(ctx, '1');
  const offer = await page.next('offer');
  const states = page.messages.filter((m) => m.type === 'agent').map((m) => (m.agent as { state: string }).state);
  t.same(states.slice(-2), ['available', 'ringing'], 'the page hears the states in the order they happened');
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.answerLeg(leg.id);
  const answered = await page.next('call', (m) => (m.pop as { answeredAt: number | null }).answeredAt !== null);
  t.equal((answered.pop as { callId: string }).callId, (offer.pop as { callId: string }).callId);

  const callId = (offer.pop as { callId: string }).callId;
  await until(() => ctx.app.callFlow.session(callId)?.phase === 'talking', 'talking');
  await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` }, token);
  await page.next('call', (m) => (m.pop as { held: boolean }).held);

  ctx.asterisk.hangup(citizen);
  await until(() => ctx.app.agentsRepository.get(1)!.state === 'wrap-up', 'wrap-up');
  page.ws.terminate();
  const reopened = await desktop(ctx, token);
  t.match(await reopened.next('call'), { pop: { callId, caller: '13800001234', wrapUpSeconds: 30 } });
  reopened.ws.terminate();
});

t.test('supervisors see every queue with who waits in it', async (t) => {
  const ctx = await build(t);
  const supervisor = await desktop(ctx, await ctx.userToken('supervisor'));
  const snapshot = await supervisor.next('snapshot');
  t.same((snapshot.queues as Array<{ name: string }>).map((q) => q.name).sort(), ['enterprise', 'foreign-language', 'general']);
  await callInto(ctx, '1', '13800005555');
  const update = await supervisor.next('queues', (m) => (m.queues as Array<{ waiting: unknown[] }>).some((q) => q.waiting.length > 0));
  t.match((update.queues as Array<{ name: string; waiting: unknown[] }>).find((q) => q.name === 'general'), { waiting: [{ caller: '13800005555' }] });
  supervisor.ws.terminate();
});
