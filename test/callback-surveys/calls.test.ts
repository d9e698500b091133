import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { build } from '../helpers/app.js';
import { finishPrompt, sound, until, waitForGone, waitForPrompt } from '../helpers/calls.js';
import { cst, goodReply, ticketWorld, type TicketWorld } from '../helpers/tickets.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';

const CITIZEN = '13912345678';
const CARRIER = `PJSIP/${CITIZEN}@carrier`;
const INTRO = sound('callback-survey-intro');
const THANKS = sound('survey-thanks');
// Dialled by the test's tick, not the timer; a second to key, so silence scenarios are short.
const env = { CALLBACK_SURVEY_INTERVAL_MS: '0', POST_CALL_SURVEY_TIMEOUT_SECONDS: '1' };

/** A complaint dispatched to 市场监管局, replied to and accepted by the supervisor: completed, its survey opened. */
async function completed(w: TicketWorld): Promise<string> {
  const number = await w.intake();
  await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market] });
  await w.act(number, 'sign-for', w.tokens.market);
  await w.act(number, 'reply', w.tokens.market, { text: goodReply });
  const accepted = await w.act(number, 'accept', w.tokens.supervisor);
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
  return number;
}

async function surveyWorld(t: Test, extra: Record<string, string> = {}) {
  const w = await ticketWorld(t, { ...env, ...extra });
  await until(() => w.ctx.app.callbackSurveyCalls.ready, 'the survey calls to be reconciled with Asterisk');
  return w;
}

async function events(w: TicketWorld, number: string) {
  return (await w.ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json() as Array<{ action: string; by: string | null; note: string | null; detail: Record<string, unknown>; from: string; to: string }>;
}

/** The scheduler dials; the citizen's phone rings from 12345 and they pick up and hear who calls. */
async function answered(w: TicketWorld) {
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1, 'one call placed');
  const leg = await w.ctx.asterisk.waitForRinging(CARRIER);
  w.ctx.asterisk.answerLeg(leg.id);
  await waitForPrompt(w.ctx, leg.id, INTRO);
  return leg;
}

t.test('the citizen keys 1: the ticket is called back as 满意 and closed by the service, every step on the ticket', async (t) => {
  const w = await surveyWorld(t);
  const number = await completed(w);
  t.match((await w.ticket(number)).callbackSurvey, { status: 'pending', attempts: 0, maxAttempts: 3, nextAttemptAt: cst('2026-11-24T09:00:00'), calls: [] });
  const accept = (await events(w, number)).find((e) => e.action === 'accept')!;
  t.match(accept.detail, { callbackSurvey: { status: 'pending' } }, 'opened in the transaction that completed the ticket');

  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1);
  const leg = await w.ctx.asterisk.waitForRinging(CARRIER);
  t.equal(leg.caller.number, '12345', 'the citizen sees the hotline calling');
  t.match((await w.ticket(number)).callbackSurvey, { status: 'calling', attempts: 1 });
  w.ctx.asterisk.answerLeg(leg.id);
  const intro = await waitForPrompt(w.ctx, leg.id, INTRO);
  t.equal(intro.next_media_uri, sound('survey-ask'), 'the question follows the introduction');
  w.ctx.asterisk.press(leg.id, '1');
  await finishPrompt(w.ctx, leg.id, THANKS);
  await waitForGone(w.ctx, leg.id);
  await w.ctx.app.callbackSurveyCalls.settled();

  const ticket = await w.ticket(number);
  t.equal(ticket.status, 'closed');
  t.match(ticket.callbackSurvey, { status: 'done', result: 'satisfied', attempts: 1, lastFailure: null, calls: [{ key: '1', failure: null }] });
  t.ok(ticket.callbackSurvey.calls[0].answeredAt, 'the answer is written on the call');
  const survey = (await events(w, number)).filter((e) => e.action.startsWith('callback'));
  t.match(survey, [
    { action: 'callback-survey-call', by: null, from: 'completed', to: 'completed', detail: { attempt: 1, of: 3 } },
    { action: 'callback', by: null, from: 'completed', to: 'closed', note: '智能回访：满意（按1）', detail: { result: 'satisfied', key: '1', attempt: 1 } },
  ]);
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0, 'nothing left to call');
});

t.test('the citizen keys 3: the ticket is reopened for the hotline to handle again', async (t) => {
  const w = await surveyWorld(t);
  const number = await completed(w);
  const leg = await answered(w);
  w.ctx.asterisk.press(leg.id, '3');
  await finishPrompt(w.ctx, leg.id, THANKS);
  await waitForGone(w.ctx, leg.id);
  await w.ctx.app.callbackSurveyCalls.settled();
  const ticket = await w.ticket(number);
  t.equal(ticket.status, 'reopened');
  t.match(ticket.callbackSurvey, { status: 'done', result: 'dissatisfied' });
  t.match((await events(w, number)).at(-1), { action: 'callback', from: 'completed', to: 'reopened', note: '智能回访：不满意（按3）' });
});

