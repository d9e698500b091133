import t from 'tap';
import { build } from '../helpers/app.js';
import { agentState, callInto, lastCall, loginAgents, until, waitForBridged, waitForGone, talkTo } from '../helpers/calls.js';

t.test('citizen presses 3, waits, agent 1009 answers, citizen hangs up', async (t) => {
  const ctx = await build(t);
  const { asterisk } = ctx;
  await loginAgents(ctx, 1, 9);

  const citizen = await callInto(ctx, '3');
  t.equal(asterisk.channel(citizen)?.state, 'Up', 'the service answered the call');

  const leg = await asterisk.waitForOriginate('PJSIP/1009');
  t.equal(leg.callerId, '13800001234', 'the agent phone shows the citizen number');
  t.notOk(asterisk.originated().some((l) => l.endpoint === 'PJSIP/1001'), 'agent 1001 has no enterprise skill and is not rung');
  t.match(await agentState(ctx, 9), { state: 'ringing' });

  asterisk.answerLeg(leg.id);
  const bridge = await waitForBridged(ctx, citizen, leg.id);
  t.equal(bridge.type, 'mixing');
  t.ok(bridge.flags.includes('dtmf_events'), 'keys still reach the service while talking');
  t.match(await agentState(ctx, 9), { state: 'on-call' });

  asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  await until(async () => (await agentState(ctx, 9)).state === 'wrap-up', 'agent 1009 in wrap-up');

  const call = await lastCall(ctx);
  t.match(call, {
    caller: '13800001234',
    dialed: '12345',
    channelId: citizen,
    queue: 'enterprise',
    agentId: 9,
    outcome: 'completed',
    hangupCause: 16,
    phase: 'ended',
  });
  t.same(call.ivrPath.map((s: { nodeId: string; key: string | null }) => [s.nodeId, s.key]), [['main', null], ['enterprise', '3']]);
  t.ok(call.waitMs >= 0 && call.talkMs >= 0 && call.answeredAt && call.agentAnsweredAt && call.endedAt);
  t.same(
    // The recording is fetched after the call ends, whenever Asterisk has finished writing it.
    call.events.map((e: { type: string }) => e.type).filter((type: string) => type !== 'recording-stored'),
    ['arrived', 'answered', 'ivr-node', 'ivr-node', 'queued', 'position-announced', 'agent-offered', 'agent-answered', 'recording-started', 'talk-ended', 'ended'],
  );
});

t.test('the agent hangs up first, with the post-call survey off: the citizen is hung up and the call is completed', async (t) => {
  const ctx = await build(t, { env: { POST_CALL_SURVEY: 'off' } });
  const { asterisk } = ctx;
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  asterisk.hangup(leg.id);
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', agentId: 1 });
  t.match(call.events.find((e: { type: string }) => e.type === 'talk-ended'), { data: { endedBy: 'agent' } });
  await until(async () => (await agentState(ctx, 1)).state === 'wrap-up', 'wrap-up');
});

/** Agent n answers a call in queue general and the citizen hangs up; returns the call's id. */
async function answeredAndEnded(ctx: Awaited<ReturnType<typeof build>>, agent: number): Promise<string> {
  const citizen = await callInto(ctx, '1');
  const leg = await ctx.asterisk.waitForOriginate(`PJSIP/100${agent}`);
  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  ctx.asterisk.hangup(citizen);
  await until(async () => (await agentState(ctx, agent)).state === 'wrap-up', 'wrap-up');
  return callId;
}

t.test('wrap-up ends by itself after the queue’s wrap-up time, or early with ready, once the call has a ticket or a reason', async (t) => {
  const ctx = await build(t);
  const general = ctx.app.queuesRepository.get('general')!;
  ctx.app.queuesRepository.upsert({ ...general, wrapUpSeconds: 1 });
  await loginAgents(ctx, 1, 2);
  const first = await answeredAndEnded(ctx, 1);
  const second = await answeredAndEnded(ctx, 2);
  const [agent1, agent2] = [await ctx.userToken('agent', 1), await ctx.userToken('agent', 2)];

  // Agent 2 saves the ticket during wrap-up and ends it early.
  const ticket = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId: second, type: 'complaint', category: 'enterprise', title: '企业开办审批超时' } }, agent2);
  t.equal(ticket.statusCode, 201, ticket.body);
  // Ready ends it early; on a slow machine the 1 s may already be over, and the ticket alone ended it.
  await ctx.api({ method: 'POST', url: '/api/agents/2/ready' }, agent2);
  t.equal((await agentState(ctx, 2)).state, 'available');

  // Agent 1's wrap-up time runs out with nothing recorded: they stay in wrap-up and may not end it.
  await new Promise((r) => setTimeout(r, 1300));
  t.equal((await agentState(ctx, 1)).state, 'wrap-up', 'wrap-up goes on past its time while the call owes a ticket');
  const refused = await ctx.api({ method: 'POST', url: '/api/agents/1/ready' }, agent1);
  t.equal(refused.statusCode, 409);
  t.match(refused.json().message, new RegExp(`Call ${first} has no ticket yet`));
  // The reason it needs none ends the overdue wrap-up at once.
  const reason = await ctx.api({ method: 'POST', url: `/api/calls/${first}/no-ticket`, payload: { reason: 'silent' } }, agent1);
  t.equal(reason.statusCode, 200, reason.body);
  t.equal((await agentState(ctx, 1)).state, 'available');
});

t.test('a queue without wrap-up time still holds an agent in wrap-up until the call has a ticket or a reason', async (t) => {
  const ctx = await build(t);
  const general = ctx.app.queuesRepository.get('general')!;
  ctx.app.queuesRepository.upsert({ ...general, wrapUpSeconds: 0 });
  await loginAgents(ctx, 1);
  const callId = await answeredAndEnded(ctx, 1);
  const agent1 = await ctx.userToken('agent', 1);
  t.equal((await ctx.api({ method: 'POST', url: '/api/agents/1/pause', payload: { reason: 'rest' } }, agent1)).statusCode, 200, 'a break is allowed');
  const unpause = await ctx.api({ method: 'POST', url: '/api/agents/1/unpause' }, agent1);
  t.equal(unpause.statusCode, 409, 'but not taking calls again');
  await ctx.api({ method: 'POST', url: `/api/calls/${callId}/no-ticket`, payload: { reason: 'wrong-number' } }, agent1);
  t.match((await ctx.api({ method: 'POST', url: '/api/agents/1/unpause' }, agent1)).json(), { state: 'available' });
  // A supervisor may put an agent back regardless; the call then stays on the undisposed list.
  const next = await answeredAndEnded(ctx, 1);
  t.match((await ctx.api({ method: 'POST', url: '/api/agents/1/ready' })).json(), { state: 'available' }, 'supervisor override');
  const undisposed = (await ctx.api({ method: 'GET', url: '/api/calls?undisposed=true' })).json();
  t.same(undisposed.items.map((c: { id: string }) => c.id), [next]);
});
