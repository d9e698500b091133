import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';
import { loadConfig } from '../../src/config.js';
import { agentState, bridgeOf, finishPrompt, lastCall, loginAgents, sound, talkTo, until, waitForGone, waitForPrompt } from '../helpers/calls.js';

const ASK = sound('survey-ask');
const THANKS = sound('survey-thanks');

type Event = { type: string; at: number; data: Record<string, unknown> };
const surveyEvents = (call: { events: Event[] }) => call.events.filter((e) => e.type.startsWith('survey')).map((e) => [e.type, e.data]);

/** Agent 1001 talks with a citizen, then puts the phone down: the citizen is left for the survey. */
async function agentHangsUp(ctx: TestContext) {
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const talkBridge = bridgeOf(ctx, citizen)!.id;
  ctx.asterisk.hangup(leg.id);
  return { citizen, callId, talkBridge };
}

function saveTicket(ctx: TestContext, callId: string, token: string) {
  return ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId, type: 'complaint', category: 'other', title: '小区噪音扰民' } }, token);
}

async function ticketSurvey(ctx: TestContext, number: string): Promise<unknown> {
  return (await ctx.api({ method: 'GET', url: `/api/tickets/${number}` })).json().callSurveyResult;
}

t.test('the agent hangs up: the citizen hears the survey, keys 1 during the question, hears thanks and is hung up; the ticket saved in wrap-up shows 满意', async (t) => {
  const ctx = await build(t);
  const { citizen, callId, talkBridge } = await agentHangsUp(ctx);

  const ask = await waitForPrompt(ctx, citizen, ASK);
  t.notOk(ctx.asterisk.channel(citizen)?.bridgeId, 'the citizen is out of the talk bridge');
  t.notOk(ctx.asterisk.bridges().some((b) => b.id === talkBridge), 'the talk bridge is gone');
  t.equal((await agentState(ctx, 1)).state, 'wrap-up', 'the survey does not hold the agent');
  const live = (await ctx.api({ method: 'GET', url: `/api/calls/${callId}` })).json();
  t.match(live, { phase: 'survey', surveyResult: null });

  ctx.asterisk.press(citizen, '1');
  await waitForPrompt(ctx, citizen, THANKS);
  t.notOk(ctx.asterisk.playbacksOn(citizen).some((p) => p.id === ask.id), 'the key stops the question');
  const keyed = (await ctx.api({ method: 'GET', url: `/api/calls/${callId}` })).json();
  t.match(keyed, { phase: 'survey', surveyResult: 'satisfied' }, 'written on the call as it is keyed');
  ctx.asterisk.press(citizen, '3');
  await finishPrompt(ctx, citizen, THANKS);
  await waitForGone(ctx, citizen);

  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', surveyResult: 'satisfied', agentId: 1 });
  t.same(surveyEvents(call), [['survey-started', {}], ['survey', { result: 'satisfied', key: '1' }]], 'a key during the thanks changes nothing');
  const started = call.events.find((e: Event) => e.type === 'survey-started');
  t.equal(call.talkMs, started.at - call.agentAnsweredAt, 'the talk time ends when the agent hung up, not with the survey');
  t.same(ctx.asterisk.played(citizen).slice(-2), [ASK, THANKS]);

  const ticket = await saveTicket(ctx, callId, await ctx.userToken('agent', 1));
  t.equal(ticket.statusCode, 201, ticket.body);
  t.equal(await ticketSurvey(ctx, ticket.json().number), 'satisfied');
});

t.test('a ticket saved while talking shows 基本满意 once the citizen keys 2 after the question', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const ticket = await saveTicket(ctx, callId, await ctx.userToken('agent', 1));
  t.equal(ticket.statusCode, 201, ticket.body);
  const number = ticket.json().number;
  t.equal(await ticketSurvey(ctx, number), null, 'nothing before the survey');

  ctx.asterisk.hangup(leg.id);
  await finishPrompt(ctx, citizen, ASK);
  ctx.asterisk.press(citizen, '2');
  await finishPrompt(ctx, citizen, THANKS);
  await waitForGone(ctx, citizen);
  t.match(await lastCall(ctx), { outcome: 'completed', surveyResult: 'basically-satisfied' });
  t.equal(await ticketSurvey(ctx, number), 'basically-satisfied');
});

t.test('a wrong key is noted and the question asked again; 3 then counts as 不满意', async (t) => {
  const ctx = await build(t);
  const { citizen } = await agentHangsUp(ctx);
  await waitForPrompt(ctx, citizen, ASK);
  ctx.asterisk.press(citizen, '7');
  await until(() => ctx.asterisk.played(citizen).filter((m) => m === ASK).length === 2, 'the question asked again');
  ctx.asterisk.press(citizen, '3');
  await finishPrompt(ctx, citizen, THANKS);
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.equal(call.surveyResult, 'dissatisfied');
  t.same(surveyEvents(call), [['survey-started', {}], ['survey-invalid-key', { key: '7' }], ['survey', { result: 'dissatisfied', key: '3' }]]);
});

