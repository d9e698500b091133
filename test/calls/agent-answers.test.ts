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

t.test('the agent hangs up first: the citizen is hung up and the call is completed', async (t) => {
  const ctx = await build(t);
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

t.test('wrap-up ends by itself after the queue’s wrap-up time, or early with ready', async (t) => {
  const ctx = await build(t);
  const { asterisk } = ctx;
  const general = ctx.app.queuesRepository.get('general')!;
  ctx.app.queuesRepository.upsert({ ...general, wrapUpSeconds: 1 });
  await loginAgents(ctx, 1, 2);
  for (const agent of [1, 2]) {
    const citizen = await callInto(ctx, '1');
    const leg = await asterisk.waitForOriginate(`PJSIP/100${agent}`);
    asterisk.answerLeg(leg.id);
    await waitForBridged(ctx, citizen, leg.id);
    asterisk.hangup(citizen);
    await until(async () => (await agentState(ctx, agent)).state === 'wrap-up', 'wrap-up');
  }
  t.match((await ctx.api({ method: 'POST', url: '/api/agents/2/ready' })).json(), { state: 'available' });
  await until(async () => (await agentState(ctx, 1)).state === 'available', 'agent 1 available after 1 s of wrap-up');
});
