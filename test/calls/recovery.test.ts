import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { build } from '../helpers/app.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';
import { agentState, callInto, lastCall, loginAgents, until, waitForBridged, waitForGone, talkTo } from '../helpers/calls.js';

const fakeAsterisk = async (t: Test) => {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  return asterisk;
};

t.test('the service restarts: a waiting caller keeps waiting and is served, a talking call goes on', async (t) => {
  const asterisk = await fakeAsterisk(t);
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');

  const first = await build(t, { asterisk, databasePath });
  await loginAgents(first, 1);
  const { citizen: talking, leg } = await talkTo(first, '1', 'PJSIP/1001', '13800000001');
  const waiting = await callInto(first, '3', '13800000002');
  await first.app.close();

  const second = await build(t, { asterisk, databasePath });
  t.equal(asterisk.channel(waiting)?.bridgeId, 'queue-enterprise', 'the waiting caller is still in the queue');
  t.match(await agentState(second, 1), { state: 'on-call' }, 'the agent on the talking call is still on it');
  const waitingInApi = (await second.api({ method: 'GET', url: '/api/queues/enterprise' })).json().waiting;
  t.same(waitingInApi.map((w: { caller: string }) => w.caller), ['13800000002']);

  await loginAgents(second, 9);
  const enterpriseLeg = await asterisk.waitForOriginate('PJSIP/1009');
  asterisk.answerLeg(enterpriseLeg.id);
  await waitForBridged(second, waiting, enterpriseLeg.id);

  asterisk.hangup(talking);
  await waitForGone(second, leg.id);
  await until(async () => (await agentState(second, 1)).state === 'wrap-up', 'agent 1 in wrap-up');
  let calls: Array<{ id: string; phase: string }> = [];
  await until(async () => {
    calls = (await second.api({ method: 'GET', url: '/api/calls?caller=13800000001' })).json().items;
    return calls[0]?.phase === 'ended';
  }, 'the talking call to end');
  t.match(calls[0], { outcome: 'completed', agentId: 1 });
  const events = (await second.api({ method: 'GET', url: `/api/calls/${calls[0]!.id}` })).json().events.map((e: { type: string }) => e.type);
  t.ok(events.includes('recovered'), 'the call log says the call was taken back');
});

t.test('calls that ended while the service was down are closed as lost; their agents are freed', async (t) => {
  const asterisk = await fakeAsterisk(t);
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const first = await build(t, { asterisk, databasePath });
  await loginAgents(first, 1);
  const { citizen, leg } = await talkTo(first, '1', 'PJSIP/1001');
  await first.app.close();
  asterisk.hangup(citizen);
  asterisk.hangup(leg.id);

  const second = await build(t, { asterisk, databasePath });
  const call = await lastCall(second);
  t.match(call, { outcome: 'lost', hangupCauseText: /service was down/ });
  t.not((await agentState(second, 1)).state, 'on-call');
});

t.test('Asterisk restarts: live calls are closed, agents freed, the service reconnects by itself', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const queued = await callInto(ctx, '3', '13800000009');
  void queued;

  await ctx.asterisk.stop();
  await until(async () => (await ctx.app.inject({ method: 'GET', url: '/health' })).statusCode === 503, 'health to say Asterisk is down');
  await ctx.asterisk.start();
  await until(async () => (await ctx.app.inject({ method: 'GET', url: '/health' })).statusCode === 200, 'the service to reconnect', 10_000);
  await ctx.app.callFlow.settled();

  const calls = (await ctx.api({ method: 'GET', url: '/api/calls' })).json().items;
  t.same(calls.map((c: { phase: string }) => c.phase), ['ended', 'ended']);
  t.match(await agentState(ctx, 1), { state: 'wrap-up' });
  t.same(ctx.app.callFlow.liveCalls(), []);

  const next = await callInto(ctx, '3');
  t.ok(next, 'a new call after the restart runs the menu and queues');
});