t.test('two wrong keys: no result, no thanks, the citizen is hung up', async (t) => {
  const ctx = await build(t);
  const { citizen } = await agentHangsUp(ctx);
  await waitForPrompt(ctx, citizen, ASK);
  ctx.asterisk.press(citizen, '0');
  await until(() => ctx.asterisk.played(citizen).filter((m) => m === ASK).length === 2, 'the question asked again');
  ctx.asterisk.press(citizen, '#');
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', surveyResult: null });
  t.same(surveyEvents(call), [['survey-started', {}], ['survey-invalid-key', { key: '0' }], ['survey-invalid-key', { key: '#' }], ['survey-no-answer', { reason: 'invalid-key' }]]);
  t.notOk(ctx.asterisk.played(citizen).includes(THANKS));
});

t.test('no key after the question, twice: no result and the citizen is hung up', async (t) => {
  const ctx = await build(t, { env: { POST_CALL_SURVEY_TIMEOUT_SECONDS: '1' } });
  const { citizen, callId } = await agentHangsUp(ctx);
  await finishPrompt(ctx, citizen, ASK);
  await finishPrompt(ctx, citizen, ASK, 2500);
  await until(() => !ctx.asterisk.channel(citizen), 'the citizen hung up after the second silence', 2500);
  const call = await lastCall(ctx);
  t.match(call, { id: callId, outcome: 'completed', surveyResult: null });
  t.same(surveyEvents(call), [['survey-started', {}], ['survey-no-answer', { reason: 'timeout' }]]);
  t.same(ctx.asterisk.played(citizen).filter((m) => m === ASK || m === THANKS), [ASK, ASK]);
});

t.test('the citizen hangs up during the survey: the call is completed, with no result', async (t) => {
  const ctx = await build(t);
  const { citizen } = await agentHangsUp(ctx);
  await waitForPrompt(ctx, citizen, ASK);
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', surveyResult: null, hangupCause: 16 });
  t.same(surveyEvents(call), [['survey-started', {}], ['survey-no-answer', { reason: 'hung-up' }]]);
});

t.test('the citizen hangs up first: no survey', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', surveyResult: null });
  t.same(surveyEvents(call), []);
  t.notOk(ctx.asterisk.played(citizen).includes(ASK));
});

t.test('a citizen on hold when the agent hangs up: the music stops and the survey plays', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  t.equal((await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` })).statusCode, 200);
  await until(() => Boolean(ctx.asterisk.channel(citizen)?.moh), 'music on hold');
  ctx.asterisk.hangup(leg.id);
  await waitForPrompt(ctx, citizen, ASK);
  t.notOk(ctx.asterisk.channel(citizen)?.moh, 'no music under the question');
  const controls = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/hold` });
  t.equal(controls.statusCode, 409, 'no call controls during the survey');
  ctx.asterisk.press(citizen, '1');
  await finishPrompt(ctx, citizen, THANKS);
  t.match(await lastCall(ctx), { surveyResult: 'satisfied' });
});

t.test('POST_CALL_SURVEY=off: the citizen is hung up with the agent, as before', async (t) => {
  const ctx = await build(t, { env: { POST_CALL_SURVEY: 'off' } });
  const { citizen } = await agentHangsUp(ctx);
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'completed', surveyResult: null });
  t.same(surveyEvents(call), []);
});

t.test('a bad POST_CALL_SURVEY stops the start naming it', async (t) => {
  const env = { ARI_USER: 'ari', ARI_PASSWORD: 'secret' };
  t.throws(() => loadConfig({ ...env, POST_CALL_SURVEY: 'yes' }), /POST_CALL_SURVEY/);
  t.throws(() => loadConfig({ ...env, POST_CALL_SURVEY_TIMEOUT_SECONDS: '0' }), /POST_CALL_SURVEY_TIMEOUT_SECONDS/);
  t.match(loadConfig(env), { POST_CALL_SURVEY: 'on', POST_CALL_SURVEY_TIMEOUT_SECONDS: 8 });
});

t.test('the service restarts during a survey: the citizen is hung up and the call closed as completed, without a result', async (t) => {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const first = await build(t, { asterisk, databasePath });
  const { citizen, callId } = await agentHangsUp(first);
  await waitForPrompt(first, citizen, ASK);
  await first.app.close();

  const second = await build(t, { asterisk, databasePath });
  await waitForGone(second, citizen);
  const call = (await second.api({ method: 'GET', url: `/api/calls/${callId}` })).json();
  t.match(call, { phase: 'ended', outcome: 'completed', surveyResult: null, hangupCauseText: /survey interrupted/ });
  t.same(surveyEvents(call), [['survey-started', {}], ['survey-no-answer', { reason: 'restart' }]]);
  t.ok(call.talkMs >= 0);
});
