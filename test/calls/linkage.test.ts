import t, { type Test } from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { agentState, bridgeOf, lastCall, loginAgents, sound, talkTo, until, waitForBridged, waitForGone } from '../helpers/calls.js';
import type { DesktopMessage } from '../../src/desktop/wire.js';
import { verifySignature } from '../../src/linkage/signature.js';
import { connectTarget, partnerSystem, SECRET, takeTicket } from '../linkage/partner.js';

const POLICE = 'PJSIP/110@linkage';

/** A talking call between citizen 13800001234 and agent 1, with the agent's desktop listening. */
async function onCall(t: Test) {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const heard: DesktopMessage[] = [];
  ctx.app.desktopHub.addAgent(1, { send: (data) => heard.push(JSON.parse(data) as DesktopMessage) });
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const token = await ctx.userToken('agent', 1);
  const post = (path: string, payload?: object) => ctx.api({ method: 'POST', url: `/api/calls/${callId}${path}`, ...(payload ? { payload } : {}) }, token);
  return { ctx, citizen, agentLeg: leg.id, callId, post, heard };
}

const eventTypes = (call: { events: Array<{ type: string }> }) => call.events.map((e) => e.type);

async function dialTarget(ctx: TestContext) {
  return ctx.asterisk.waitForOriginate(POLICE);
}

t.test('three-way: 110 joins the call bridge and all three hear each other; the agent leaves, citizen and 110 talk on', async (t) => {
  const { ctx, citizen, agentLeg, post, heard } = await onCall(t);
  const res = await post('/linkage', { target: '110', mode: 'three-way' });
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { linkage: { target: '110', mode: 'three-way', state: 'dialing' }, held: false });
  const target = await dialTarget(ctx);
  t.equal(target.caller.number, '13800001234', '110 sees the citizen’s number');
  t.equal(target.timeoutSeconds, 30, 'rings for the target’s timeout');
  t.ok(bridgeOf(ctx, citizen)?.channels.includes(agentLeg), 'citizen and agent keep talking while 110 rings');

  ctx.asterisk.answerLeg(target.id);
  const bridge = await waitForBridged(ctx, citizen, target.id);
  t.same([...bridge.channels].sort(), [citizen, agentLeg, target.id].sort(), 'three legs in one bridge');
  await until(() => heard.some((m) => m.type === 'call' && m.pop.linkage?.state === 'connected'), 'the desktop to show 110 connected');

  const left = await post('/linkage/leave');
  t.equal(left.statusCode, 200, left.body);
  await waitForGone(ctx, agentLeg);
  t.equal((await agentState(ctx, 1)).state, 'wrap-up', 'the agent is free for wrap-up');
  t.same([...bridgeOf(ctx, citizen)!.channels].sort(), [citizen, target.id].sort(), 'citizen and 110 still connected');

  ctx.asterisk.hangup(target.id);
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed' });
  const types = eventTypes(call);
  t.match(types.filter((e: string) => e.startsWith('linkage') || e === 'agent-left'), ['linkage-dialing', 'linkage-connected', 'agent-left', 'linkage-left']);
  const leftEvent = call.events.find((e: { type: string }) => e.type === 'agent-left');
  t.match(leftEvent, { data: { agentId: 1, target: '110', how: 'left' } }, 'the call log says who left, and when (the event’s time)');
});

t.test('three-way: the agent drops 110 and goes on with the citizen', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  await post('/linkage', { target: '110', mode: 'three-way' });
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  await waitForBridged(ctx, citizen, target.id);
  const dropped = await post('/linkage/drop');
  t.equal(dropped.statusCode, 200, dropped.body);
  t.match(dropped.json(), { linkage: null });
  await waitForGone(ctx, target.id);
  t.same([...bridgeOf(ctx, citizen)!.channels].sort(), [citizen, agentLeg].sort());
  t.equal((await agentState(ctx, 1)).state, 'on-call');
});

