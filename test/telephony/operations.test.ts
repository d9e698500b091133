import t from 'tap';
import { TelephonyError } from '../../src/telephony/types.js';
import { kindOf, setup } from './helpers.js';

t.test('bridges: created once, mixing with dtmf_events, idempotent clean-up', async (t) => {
  const { asterisk, telephony } = await setup(t);
  const citizen = asterisk.placeCall({ caller: '13800001234' });
  const agent = asterisk.placeCall({ caller: '1001' });
  await telephony.createBridge('queue-general', 'holding', 'queue general');
  await telephony.createBridge('queue-general', 'holding', 'queue general');
  await telephony.startMohOnBridge('queue-general', 'default');
  await telephony.addToBridge('queue-general', [citizen.id]);
  t.match(asterisk.bridge('queue-general'), { type: 'holding', moh: 'default', channels: [citizen.id] });

  await telephony.removeFromBridge('queue-general', [citizen.id]);
  await telephony.removeFromBridge('queue-general', [citizen.id]);
  await telephony.createBridge('talk-1', 'mixing', 'call 1');
  await telephony.addToBridge('talk-1', [citizen.id, agent.id]);
  t.match(asterisk.bridge('talk-1'), { flags: 'mixing,dtmf_events', channels: [citizen.id, agent.id] });
  t.same(await telephony.listBridges(), [
    { id: 'queue-general', type: 'holding', channelIds: [] },
    { id: 'talk-1', type: 'mixing', channelIds: [citizen.id, agent.id] },
  ]);
  await telephony.destroyBridge('talk-1');
  await telephony.destroyBridge('talk-1');
  t.equal(asterisk.bridge('talk-1'), undefined);
});

t.test('channels: ringing, music, hang-up twice, and listing with Stasis args', async (t) => {
  const { asterisk, telephony } = await setup(t);
  const call = asterisk.placeCall({ caller: '13800001234' });
  await telephony.startRingingOnChannel(call.id);
  t.equal(asterisk.channel(call.id)?.ringing, true);
  await telephony.answer(call.id);
  await telephony.startMohOnChannel(call.id, 'queue');
  t.equal(asterisk.channel(call.id)?.moh, 'queue');
  await telephony.stopMohOnChannel(call.id);
  await telephony.originate({ endpoint: 'PJSIP/1001', channelId: 'leg-1', appArgs: ['agent-leg', 'c1'], timeoutSeconds: 10 });
  asterisk.answerLeg((await asterisk.waitForRinging()).id);
  await asterisk.waitFor(() => asterisk.channel('leg-1')?.app);
  t.match(await telephony.listChannels(), [
    { id: call.id, state: 'Up', callerNumber: '13800001234', dialed: '12345', args: [] },
    { id: 'leg-1', args: ['agent-leg', 'c1'] },
  ]);
  await telephony.hangup(call.id, 'normal');
  await telephony.hangup(call.id);
  await telephony.stopPlayback('never-played');
  t.equal(asterisk.channel(call.id), undefined);
});

t.test('errors are normalised into kinds', async (t) => {
  const { asterisk, telephony } = await setup(t, { endpoints: ['PJSIP/1001'] });
  await t.rejects(telephony.answer('ghost'), new TelephonyError('Channel not found', 'not-found'));
  t.equal(await kindOf(telephony.play('ghost', ['sound:x'], 'p')), 'not-found');
  t.equal(await kindOf(telephony.addToBridge('no-bridge', ['ghost'])), 'not-found');
  await telephony.originate({ endpoint: 'PJSIP/1001', channelId: 'leg-1', appArgs: [], timeoutSeconds: 10 });
  await asterisk.waitForRinging();
  await t.rejects(telephony.answer('leg-1'), { kind: 'not-found', message: 'Channel not in Stasis application' });
  t.equal(await kindOf(telephony.originate({ endpoint: 'PJSIP/1001', channelId: 'leg-1', appArgs: [], timeoutSeconds: 10 })), 'conflict');
  await t.rejects(telephony.originate({ endpoint: 'PJSIP/1099', channelId: 'leg-2', appArgs: [], timeoutSeconds: 10 }), {
    name: 'TelephonyError',
    message: 'Allocation failed',
  });
});

t.test('operations reject at once while Asterisk is not connected', async (t) => {
  const { telephony } = await setup(t, { startAsterisk: false });
  t.equal(telephony.connected, false);
  await t.rejects(telephony.answer('x'), new TelephonyError('Asterisk is not connected', 'unavailable'));
  t.equal(await kindOf(telephony.listChannels()), 'unavailable');
});