t.test('busy at first: tried again after the retry delay, answered, 基本满意', async (t) => {
  const w = await surveyWorld(t);
  const number = await completed(w);
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1);
  w.ctx.asterisk.rejectLeg((await w.ctx.asterisk.waitForRinging(CARRIER)).id, 'busy');
  await until(async () => (await w.ticket(number)).callbackSurvey.status === 'pending', 'the attempt to fail');
  t.match((await w.ticket(number)).callbackSurvey, { attempts: 1, lastFailure: 'busy', nextAttemptAt: cst('2026-11-24T10:00:00'), calls: [{ failure: 'busy', key: null }] });
  t.match((await events(w, number)).at(-1), { action: 'callback-survey-failed', by: null, note: null, detail: { attempt: 1, reason: 'busy', retryAt: cst('2026-11-24T10:00:00') } });
  w.setNow('2026-11-24T09:59:00');
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0, 'not before the retry delay');

  w.setNow('2026-11-24T10:00:00');
  const leg = await answered(w);
  w.ctx.asterisk.press(leg.id, '2');
  await finishPrompt(w.ctx, leg.id, THANKS);
  await waitForGone(w.ctx, leg.id);
  await w.ctx.app.callbackSurveyCalls.settled();
  const ticket = await w.ticket(number);
  t.equal(ticket.status, 'closed');
  t.match(ticket.callbackSurvey, { status: 'done', result: 'basically-satisfied', attempts: 2, calls: [{ failure: 'busy' }, { key: '2' }] });
});

t.test('every attempt fails (no answer, then answered without a key): failed, listed for a person to call back', async (t) => {
  const w = await surveyWorld(t, { CALLBACK_SURVEY_ATTEMPTS: '2', CALLBACK_SURVEY_RETRY_MINUTES: '30' });
  const number = await completed(w);
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1);
  w.ctx.asterisk.timeoutLeg((await w.ctx.asterisk.waitForRinging(CARRIER)).id);
  await until(async () => (await w.ticket(number)).callbackSurvey.lastFailure === 'no-answer', 'the unanswered call to count');

  w.setNow('2026-11-24T09:30:00');
  const leg = await answered(w);
  await finishPrompt(w.ctx, leg.id, /./);
  await finishPrompt(w.ctx, leg.id, sound('survey-ask'), 2500);
  await waitForGone(w.ctx, leg.id);
  await w.ctx.app.callbackSurveyCalls.settled();

  const ticket = await w.ticket(number);
  t.equal(ticket.status, 'completed', 'the ticket waits for a person’s callback');
  t.match(ticket.callbackSurvey, { status: 'failed', attempts: 2, lastFailure: 'no-key', nextAttemptAt: null, calls: [{ failure: 'no-answer' }, { failure: 'no-key' }] });
  t.match((await events(w, number)).at(-1), { action: 'callback-survey-failed', note: '智能回访未成功，请人工回访', detail: { attempt: 2, reason: 'no-key', retryAt: null } });
  w.setNow('2026-11-25T10:00:00');
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0, 'no third call');

  const list = await w.ctx.api({ method: 'GET', url: '/api/callback-surveys?status=failed' }, w.tokens.supervisor);
  t.equal(list.statusCode, 200, list.body);
  t.match(list.json(), [{ ticket: number, caller: CITIZEN, ticketStatus: 'completed', status: 'failed', attempts: 2, maxAttempts: 2 }]);
  t.same((await w.ctx.api({ method: 'GET', url: '/api/callback-surveys?status=pending' }, w.tokens.supervisor)).json(), []);
  t.equal((await w.ctx.api({ method: 'GET', url: '/api/callback-surveys' }, w.tokens.agent)).statusCode, 403, 'supervisors and admins only');
  const bad = await w.ctx.api({ method: 'GET', url: '/api/callback-surveys?status=lost' }, w.tokens.supervisor);
  t.equal(bad.statusCode, 400);
  t.match(bad.json().message, /status/);

  t.equal((await w.act(number, 'callback', w.tokens.agent, { result: 'satisfied', note: '人工回访' })).statusCode, 200, 'a person calls back');
  t.match((await w.ticket(number)).callbackSurvey, { status: 'cancelled', lastFailure: 'no-key' });
  t.same((await w.ctx.api({ method: 'GET', url: '/api/callback-surveys?status=failed' }, w.tokens.supervisor)).json(), [], 'off the list once done');
});