t.test('a target that does not answer, is busy or rejects: the agent is told why and the call is as it was', async (t) => {
  const { ctx, citizen, agentLeg, post, heard } = await onCall(t);
  const cases = [
    { fail: (id: string) => ctx.asterisk.timeoutLeg(id), reason: 'no-answer', mode: 'three-way' },
    { fail: (id: string) => ctx.asterisk.rejectLeg(id, 'busy'), reason: 'busy', mode: 'three-way' },
    { fail: (id: string) => ctx.asterisk.rejectLeg(id, 'rejected'), reason: 'rejected', mode: 'consult' },
  ];
  for (const { fail, reason, mode } of cases) {
    const res = await post('/linkage', { target: '110', mode });
    t.equal(res.statusCode, 200, res.body);
    const target = await dialTarget(ctx);
    fail(target.id);
    await until(() => heard.some((m) => m.type === 'linkage-failed' && m.notice.reason === reason), `the desktop to hear ${reason}`);
    await ctx.app.callFlow.settled();
    await waitForBridged(ctx, citizen, agentLeg);
    t.equal(ctx.asterisk.channel(citizen)!.moh, null, `${reason}: the citizen is back with the agent, no music`);
    t.equal(ctx.app.callFlow.liveCalls()[0]!.link, null, `${reason}: nothing left dangling`);
  }
  t.equal((await agentState(ctx, 1)).state, 'on-call');
});

t.test('consult first: the citizen hears music while the agent briefs 110, then all three join', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  const res = await post('/linkage', { target: '110', mode: 'consult' });
  t.match(res.json(), { held: true, linkage: { mode: 'consult' } });
  t.equal(ctx.asterisk.channel(citizen)!.moh, 'default', 'the citizen hears music on hold');
  t.notOk(bridgeOf(ctx, citizen));
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  const consult = await waitForBridged(ctx, agentLeg, target.id);
  t.same([...consult.channels].sort(), [agentLeg, target.id].sort(), 'agent and 110 alone');

  const resume = await post('/resume');
  t.equal(resume.statusCode, 409, 'resume is refused mid-consultation: join or cancel');
  const joined = await post('/linkage/join');
  t.equal(joined.statusCode, 200, joined.body);
  t.match(joined.json(), { held: false, linkage: { mode: 'three-way', state: 'connected' } });
  const all = await waitForBridged(ctx, citizen, target.id);
  t.same([...all.channels].sort(), [citizen, agentLeg, target.id].sort());
  t.equal(ctx.asterisk.channel(citizen)!.moh, null);
  t.equal((await post('/linkage/join')).statusCode, 409, 'a three-way cannot be joined again');
});

t.test('consult first, then cancel: 110 is hung up and the citizen is back with the agent', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  await post('/linkage', { target: '110', mode: 'consult' });
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  await waitForBridged(ctx, agentLeg, target.id);
  const cancelled = await post('/linkage/drop');
  t.match(cancelled.json(), { held: false, linkage: null });
  await waitForGone(ctx, target.id);
  await waitForBridged(ctx, citizen, agentLeg);
  t.equal(ctx.asterisk.channel(citizen)!.moh, null);
});

t.test('consult first, then complete: citizen and 110 talk, the agent goes to wrap-up', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  await post('/linkage', { target: '110', mode: 'consult' });
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  await waitForBridged(ctx, agentLeg, target.id);
  t.equal((await post('/linkage/leave')).statusCode, 200);
  await waitForGone(ctx, agentLeg);
  const bridge = await waitForBridged(ctx, citizen, target.id);
  t.same([...bridge.channels].sort(), [citizen, target.id].sort());
  t.equal(ctx.asterisk.channel(citizen)!.moh, null);
  t.equal((await agentState(ctx, 1)).state, 'wrap-up');
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, target.id);
  t.match(await lastCall(ctx), { outcome: 'completed' });
});

t.test('blind transfer: the agent is freed at once, the citizen hears music until 110 answers', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  const res = await post('/linkage', { target: '110', mode: 'transfer' });
  t.equal(res.statusCode, 200, res.body);
  await waitForGone(ctx, agentLeg);
  t.equal((await agentState(ctx, 1)).state, 'wrap-up');
  t.equal(ctx.asterisk.channel(citizen)!.moh, 'default');
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  const bridge = await waitForBridged(ctx, citizen, target.id);
  t.same([...bridge.channels].sort(), [citizen, target.id].sort());
  t.equal(ctx.asterisk.channel(citizen)!.moh, null);
});

