import t from 'tap';
import { build } from '../helpers/app.js';
import { agentState, callInto, finishPrompt, lastCall, loginAgents, sound, tuneQueue, until, waitForBridged, waitForGone, waitForPrompt, talkTo } from '../helpers/calls.js';

t.test('position is announced on entry and every N seconds', async (t) => {
  const ctx = await build(t);
  tuneQueue(ctx, 'general', { announceEverySeconds: 1 });
  const first = await callInto(ctx, '1', '13800000001');
  const second = await callInto(ctx, '1', '13800000002');
  const position = (n: number) => [sound('queue-position-before'), sound(`digit-${n}`), sound('queue-position-after')];
  const announcement = async (id: string) => {
    await waitForPrompt(ctx, id, sound('queue-position-before'));
    ctx.asterisk.finishPlaybacksOn(id);
    const heard = ctx.asterisk.played(id);
    return heard.slice(heard.lastIndexOf(sound('queue-position-before')));
  };
  t.same(await announcement(first), position(1), 'the first caller hears they are first');
  t.same(await announcement(second), position(2), 'the second hears they are second');
  await ctx.asterisk.waitFor(() => ctx.asterisk.played(second).filter((m) => m === sound('queue-position-before')).length === 2, 3000, 'a second announcement');
  t.pass('announced again after a second');
  const queues = (await ctx.api({ method: 'GET', url: '/api/queues/general' })).json();
  t.same(queues.waiting.map((w: { caller: string }) => w.caller), ['13800000001', '13800000002']);
  t.ok(queues.longestWaitSeconds >= 0);
});

t.test('the longest-idle agent with the skill is rung first', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 2, 1, 3);
  await callInto(ctx, '1');
  const leg = await ctx.asterisk.waitForOriginate();
  t.equal(leg.endpoint, 'PJSIP/1002');
  t.match(leg.appArgs, ['agent-leg', /.+/, '2'], 'the leg carries its role, call and agent');
});

t.test('an agent who does not answer is paused and the next agent is rung; the caller notices nothing', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1, 2);
  const citizen = await callInto(ctx, '1');
  const first = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.timeoutLeg(first.id);
  const second = await ctx.asterisk.waitForOriginate('PJSIP/1002');
  t.match(await agentState(ctx, 1), { state: 'paused', pauseReason: 'no-answer' });
  t.equal(ctx.asterisk.channel(citizen)?.bridgeId, 'queue-general', 'the caller still waits with music');
  ctx.asterisk.answerLeg(second.id);
  await waitForBridged(ctx, citizen, second.id);
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { agentId: 2, outcome: 'completed' });
  t.same(call.events.filter((e: { type: string }) => e.type.startsWith('agent-')).map((e: { type: string; data: { agentId: number } }) => [e.type, e.data.agentId]), [
    ['agent-offered', 1],
    ['agent-no-answer', 1],
    ['agent-offered', 2],
    ['agent-answered', 2],
  ]);
});

t.test('a busy agent phone counts as no answer', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  await callInto(ctx, '1');
  ctx.asterisk.rejectLeg((await ctx.asterisk.waitForOriginate('PJSIP/1001')).id, 'busy');
  await until(async () => (await agentState(ctx, 1)).state === 'paused', 'agent paused');
  t.match(await agentState(ctx, 1), { pauseReason: 'no-answer' });
});

t.test('a caller waits until an agent becomes available', async (t) => {
  const ctx = await build(t);
  const citizen = await callInto(ctx, '1');
  t.same(ctx.asterisk.originated(), [], 'nobody is rung while no agent is available');
  await loginAgents(ctx, 4);
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1004');
  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  t.pass();
});

t.test('the caller hangs up while the agent rings: the leg is hung up and the agent is free again', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const citizen = await callInto(ctx, '1');
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'abandoned-in-queue', agentId: null });
  t.match(await agentState(ctx, 1), { state: 'available', currentCallId: null });
});

t.test('the caller hangs up while waiting', async (t) => {
  const ctx = await build(t);
  const citizen = await callInto(ctx, '3');
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'abandoned-in-queue', queue: 'enterprise' });
  t.ok(call.waitMs >= 0);
  t.same((await ctx.api({ method: 'GET', url: '/api/queues/enterprise' })).json().waiting, []);
});

t.test('past the maximum wait the caller is told the hotline will call back, and a callback is recorded', async (t) => {
  const ctx = await build(t);
  tuneQueue(ctx, 'general', { maxWaitSeconds: 1 });
  const citizen = await callInto(ctx, '1', '13912345678');
  await waitForPrompt(ctx, citizen, sound('queue-position-before'));
  ctx.asterisk.finishPlaybacksOn(citizen);
  await finishPrompt(ctx, citizen, sound('queue-overflow-callback'), 3000);
  // They may leave a message after the tone; # (here: the recording's end) closes it politely.
  const message = await ctx.asterisk.waitFor(() => ctx.asterisk.recordings().live.find((r) => r.target === `channel:${citizen}`), 2000, 'the message recording');
  await new Promise((r) => setTimeout(r, 200));
  ctx.asterisk.stopRecording(message.name);
  await finishPrompt(ctx, citizen, sound('message-thanks'));
  await waitForGone(ctx, citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'overflowed', queue: 'general' });
  t.same(ctx.app.callLog.pendingCallbacks().map((c) => [c.number, c.queue, c.callId]), [['13912345678', 'general', call.id]]);
  await until(() => ctx.app.recordings.storedOf(call.id) !== null, 'the message to be stored');
  const [callback] = (await ctx.api({ method: 'GET', url: '/api/callbacks' }, await ctx.userToken('agent', 2))).json();
  t.equal(callback.recordingId, ctx.app.recordings.storedOf(call.id), 'the callback list links the message');
  const heard = await ctx.api({ method: 'GET', url: `/api/recordings/${callback.recordingId}` }, await ctx.userToken('agent', 3));
  t.equal(heard.statusCode, 200, 'any agent may hear a message left for a call back');
  t.ok(heard.rawPayload.length > 44, 'with the caller’s audio');
});

t.test('an agent cannot log out while on a call', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const res = await ctx.api({ method: 'POST', url: '/api/agents/1/logout' });
  t.equal(res.statusCode, 409);
  t.match(res.json().message, /on-call and cannot log out/);
  await waitForPrompt(ctx, citizen, /./, 100).catch(() => undefined);
});
