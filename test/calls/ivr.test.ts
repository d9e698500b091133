import t from 'tap';
import { build } from '../helpers/app.js';
import { bridgeOf, call, finishPrompt, lastCall, publishFastMenu, sound, waitForGone, waitForPrompt } from '../helpers/calls.js';

const path = (c: { ivrPath: Array<{ nodeId: string; key: string | null }> }) => c.ivrPath.map((s) => `${s.nodeId}:${s.key ?? '-'}`);

t.test('each menu key leads to its queue', async (t) => {
  const ctx = await build(t);
  for (const [key, queue, prompt] of [
    ['1', 'general', 'transferring'],
    ['2', 'foreign-language', 'transferring-en'],
    ['3', 'enterprise', 'transferring-enterprise'],
    ['0', 'general', 'transferring'],
  ] as const) {
    const citizen = await call(ctx);
    ctx.asterisk.press(citizen, key);
    await finishPrompt(ctx, citizen, sound(prompt));
    await ctx.asterisk.waitFor(() => bridgeOf(ctx, citizen)?.id === `queue-${queue}`, 2000, `caller in queue ${queue}`);
    t.pass(`key ${key} → queue ${queue}`);
    ctx.asterisk.hangup(citizen);
    await waitForGone(ctx, citizen);
  }
});

t.test('a key stops the welcome prompt at once (barge-in)', async (t) => {
  const ctx = await build(t);
  const citizen = await call(ctx);
  const welcome = ctx.asterisk.playbacksOn(citizen)[0]!;
  const before = ctx.asterisk.requests.length;
  ctx.asterisk.press(citizen, '1');
  await ctx.asterisk.waitForRequest('DELETE', `/ari/playbacks/${welcome.id}`, 2000, before);
  await waitForPrompt(ctx, citizen, sound('transferring'));
  t.pass('the prompt was stopped and the next one started');
});

t.test('9 repeats the menu', async (t) => {
  const ctx = await build(t);
  const citizen = await call(ctx);
  ctx.asterisk.press(citizen, '9');
  await ctx.asterisk.waitFor(() => ctx.asterisk.played(citizen).filter((m) => m === sound('welcome')).length === 2, 2000, 'welcome twice');
  ctx.asterisk.hangup(citizen);
  const c = await lastCall(ctx);
  t.same(path(c), ['main:-', 'main:9']);
  t.match(c, { outcome: 'abandoned-in-ivr' });
});

t.test('silence: retry prompts, then after 3 tries the operator queue', async (t) => {
  const ctx = await build(t);
  await publishFastMenu(ctx);
  const citizen = await call(ctx);
  await finishPrompt(ctx, citizen, sound('welcome'));
  for (let i = 0; i < 2; i += 1) await finishPrompt(ctx, citizen, sound('no-input'), 3000);
  await finishPrompt(ctx, citizen, sound('transferring'));
  await ctx.asterisk.waitFor(() => bridgeOf(ctx, citizen)?.id === 'queue-general', 3000, 'caller in general');
  ctx.asterisk.hangup(citizen);
  const c = await lastCall(ctx);
  t.same(path(c), ['main:-', 'operator:-']);
  t.match(c, { outcome: 'abandoned-in-queue', queue: 'general' });
});

t.test('invalid keys: a retry prompt each, then the fallback', async (t) => {
  const ctx = await build(t);
  const citizen = await call(ctx);
  ctx.asterisk.press(citizen, '7');
  await waitForPrompt(ctx, citizen, sound('invalid-key'));
  ctx.asterisk.press(citizen, '8');
  await ctx.asterisk.waitFor(() => ctx.asterisk.played(citizen).filter((m) => m === sound('invalid-key')).length === 2, 2000, 'second invalid prompt');
  ctx.asterisk.press(citizen, '*');
  await waitForPrompt(ctx, citizen, sound('transferring'));
  ctx.asterisk.hangup(citizen);
  t.same(path(await lastCall(ctx)), ['main:-', 'operator:-']);
});

t.test('ticket progress: the number is read back with its status', async (t) => {
  const ctx = await build(t);
  ctx.app.ticketsRepository.create({ number: '20261124', caller: '13900000000', status: 'handling', title: '小区路灯不亮' });
  const citizen = await call(ctx);
  ctx.asterisk.press(citizen, '4');
  await waitForPrompt(ctx, citizen, sound('enter-ticket-number'));
  ctx.asterisk.press(citizen, '20261124#');
  await waitForPrompt(ctx, citizen, sound('ticket-status-intro'));
  await ctx.asterisk.waitFor(() => ctx.asterisk.played(citizen).includes(sound('ticket-status-handling')) || ctx.asterisk.playbacksOn(citizen).length > 0, 2000, 'status');
  ctx.asterisk.finishPlaybacksOn(citizen);
  await waitForPrompt(ctx, citizen, sound('welcome'));
  const heard = ctx.asterisk.played(citizen);
  const readBack = heard.slice(heard.indexOf(sound('ticket-status-intro')));
  t.same(readBack.slice(0, 10), [
    sound('ticket-status-intro'),
    ...[...'20261124'].map((d) => sound(`digit-${d}`)),
    sound('ticket-status-handling'),
  ]);
  ctx.asterisk.hangup(citizen);
  const c = await lastCall(ctx);
  t.same(path(c), ['main:-', 'ticket-progress:4', 'main:-']);
  t.match(c.events.find((e: { type: string }) => e.type === 'ivr-action'), { data: { action: 'ticket-progress', digits: '20261124' } });
});

t.test('ticket progress: an unknown number says so and returns to the menu', async (t) => {
  const ctx = await build(t);
  const citizen = await call(ctx);
  ctx.asterisk.press(citizen, '4');
  await waitForPrompt(ctx, citizen, sound('enter-ticket-number'));
  ctx.asterisk.press(citizen, '999999#');
  await finishPrompt(ctx, citizen, sound('ticket-not-found'));
  await waitForPrompt(ctx, citizen, sound('welcome'));
  ctx.asterisk.hangup(citizen);
  t.same(path(await lastCall(ctx)), ['main:-', 'ticket-progress:4', 'main:-']);
});

t.test('the citizen hangs up mid-prompt: the call log is closed, nothing is left running', async (t) => {
  const ctx = await build(t);
  const citizen = await call(ctx);
  ctx.asterisk.hangup(citizen);
  const c = await lastCall(ctx);
  t.match(c, { outcome: 'abandoned-in-ivr', phase: 'ended', hangupCause: 16 });
  t.same(ctx.app.callFlow.liveCalls(), []);
});

t.test('a refused ARI request mid-menu does not strand the caller: they go to the general queue', async (t) => {
  const ctx = await build(t);
  const telephony = ctx.app.telephony;
  const stopPlayback = telephony.stopPlayback.bind(telephony);
  let failures = 0;
  telephony.stopPlayback = async (id) => {
    if (failures++ === 0) throw new Error('Asterisk refused: simulated');
    return stopPlayback(id);
  };
  const citizen = await call(ctx);
  ctx.asterisk.press(citizen, '3');
  await ctx.asterisk.waitFor(() => bridgeOf(ctx, citizen)?.id === 'queue-general', 2000, 'the caller in the general queue');
  ctx.asterisk.hangup(citizen);
  const c = await lastCall(ctx);
  t.match(c.events.find((e: { type: string }) => e.type === 'step-failed'), { data: { phase: 'ivr', error: /simulated/ } });
  t.match(c, { queue: 'general', outcome: 'abandoned-in-queue' });
});
