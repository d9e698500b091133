import t, { type Test } from 'tap';
import { build } from '../helpers/app.js';
import { agentState, callInto, lastCall, loginAgents, until, waitForBridged, waitForGone } from '../helpers/calls.js';
import type { DesktopMessage } from '../../src/desktop/wire.js';

const CITIZEN = '13600000003';

/** A citizen gave up waiting, so they are on the callback list; agent 1 is logged in with the desktop open. */
async function owed(t: Test) {
  const ctx = await build(t);
  const citizen = await callInto(ctx, '1', CITIZEN);
  ctx.asterisk.hangup(citizen);
  const abandoned = await lastCall(ctx);
  await loginAgents(ctx, 1);
  const heard: DesktopMessage[] = [];
  ctx.app.desktopHub.addAgent(1, { send: (data) => heard.push(JSON.parse(data) as DesktopMessage) });
  const agent = await ctx.userToken('agent', 1);
  const [callback] = (await ctx.api({ method: 'GET', url: '/api/callbacks' }, agent)).json();
  return { ctx, agent, callback, abandoned, heard };
}

t.test('click-to-call: the agent’s phone rings, then the citizen’s; connected, recorded, and the callback is done', async (t) => {
  const { ctx, agent, callback, abandoned, heard } = await owed(t);
  const res = await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, agent);
  t.equal(res.statusCode, 202, res.body);
  const { callId } = res.json();
  t.equal((await agentState(ctx, 1)).state, 'on-call', 'busy with the call back from the click');
  await until(() => heard.some((m) => m.type === 'call' && m.pop.callId === callId), 'the desktop to show the call back');

  const agentLeg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  t.equal(agentLeg.caller.number, CITIZEN, 'the agent’s phone shows whom they are calling');
  ctx.asterisk.answerLeg(agentLeg.id);
  const citizenLeg = await ctx.asterisk.waitForOriginate(`PJSIP/${CITIZEN}@carrier`);
  t.equal(citizenLeg.caller.number, '12345', 'the citizen sees 12345');
  t.equal(ctx.asterisk.channel(agentLeg.id)!.ringing, true, 'the agent hears ringing meanwhile');
  ctx.asterisk.answerLeg(citizenLeg.id);
  await waitForBridged(ctx, agentLeg.id, citizenLeg.id);
  await until(() => ctx.asterisk.recordings().live.length === 1, 'the call back to be recorded');
  t.match(ctx.app.callLog.callback(callback.id), { status: 'done', doneBy: 1, callbackCallId: callId });
  t.same((await ctx.api({ method: 'GET', url: '/api/callbacks' }, agent)).json(), [], 'off the list');
  t.ok(heard.some((m) => m.type === 'callbacks'), 'desktops are told the list changed');

  ctx.asterisk.hangup(citizenLeg.id);
  await waitForGone(ctx, agentLeg.id);
  const call = await lastCall(ctx);
  t.match(call, { id: callId, caller: CITIZEN, outcome: 'completed', agentId: 1 });
  t.match(call.events.map((e: { type: string }) => e.type), ['arrived', 'callback-dialing', 'callback-agent-answered', 'agent-answered']);
  t.match(call.events.find((e: { type: string }) => e.type === 'callback-dialing').data, { callbackId: callback.id, forCallId: abandoned.id });
  t.equal((await agentState(ctx, 1)).state, 'wrap-up');
});

t.test('a citizen who is busy: the agent is told, the callback stays on the list, the agent is free', async (t) => {
  const { ctx, agent, callback, heard } = await owed(t);
  await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, agent);
  const agentLeg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.answerLeg(agentLeg.id);
  const citizenLeg = await ctx.asterisk.waitForOriginate(`PJSIP/${CITIZEN}@carrier`);
  ctx.asterisk.rejectLeg(citizenLeg.id, 'busy');
  await until(() => heard.some((m) => m.type === 'callback-failed' && m.notice.side === 'citizen' && m.notice.reason === 'busy'), 'the agent to be told');
  await waitForGone(ctx, agentLeg.id);
  t.match(ctx.app.callLog.callback(callback.id), { status: 'pending' });
  t.equal((await agentState(ctx, 1)).state, 'available');
  t.match(await lastCall(ctx), { outcome: 'callback-failed', hangupCauseText: 'citizen: busy' });
});

t.test('the agent does not pick up their own phone: the citizen is never dialled', async (t) => {
  const { ctx, agent, callback, heard } = await owed(t);
  await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, agent);
  const agentLeg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.timeoutLeg(agentLeg.id);
  await until(() => heard.some((m) => m.type === 'callback-failed' && m.notice.side === 'agent'), 'the agent to be told');
  t.notOk(ctx.asterisk.originated().some((l) => l.endpoint.endsWith('@carrier')), 'no call to the citizen');
  t.match(ctx.app.callLog.callback(callback.id), { status: 'pending' });
});

t.test('click-to-call refusals name the reason and change nothing', async (t) => {
  const { ctx, agent, callback } = await owed(t);
  const supervisor = await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, await ctx.userToken('supervisor'));
  t.equal(supervisor.statusCode, 403);
  t.match(supervisor.json().message, /only an agent can call back/);
  t.equal((await ctx.api({ method: 'POST', url: '/api/callbacks/999/call' }, agent)).statusCode, 404);
  const first = await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, agent);
  t.equal(first.statusCode, 202);
  const again = await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, agent);
  t.equal(again.statusCode, 409, 'an agent on a call back cannot start another');
  t.match(again.json().message, /Agent 1 is on-call/);
  const offline = await ctx.api({ method: 'POST', url: `/api/callbacks/${callback.id}/call` }, await ctx.userToken('agent', 2));
  t.equal(offline.statusCode, 409, 'a signed-out agent cannot call back');
});
