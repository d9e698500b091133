import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';
import { agentState, bridgeOf, lastCall, loginAgents, talkTo, until, waitForBridged, waitForGone } from '../helpers/calls.js';

const callLog = async (ctx: TestContext, callId: string) => (await ctx.api({ method: 'GET', url: `/api/calls/${callId}` })).json();

const POLICE = 'PJSIP/110@linkage';

/** A talking call with 110 being brought on, on a service that is then stopped; the same Asterisk and database are handed to the next one. */
async function linkedThenStopped(t: Test, mode: 'three-way' | 'consult' | 'transfer', before: (ctx: TestContext, target: string, agentLeg: string, citizen: string) => Promise<void>) {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const first = await build(t, { asterisk, databasePath });
  await loginAgents(first, 1);
  const { citizen, leg } = await talkTo(first, '1', 'PJSIP/1001', '13800001234');
  const callId = first.app.callFlow.liveCalls()[0]!.id;
  const linked = await first.api({ method: 'POST', url: `/api/calls/${callId}/linkage`, payload: { target: '110', mode } }, await first.userToken('agent', 1));
  t.equal(linked.statusCode, 200, linked.body);
  const target = await asterisk.waitForOriginate(POLICE);
  await before(first, target.id, leg.id, citizen);
  await first.app.close();
  return { asterisk, databasePath, citizen, agentLeg: leg.id, target: target.id, callId };
}

const restart = (t: Test, s: { asterisk: FakeAsterisk; databasePath: string }) => build(t, { asterisk: s.asterisk, databasePath: s.databasePath });

t.test('a three-way call survives a restart: 110 is still on it, and the agent can still leave', async (t) => {
  const s = await linkedThenStopped(t, 'three-way', async (ctx, target) => {
    ctx.asterisk.answerLeg(target);
    await until(() => bridgeOf(ctx, target) !== undefined, '110 in the bridge');
  });
  const ctx = await restart(t, s);
  await until(() => ctx.app.callFlow.session(s.callId)?.link?.state === 'connected', 'the linkage leg taken back');
  const left = await ctx.api({ method: 'POST', url: `/api/calls/${s.callId}/linkage/leave` }, await ctx.userToken('agent', 1));
  t.equal(left.statusCode, 200, left.body);
  await waitForGone(ctx, s.agentLeg);
  t.same([...bridgeOf(ctx, s.citizen)!.channels].sort(), [s.citizen, s.target].sort(), 'citizen and 110 still connected');
  ctx.asterisk.hangup(s.citizen);
  await waitForGone(ctx, s.target);
  t.match(await lastCall(ctx), { outcome: 'completed' });
});

t.test('after a blind transfer the citizen talks to 110 across a restart; their hang-up ends 110’s leg and the call', async (t) => {
  const s = await linkedThenStopped(t, 'transfer', async (ctx, target, agentLeg, citizen) => {
    await waitForGone(ctx, agentLeg);
    ctx.asterisk.answerLeg(target);
    await waitForBridged(ctx, citizen, target);
  });
  const ctx = await restart(t, s);
  await until(() => ctx.app.callFlow.session(s.callId)?.link?.state === 'connected', 'the linkage leg taken back');
  t.equal(ctx.app.callFlow.session(s.callId)?.agentLeg, null, 'no agent on the call');
  t.notOk((await callLog(ctx, s.callId)).outcome, 'the call is not closed as lost');
  ctx.asterisk.hangup(s.citizen);
  await waitForGone(ctx, s.target);
  t.match(await lastCall(ctx), { outcome: 'completed' });
});

t.test('110 answered while the service was down: after the restart it is joined to the consultation', async (t) => {
  const s = await linkedThenStopped(t, 'consult', async () => undefined);
  s.asterisk.answerLeg(s.target);
  const ctx = await restart(t, s);
  await waitForBridged(ctx, s.agentLeg, s.target);
  t.equal(ctx.app.callFlow.session(s.callId)?.link?.state, 'connected');
  t.ok(ctx.app.callFlow.session(s.callId)?.held, 'the citizen still waits on hold');
  const joined = await ctx.api({ method: 'POST', url: `/api/calls/${s.callId}/linkage/join` }, await ctx.userToken('agent', 1));
  t.equal(joined.statusCode, 200, joined.body);
  await waitForBridged(ctx, s.citizen, s.target);
});

t.test('110 still ringing at the restart is let go; the citizen is back with the agent, and the next target gets a new leg', async (t) => {
  const s = await linkedThenStopped(t, 'consult', async () => undefined);
  const ctx = await restart(t, s);
  await waitForGone(ctx, s.target);
  await waitForBridged(ctx, s.citizen, s.agentLeg);
  const types = (await callLog(ctx, s.callId)).events.map((e: { type: string }) => e.type);
  t.ok(types.includes('linkage-failed'), 'the call log says the target did not connect');
  t.equal((await agentState(ctx, 1)).state, 'on-call');
  const again = await ctx.api({ method: 'POST', url: `/api/calls/${s.callId}/linkage`, payload: { target: '110', mode: 'three-way' } }, await ctx.userToken('agent', 1));
  t.equal(again.statusCode, 200, again.body);
  const leg = await ctx.asterisk.waitForOriginate(POLICE);
  t.equal(leg.id, `${s.callId}-link2`, 'a channel id the call has not used');
});

t.test('the agent hung up during a three-way while the service was down: citizen and 110 talk on', async (t) => {
  const s = await linkedThenStopped(t, 'three-way', async (ctx, target) => {
    ctx.asterisk.answerLeg(target);
    await until(() => bridgeOf(ctx, target) !== undefined, '110 in the bridge');
  });
  s.asterisk.hangup(s.agentLeg);
  const ctx = await restart(t, s);
  await until(async () => (await agentState(ctx, 1)).state === 'wrap-up', 'the agent in wrap-up');
  t.same([...bridgeOf(ctx, s.citizen)!.channels].sort(), [s.citizen, s.target].sort());
  const left = (await callLog(ctx, s.callId)).events.find((e: { type: string }) => e.type === 'agent-left');
  t.match(left, { data: { agentId: 1, target: '110', how: 'hung-up' } });
});
