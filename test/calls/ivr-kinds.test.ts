import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { bridgeOf, finishPrompt, lastCall, sound, until, waitForBridged, waitForGone, waitForPrompt } from '../helpers/calls.js';
import { beijing, kindsMenu } from '../helpers/menus.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';

const TARGET = 'PJSIP/12315@linkage';
const en = (name: string) => `sound:hotline/en/${name}`;
const path = (c: { ivrPath: Array<{ nodeId: string; key: string | null }> }) => c.ivrPath.map((s) => `${s.nodeId}:${s.key ?? '-'}`);
const eventTypes = (c: { events: Array<{ type: string }> }, prefix: string) => c.events.map((e) => e.type).filter((type) => type.startsWith(prefix));

/** The service on a clock the test sets, with the menu of every node kind published. */
async function hotline(t: Test, local: string, options: { databasePath?: string; asterisk?: FakeAsterisk } = {}) {
  const clock = { now: beijing(local) };
  const ctx = await build(t, { ...options, clock: () => clock.now, env: { RECORDINGS_DIR: mkdtempSync(join(tmpdir(), 'hotline-msg-')) } });
  const res = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: kindsMenu() });
  if (res.statusCode !== 200) throw new Error(`menu refused: ${res.body}`);
  return { ctx, clock };
}

/** 2025's National Day: Wednesday 1 October off, Saturday 11 October worked (调休). */
async function nationalDay(ctx: TestContext) {
  const current = (await ctx.api({ method: 'GET', url: '/api/calendars/default' })).json();
  const overrides = [
    { date: '2025-10-01', kind: 'holiday', label: '国庆节' },
    { date: '2025-10-11', kind: 'working-day', label: '国庆调休', hours: current.weekly.mon },
  ];
  const res = await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: { weekly: current.weekly, overrides } });
  if (res.statusCode !== 200) throw new Error(`calendar refused: ${res.body}`);
}

function dial(ctx: TestContext, caller = '13800001234') {
  return ctx.asterisk.placeCall({ caller }).id;
}

t.test('business hours on a moved holiday: closed on a Wednesday off, open on the Saturday worked', async (t) => {
  const { ctx, clock } = await hotline(t, '2025-10-01T10:00:00');
  await nationalDay(ctx);
  const holiday = dial(ctx);
  await waitForPrompt(ctx, holiday, sound('after-hours'));
  ctx.asterisk.hangup(holiday);
  t.same(path(await lastCall(ctx)), ['hours:-', 'after-hours:-']);

  clock.now = beijing('2025-10-11T10:00:00');
  const worked = dial(ctx);
  await waitForPrompt(ctx, worked, sound('welcome'));
  ctx.asterisk.hangup(worked);
  t.same(path(await lastCall(ctx)), ['hours:-', 'main:-']);
});

t.test('out of hours the caller leaves a message: recorded, ended by #, thanked, on the callback list with its recording', async (t) => {
  const { ctx } = await hotline(t, '2025-10-04T20:00:00');
  const citizen = dial(ctx, '13912345678');
  await finishPrompt(ctx, citizen, sound('after-hours'));
  const message = await ctx.asterisk.waitFor(() => ctx.asterisk.recordings().live.find((r) => r.target === `channel:${citizen}` && r.state === 'recording'), 2000, 'the message recording');
  await new Promise((r) => setTimeout(r, 200));
  ctx.asterisk.press(citizen, '#');
  await finishPrompt(ctx, citizen, sound('message-thanks'));
  await waitForGone(ctx, citizen);
  t.notOk(ctx.asterisk.recordings().live.some((r) => r.name === message.name), '# ended the recording');

  const call = await lastCall(ctx);
  t.match(call, { outcome: 'message-left', phase: 'ended' });
  t.same(path(call), ['hours:-', 'after-hours:-']);
  await until(() => ctx.app.recordings.storedOf(call.id) !== null, 'the message to be stored');
  const callbacks = (await ctx.api({ method: 'GET', url: '/api/callbacks' }, await ctx.userToken('agent', 1))).json();
  t.match(callbacks, [{ callId: call.id, number: '13912345678', reason: 'ivr-message', recordingId: ctx.app.recordings.storedOf(call.id) }]);
});