t.test('blind transfer that fails: the citizen goes back to the front of the queue, and the agent who sent them is told', async (t) => {
  const { ctx, citizen, post, heard } = await onCall(t);
  await post('/linkage', { target: '110', mode: 'transfer' });
  const target = await dialTarget(ctx);
  ctx.asterisk.rejectLeg(target.id, 'busy');
  await until(() => heard.some((m) => m.type === 'linkage-failed' && m.notice.reason === 'busy' && m.notice.mode === 'transfer'), 'the agent to be told');
  await ctx.asterisk.waitFor(() => bridgeOf(ctx, citizen)?.type === 'holding', 2000, 'the citizen back in the queue');
  t.equal(ctx.app.callFlow.liveCalls()[0]!.phase, 'queued');
  // Agent 1 is in wrap-up; once they have said why the call has no ticket and are ready, they are offered the caller again.
  const agent1 = await ctx.userToken('agent', 1);
  await ctx.api({ method: 'POST', url: `/api/calls/${ctx.app.callFlow.liveCalls()[0]!.id}/no-ticket`, payload: { reason: 'transferred-out' } }, agent1);
  await ctx.api({ method: 'POST', url: '/api/agents/1/ready' }, agent1);
  const again = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  t.ok(again, 'the caller is offered to an agent again');
});

t.test('the citizen hangs up during a three-way: 110 is hung up too', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  await post('/linkage', { target: '110', mode: 'three-way' });
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  await waitForBridged(ctx, citizen, target.id);
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, target.id);
  await waitForGone(ctx, agentLeg);
  t.match(await lastCall(ctx), { outcome: 'completed' });
});

t.test('the agent puts the phone down during a three-way: they have left, citizen and 110 talk on', async (t) => {
  const { ctx, citizen, agentLeg, post } = await onCall(t);
  await post('/linkage', { target: '110', mode: 'three-way' });
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  await waitForBridged(ctx, citizen, target.id);
  ctx.asterisk.hangup(agentLeg);
  await until(async () => (await agentState(ctx, 1)).state === 'wrap-up', 'the agent in wrap-up');
  t.ok(ctx.asterisk.channel(citizen), 'the citizen is still on the line');
  t.same([...bridgeOf(ctx, citizen)!.channels].sort(), [citizen, target.id].sort());
  t.notOk(ctx.asterisk.played(citizen).includes(sound('survey-ask')), 'no survey while the citizen talks with 110');
});

t.test('bad linkage requests are refused with the reason, and change nothing', async (t) => {
  const { ctx, citizen, agentLeg, post, callId } = await onCall(t);
  const unknown = await post('/linkage', { target: '999', mode: 'three-way' });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json().message, /no linkage target "999"/);
  const badMode = await post('/linkage', { target: '110', mode: 'conference' });
  t.equal(badMode.statusCode, 400);
  t.equal((await post('/linkage/join')).statusCode, 409, 'nothing to join');
  t.equal((await post('/linkage/drop')).statusCode, 409, 'nothing to drop');
  await post('/linkage', { target: '110', mode: 'three-way' });
  const second = await post('/linkage', { target: '12315', mode: 'three-way' });
  t.equal(second.statusCode, 409);
  t.match(second.json().message, /already has 110 公安/);
  const transfer = await post('/transfer', { queue: 'general' });
  t.equal(transfer.statusCode, 409, 'no queue transfer with a target on the line');
  const other = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/linkage/drop` }, await ctx.userToken('agent', 2));
  t.equal(other.statusCode, 403);
  t.same([...bridgeOf(ctx, citizen)!.channels].sort(), [citizen, agentLeg].sort());
});

t.test('the ticket travels when 110 joins a call that already has one, signed with 110’s secret', async (t) => {
  const { ctx, citizen, post } = await onCall(t);
  const partner = await partnerSystem(t);
  await connectTarget(ctx, '110', { webhookUrl: partner.url, ticketTravels: true, webhookSecret: SECRET });
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const ticket = await takeTicket(ctx, callId, await ctx.userToken('agent', 1));
  t.equal(partner.received.length, 0, 'nothing goes to 110 before it is on the call');
  await post('/linkage', { target: '110', mode: 'three-way' });
  const target = await dialTarget(ctx);
  ctx.asterisk.answerLeg(target.id);
  await waitForBridged(ctx, citizen, target.id);
  await until(() => partner.received.length === 1, 'the ticket to reach 110’s system');
  const [delivery] = partner.received;
  const body = JSON.parse(delivery!.body);
  t.match(body, { ticketNumber: ticket.number, target: '110', callId });
  const headers = { timestamp: delivery!.headers['x-hotline-timestamp'] as string, signature: delivery!.headers['x-hotline-signature'] as string };
  t.match(verifySignature(SECRET, headers, delivery!.body), { ok: true }, 'signed with the shared secret');
});
