import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { agentState, bridgeOf, callInto, lastCall, loginAgents, talkTo, sound, waitForBridged, waitForGone, waitForPrompt } from '../helpers/calls.js';

const liveCallId = (ctx: TestContext) => ctx.app.callFlow.liveCalls()[0]!.id;

t.test('hold takes the caller out of the talk bridge to music; resume brings them back', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = liveCallId(ctx);
  const token = await ctx.userToken('agent', 1);

  const held = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` }, token);
  t.equal(held.statusCode, 200, held.body);
  t.match(held.json(), { held: true, phase: 'talking' });
  t.equal(ctx.asterisk.channel(citizen)!.moh, 'default', 'the citizen hears music');
  t.notOk(bridgeOf(ctx, citizen), 'the citizen is out of the bridge, so the agent can speak freely');
  t.ok(bridgeOf(ctx, leg.id), 'the agent stays in the call bridge');

  const again = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` }, token);
  t.equal(again.statusCode, 409);
  t.match(again.json().message, /already on hold/);

  const resumed = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/resume` }, token);
  t.match(resumed.json(), { held: false });
  t.equal(ctx.asterisk.channel(citizen)!.moh, null);
  await waitForBridged(ctx, citizen, leg.id);

  const call = await ctx.api({ method: 'GET', url: `/api/calls/${callId}` });
  t.match(
    call.json().events.map((e: { type: string }) => e.type).filter((type: string) => type === 'held' || type === 'resumed'),
    ['held', 'resumed'],
  );
});

t.test('only the agent on the call may use its controls; supervisors may on any call', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = liveCallId(ctx);
  const other = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` }, await ctx.userToken('agent', 2));
  t.equal(other.statusCode, 403);
  t.match(other.json().message, /not with agent 2/);
  const supervisor = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` }, await ctx.userToken('supervisor'));
  t.equal(supervisor.statusCode, 200);
  const unknown = await ctx.api({ method: 'POST', url: '/api/calls/no-such-call/hold' });
  t.equal(unknown.statusCode, 404);
  const bad = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/transfer`, payload: { queue: 'general', agentId: 3 } });
  t.equal(bad.statusCode, 400, 'a transfer names one target');
});

t.test('hang up from the desktop ends the call as the agent’s, and the agent goes to wrap-up', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const res = await ctx.api({ method: 'POST', url: `/api/calls/${liveCallId(ctx)}/hangup` }, await ctx.userToken('agent', 1));
  t.equal(res.statusCode, 200);
  await waitForGone(ctx, leg.id);
  // The citizen stays for the post-call survey, and leaves without keying.
  await waitForPrompt(ctx, citizen, sound('survey-ask'));
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed' });
  t.ok(call.events.some((e: { type: string; data: { endedBy?: string } }) => e.type === 'talk-ended' && e.data.endedBy === 'agent'));
  t.equal((await agentState(ctx, 1)).state, 'wrap-up');
  const late = await ctx.api({ method: 'POST', url: `/api/calls/${call.id}/hold` });
  t.equal(late.statusCode, 404, 'an ended call has no controls');
});

t.test('blind transfer to a queue: the agent is released, the caller waits and reaches an agent of that queue', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = liveCallId(ctx);
  await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` }, await ctx.userToken('agent', 1));

  const res = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/transfer`, payload: { queue: 'enterprise' } }, await ctx.userToken('agent', 1));
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { phase: 'queued', held: false });
  await waitForGone(ctx, leg.id);
  t.equal((await agentState(ctx, 1)).state, 'wrap-up');
  t.equal(bridgeOf(ctx, citizen)?.id, 'queue-enterprise');
  t.equal(ctx.asterisk.channel(citizen)!.moh, null, 'the channel’s own music stops; the holding bridge plays its own');

  await loginAgents(ctx, 9);
  const next = await ctx.asterisk.waitForOriginate('PJSIP/1009');
  ctx.asterisk.answerLeg(next.id);
  await waitForBridged(ctx, citizen, next.id);
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', agentId: 9, queue: 'enterprise' });
  t.ok(call.events.some((e: { type: string }) => e.type === 'transferred'));
});

t.test('blind transfer to an agent rings only them; if they do not answer the caller goes to anyone in the queue', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1, 2, 3);
  const { citizen } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = liveCallId(ctx);

  const busy = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/transfer`, payload: { agentId: 4 } });
  t.equal(busy.statusCode, 409);
  t.match(busy.json().message, /Agent 4 is offline/);

  const res = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/transfer`, payload: { agentId: 3 } });
  t.equal(res.statusCode, 200, res.body);
  const leg3 = await ctx.asterisk.waitForOriginate('PJSIP/1003');
  t.equal((await agentState(ctx, 2)).state, 'available', 'agent 2, idle longer, is not rung: the transfer named agent 3');
  ctx.asterisk.rejectLeg(leg3.id);
  const leg2 = await ctx.asterisk.waitForOriginate('PJSIP/1002');
  ctx.asterisk.answerLeg(leg2.id);
  await waitForBridged(ctx, citizen, leg2.id);
  t.equal((await agentState(ctx, 3)).state, 'paused');
});

t.test('a supervisor signs out an agent whose phone is ringing: the ring stops, the caller goes to the next agent', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1, 2);
  const citizen = await callInto(ctx, '1');
  const leg1 = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  const res = await ctx.api({ method: 'POST', url: '/api/agents/1/logout' }, await ctx.userToken('supervisor'));
  t.equal(res.statusCode, 200, res.body);
  t.equal(res.json().state, 'offline');
  await waitForGone(ctx, leg1.id);
  const leg2 = await ctx.asterisk.waitForOriginate('PJSIP/1002');
  ctx.asterisk.answerLeg(leg2.id);
  await waitForBridged(ctx, citizen, leg2.id);
  const call = await ctx.api({ method: 'GET', url: `/api/calls/${liveCallId(ctx)}` });
  t.ok(call.json().events.some((e: { type: string; data: { agentId?: number } }) => e.type === 'agent-offer-withdrawn' && e.data.agentId === 1));
});