t.test('a caller who hangs up mid-message is still called back', async (t) => {
  const { ctx } = await hotline(t, '2025-10-04T20:00:00');
  const citizen = dial(ctx);
  await finishPrompt(ctx, citizen, sound('after-hours'));
  await ctx.asterisk.waitFor(() => ctx.asterisk.recordings().live.some((r) => r.state === 'recording'), 2000, 'the message recording');
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'message-left' });
  t.match(ctx.app.callLog.pendingCallbacks(), [{ callId: call.id, reason: 'ivr-message' }]);
});

t.test('a language switch: every later prompt, queue announcements included, is English, and survives a restart', async (t) => {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const { ctx } = await hotline(t, '2025-09-30T10:00:00', { asterisk, databasePath });
  const citizen = dial(ctx);
  await waitForPrompt(ctx, citizen, sound('welcome'));
  ctx.asterisk.press(citizen, '2');
  await finishPrompt(ctx, citizen, en('welcome'));
  await until(() => ctx.app.callLog.get(ctx.app.callFlow.liveCalls()[0]!.id)?.language === 'en', 'the call log to record English');
  await ctx.app.close();

  // The service restarts mid-menu: the caller starts the menu again, still in English.
  const second = await build(t, { asterisk, databasePath, clock: () => beijing('2025-09-30T10:05:00') });
  await waitForPrompt(second, citizen, en('welcome'));
  second.asterisk.press(citizen, '1');
  await finishPrompt(second, citizen, en('transferring'));
  await waitForPrompt(second, citizen, en('queue-position-before'));
  second.asterisk.hangup(citizen);
  const call = await lastCall(second);
  t.match(call, { language: 'en', outcome: 'abandoned-in-queue' });
  t.ok(call.events.some((e: { type: string; data: { language?: string } }) => e.type === 'language-set' && e.data.language === 'en'));
  t.notOk(asterisk.played(citizen).slice(asterisk.played(citizen).indexOf(en('welcome'))).some((m) => m.includes('/zh/')), 'nothing in Mandarin after the switch');
});

t.test('transfer answered: music while 12315 rings, then both bridged; the call ends as a transfer', async (t) => {
  const { ctx } = await hotline(t, '2025-09-30T10:00:00');
  const citizen = dial(ctx, '13800009999');
  await waitForPrompt(ctx, citizen, sound('welcome'));
  ctx.asterisk.press(citizen, '5');
  await finishPrompt(ctx, citizen, sound('transferring-linkage'));
  const leg = await ctx.asterisk.waitForOriginate(TARGET);
  t.equal(leg.caller.number, '13800009999', '12315 sees the citizen’s number');
  t.equal(leg.timeoutSeconds, 30, 'rings for the target’s timeout');
  await ctx.asterisk.waitFor(() => ctx.asterisk.channel(citizen)?.moh, 2000, 'music for the caller');

  ctx.asterisk.answerLeg(leg.id);
  const bridge = await waitForBridged(ctx, citizen, leg.id);
  t.equal(bridge.type, 'mixing');
  t.notOk(ctx.asterisk.channel(citizen)?.moh, 'the music stops');
  ctx.asterisk.press(citizen, '1');
  await new Promise((r) => setTimeout(r, 50));
  t.equal(bridgeOf(ctx, citizen)?.id, bridge.id, 'keys while talking do not reach the menu');

  ctx.asterisk.hangup(leg.id);
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'transferred' });
  t.same(path(call), ['hours:-', 'main:-', 'to-12315:5']);
  t.same(eventTypes(call, 'ivr-transfer'), ['ivr-transfer-dialing', 'ivr-transfer-connected']);
  t.notOk(ctx.asterisk.bridges().some((b) => b.id === bridge.id), 'the bridge is gone');
});

