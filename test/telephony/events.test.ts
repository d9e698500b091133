import t from 'tap';
import { setup } from './helpers.js';

t.test('a call arrives, keys are pressed, a prompt ends, the caller hangs up', async (t) => {
  const { asterisk, telephony, next } = await setup(t);
  const entered = next('channel-entered');
  const call = asterisk.placeCall({ caller: '13800001234', exten: '12345' });
  t.match(await entered, { channel: { id: call.id, state: 'Ring', callerNumber: '13800001234', dialed: '12345', args: [] }, args: [] });

  const up = next('channel-state');
  await telephony.answer(call.id);
  t.same(await up, { type: 'channel-state', channelId: call.id, state: 'Up' });

  const digit = next('dtmf');
  call.press('5');
  t.same(await digit, { type: 'dtmf', channelId: call.id, digit: '5' });

  await telephony.play(call.id, ['sound:hotline/zh/welcome'], 'pb-1');
  await asterisk.waitForPlayback(call.id);
  const finished = next('playback-finished');
  asterisk.finishPlayback('pb-1');
  t.same(await finished, { type: 'playback-finished', playbackId: 'pb-1', channelId: call.id, failed: false });

  await telephony.play(call.id, ['sound:missing'], 'pb-2');
  await asterisk.waitForPlayback(call.id);
  const failed = next('playback-finished');
  asterisk.failPlayback('pb-2');
  t.match(await failed, { playbackId: 'pb-2', failed: true });

  const left = next('channel-left');
  call.hangup(16);
  t.same(await left, { type: 'channel-left', channelId: call.id, cause: 16, causeText: null });
});

t.test('an agent leg: answered with its args, or busy with its cause', async (t) => {
  const { asterisk, telephony, next } = await setup(t, { endpoints: ['PJSIP/1001', 'PJSIP/1002'] });
  await telephony.originate({ endpoint: 'PJSIP/1001', channelId: 'call-1-agent1', appArgs: ['agent-leg', 'call-1', '1'], callerId: '13800001234', timeoutSeconds: 15 });
  const leg = await asterisk.waitForRinging('PJSIP/1001');
  t.match(leg, { id: 'call-1-agent1', caller: { number: '13800001234' }, timeoutSeconds: 15 });
  const entered = next('channel-entered');
  asterisk.answerLeg(leg.id);
  t.match(await entered, { channel: { id: 'call-1-agent1', state: 'Up', args: ['agent-leg', 'call-1', '1'] }, args: ['agent-leg', 'call-1', '1'] });

  await telephony.originate({ endpoint: 'PJSIP/1002', channelId: 'call-1-agent2', appArgs: ['agent-leg', 'call-1', '2'], timeoutSeconds: 15 });
  const busy = next('hangup');
  asterisk.rejectLeg((await asterisk.waitForRinging('PJSIP/1002')).id, 'busy');
  t.same(await busy, { type: 'hangup', channelId: 'call-1-agent2', cause: 17, causeText: 'User busy' });
});

t.test('a listener that throws does not stop the others', async (t) => {
  const { asterisk, telephony, next } = await setup(t);
  telephony.onEvent(() => {
    throw new Error('boom');
  });
  const entered = next('channel-entered');
  asterisk.placeCall({ caller: '13800001234' });
  t.ok(await entered);
});
