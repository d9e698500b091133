import t from 'tap';
import { callIn, connected, eventLog, next, waitForCount } from './helpers.js';

t.test('channels enter a bridge; DTMF stops between two parties unless dtmf_events', async (t) => {
  const { asterisk, client } = await connected(t);
  const citizen = await callIn(asterisk, client, '13800001234');
  const agent = await callIn(asterisk, client, '1001');
  await client.bridges.createWithId({ bridgeId: 'talk', type: 'mixing', name: 'call 1' });
  const entered = next<Record<string, any>>(client, 'ChannelEnteredBridge');
  await client.bridges.addChannel({ bridgeId: 'talk', channel: [citizen.id, agent.id] });
  t.match(await entered, { bridge: { id: 'talk', bridge_type: 'mixing' }, channel: { id: citizen.id } });
  t.match(asterisk.bridge('talk'), { type: 'mixing', channels: [citizen.id, agent.id] });
  t.equal(asterisk.press(citizen.id, '1'), 0, 'native bridging hides the key from the app');

  await client.bridges.createWithId({ bridgeId: 'talk2', type: 'mixing,dtmf_events' });
  await client.bridges.addChannel({ bridgeId: 'talk2', channel: `${citizen.id},${agent.id}` });
  t.equal(asterisk.bridge('talk')?.channels.length, 0, 'the channels moved');
  t.equal(asterisk.press(citizen.id, '1'), 1);
});

t.test('a holding bridge with music; the ids in use and unknown channels are refused', async (t) => {
  const { asterisk, client } = await connected(t);
  const citizen = await callIn(asterisk, client);
  await client.bridges.createWithId({ bridgeId: 'queue-a', type: 'holding' });
  await client.bridges.startMoh({ bridgeId: 'queue-a', mohClass: 'queue' });
  await client.bridges.addChannel({ bridgeId: 'queue-a', channel: citizen.id });
  t.match(asterisk.bridge('queue-a'), { type: 'holding', moh: 'queue', channels: [citizen.id] });
  t.equal(asterisk.press(citizen.id, '0'), 1, 'a holding bridge still passes keys');
  await t.rejects(client.bridges.createWithId({ bridgeId: 'queue-a', type: 'holding' }), { message: `{"message":"Bridge with id 'queue-a' already exists"}` });
  await t.rejects(client.bridges.addChannel({ bridgeId: 'queue-a', channel: 'ghost' }), { message: '{"message":"Channel not found"}' });
  await t.rejects(client.bridges.addChannel({ bridgeId: 'nope', channel: citizen.id }), { message: '{"message":"Bridge not found"}' });
  const log = eventLog(client);
  await client.bridges.destroy({ bridgeId: 'queue-a' });
  await waitForCount(client, log, 2);
  t.same(log.map((e) => e.type), ['ChannelLeftBridge', 'BridgeDestroyed']);
});

t.test('recording a bridge stores a file; recording a bridged channel fails', async (t) => {
  const { asterisk, client } = await connected(t);
  const citizen = await callIn(asterisk, client);
  await client.bridges.createWithId({ bridgeId: 'talk', type: 'mixing,dtmf_events' });
  await client.bridges.addChannel({ bridgeId: 'talk', channel: citizen.id });
  const started = next<Record<string, any>>(client, 'RecordingStarted');
  const live = await client.bridges.record({ bridgeId: 'talk', name: 'call-42', format: 'wav' });
  t.match(live, { name: 'call-42', format: 'wav', target_uri: 'bridge:talk', state: 'queued' });
  t.equal((await started).recording.state, 'recording');
  await t.rejects(client.bridges.record({ bridgeId: 'talk', name: 'call-42', format: 'wav' }), {
    message: `{"message":"Recording 'call-42' already exists and can not be overwritten"}`,
  });
  const finished = next<Record<string, any>>(client, 'RecordingFinished');
  await client.recordings.stop({ recordingName: 'call-42' });
  t.equal((await finished).recording.state, 'done');
  t.match(await client.recordings.listStored(), [{ name: 'call-42', format: 'wav' }]);
  const file = (await client.recordings.getStoredFile({ recordingName: 'call-42' })) as unknown as Buffer;
  t.equal(file.subarray(0, 4).toString(), 'RIFF');

  const failed = next<Record<string, any>>(client, 'RecordingFailed');
  await client.channels.record({ channelId: citizen.id, name: 'solo', format: 'wav' });
  t.match((await failed).recording, { name: 'solo', state: 'failed', cause: 'Cannot record channel while in bridge' });
});