t.test('transfer answered, then the caller hangs up: 12315 is hung up too', async (t) => {
  const { ctx } = await hotline(t, '2025-09-30T10:00:00');
  const citizen = dial(ctx);
  await waitForPrompt(ctx, citizen, sound('welcome'));
  ctx.asterisk.press(citizen, '5');
  await finishPrompt(ctx, citizen, sound('transferring-linkage'));
  const leg = await ctx.asterisk.waitForOriginate(TARGET);
  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  t.match(await lastCall(ctx), { outcome: 'transferred' });
});

t.test('transfer failing: busy, then no answer, each back to the menu (the fallback)', async (t) => {
  const { ctx } = await hotline(t, '2025-09-30T10:00:00');
  const citizen = dial(ctx);
  await waitForPrompt(ctx, citizen, sound('welcome'));
  for (const fail of [(id: string) => ctx.asterisk.rejectLeg(id, 'busy'), (id: string) => ctx.asterisk.timeoutLeg(id)]) {
    ctx.asterisk.press(citizen, '5');
    await finishPrompt(ctx, citizen, sound('transferring-linkage'));
    const leg = await ctx.asterisk.waitForOriginate(TARGET);
    await ctx.asterisk.waitFor(() => ctx.asterisk.channel(citizen)?.moh, 2000, 'music for the caller');
    fail(leg.id);
    await waitForPrompt(ctx, citizen, sound('welcome'));
    t.notOk(ctx.asterisk.channel(citizen)?.moh, 'the music stops');
  }
  ctx.asterisk.press(citizen, '1');
  await finishPrompt(ctx, citizen, sound('transferring'));
  await ctx.asterisk.waitFor(() => bridgeOf(ctx, citizen)?.id === 'queue-general', 2000, 'the caller in the general queue');
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.same(path(call), ['hours:-', 'main:-', 'to-12315:5', 'main:-', 'to-12315:5', 'main:-', 'general:1']);
  t.same(
    call.events.filter((e: { type: string }) => e.type === 'ivr-transfer-failed').map((e: { data: { reason: string } }) => e.data.reason),
    ['busy', 'no-answer'],
  );
  t.match(call, { outcome: 'abandoned-in-queue' });
});

t.test('a restart during a transfer: a ringing target is hung up and the menu starts again; a connected one talks on', async (t) => {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const { ctx } = await hotline(t, '2025-09-30T10:00:00', { asterisk, databasePath });
  const toTarget = async (caller: string) => {
    const citizen = dial(ctx, caller);
    await waitForPrompt(ctx, citizen, sound('welcome'));
    ctx.asterisk.press(citizen, '5');
    await finishPrompt(ctx, citizen, sound('transferring-linkage'));
    return { citizen, leg: await ctx.asterisk.waitForOriginate(TARGET) };
  };
  const talking = await toTarget('13800000001');
  ctx.asterisk.answerLeg(talking.leg.id);
  await waitForBridged(ctx, talking.citizen, talking.leg.id);
  const ringing = await toTarget('13800000002');
  await ctx.app.close();

  const second = await build(t, { asterisk, databasePath, clock: () => beijing('2025-09-30T10:05:00') });
  await waitForGone(second, ringing.leg.id);
  await waitForPrompt(second, ringing.citizen, sound('welcome'));
  t.ok(bridgeOf(second, talking.citizen)?.channels.includes(talking.leg.id), 'the connected call is untouched');
  asterisk.hangup(talking.leg.id);
  await waitForGone(second, talking.citizen);
  await until(async () => {
    const items = (await second.api({ method: 'GET', url: '/api/calls?caller=13800000001' })).json().items;
    return items[0]?.outcome === 'transferred';
  }, 'the transferred call to end as a transfer');
  asterisk.hangup(ringing.citizen);
});