t.test('outside the allowed hours and days nothing is dialled; a survey opened at night waits for 09:00', async (t) => {
  const w = await surveyWorld(t);
  w.setNow('2026-11-24T20:30:00');
  const number = await completed(w);
  t.match((await w.ticket(number)).callbackSurvey, { status: 'pending', nextAttemptAt: cst('2026-11-25T09:00:00') });
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0);
  w.setNow('2026-11-25T08:59:00');
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0);
  w.setNow('2026-11-28T10:00:00');
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0, 'not on a Saturday');
  t.same(w.ctx.asterisk.originated(), [], 'nobody was dialled');
  w.setNow('2026-11-30T09:00:00');
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1, 'Monday at 09:00');
});

t.test('at most CALLBACK_SURVEY_MAX_CALLS calls at once', async (t) => {
  const w = await surveyWorld(t, { CALLBACK_SURVEY_MAX_CALLS: '1' });
  await completed(w);
  await completed(w);
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1);
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0, 'the second waits while the first is out');
  w.ctx.asterisk.rejectLeg((await w.ctx.asterisk.waitForRinging(CARRIER)).id, 'busy');
  await until(() => w.ctx.app.callbackSurveys.callingCount() === 0, 'the first call to end');
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 1, 'then the second is dialled');
});

t.test('a person calls back first: the survey is cancelled and nobody is dialled', async (t) => {
  const w = await surveyWorld(t);
  const number = await completed(w);
  t.equal((await w.act(number, 'callback', w.tokens.agent, { result: 'satisfied' })).statusCode, 200);
  t.match((await w.ticket(number)).callbackSurvey, { status: 'cancelled', attempts: 0 });
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0);
  t.same(w.ctx.asterisk.originated(), []);
});

t.test('a person calls back while the survey call is out: their result stands; the citizen’s key is kept on the call only', async (t) => {
  const w = await surveyWorld(t);
  const number = await completed(w);
  const leg = await answered(w);
  t.equal((await w.act(number, 'callback', w.tokens.agent, { result: 'satisfied' })).statusCode, 200);
  w.ctx.asterisk.press(leg.id, '3');
  await finishPrompt(w.ctx, leg.id, THANKS);
  await waitForGone(w.ctx, leg.id);
  await w.ctx.app.callbackSurveyCalls.settled();
  const ticket = await w.ticket(number);
  t.equal(ticket.status, 'closed', 'not reopened by the late key');
  t.match(ticket.callbackSurvey, { status: 'cancelled', result: null, calls: [{ key: '3', failure: null }] });
  t.equal((await events(w, number)).filter((e) => e.action === 'callback').length, 1, 'one callback: the person’s');
});

t.test('a ticket without a number to call: its survey fails at once, for a person', async (t) => {
  const w = await surveyWorld(t);
  const res = await w.ctx.api({ method: 'POST', url: '/api/tickets', payload: { caller: '12#', type: 'help', category: 'other', title: '路灯不亮', content: '小区路灯坏了。' } }, w.tokens.agent);
  const number = res.json().number as string;
  await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.housing] });
  await w.act(number, 'sign-for', w.tokens.housing);
  await w.act(number, 'reply', w.tokens.housing, { text: goodReply });
  await w.act(number, 'accept', w.tokens.supervisor);
  t.match((await w.ticket(number)).callbackSurvey, { status: 'failed', lastFailure: 'no-number', attempts: 0 });
  t.match((await events(w, number)).at(-1), { action: 'accept', detail: { callbackSurvey: { status: 'failed', reason: 'no-number' } } });
  t.equal(w.ctx.app.callbackSurveyScheduler.tick(), 0);
});

t.test('the service restarts mid-call: the call is hung up, counted as a failed attempt and tried again', async (t) => {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const w = await ticketWorld(t, env, { asterisk, databasePath });
  await until(() => w.ctx.app.callbackSurveyCalls.ready, 'reconciled');
  const number = await completed(w);
  const leg = await answered(w);
  await w.ctx.app.close();
  t.ok(asterisk.channel(leg.id), 'the citizen is still on the line while the service is away');

  const second = await build(t, { asterisk, databasePath, clock: () => cst('2026-11-24T09:05:00'), env });
  await until(() => second.app.callbackSurveyCalls.ready, 'the second service to reconcile');
  await waitForGone(second, leg.id);
  const ticket = (await second.api({ method: 'GET', url: `/api/tickets/${number}` })).json();
  t.match(ticket.callbackSurvey, { status: 'pending', attempts: 1, lastFailure: 'restart', nextAttemptAt: cst('2026-11-24T10:05:00'), calls: [{ failure: 'restart' }] });
  t.equal(second.app.callbackSurveyScheduler.tick(cst('2026-11-24T10:05:00')), 1, 'dialled again after the retry delay');
  const again = await asterisk.waitForRinging(CARRIER);
  t.not(again.id, leg.id);
});
