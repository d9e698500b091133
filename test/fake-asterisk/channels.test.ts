import t from 'tap';
import { callIn, connected, eventLog, next, waitForCount } from './helpers.js';

t.test('answer changes the state to Up with ChannelStateChange', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = asterisk.placeCall({ caller: '13800001234' });
  const changed = next<Record<string, any>>(client, 'ChannelStateChange');
  await client.channels.answer({ channelId: call.id });
  t.equal((await changed).channel.state, 'Up');
  t.equal(call.state, 'Up');
});

t.test('a playback plays until finished; a second one waits behind it', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = await callIn(asterisk, client);
  const log = eventLog(client);
  const playback = await client.channels.play({ channelId: call.id, media: ['sound:hotline/zh/welcome', 'sound:hotline/zh/menu'], playbackId: 'pb-1' });
  t.match(playback, { id: 'pb-1', media_uri: 'sound:hotline/zh/welcome', target_uri: `channel:${call.id}`, state: 'queued' });
  await client.channels.play({ channelId: call.id, media: 'sound:hotline/zh/goodbye', playbackId: 'pb-2' });
  t.match(await asterisk.waitForPlayback(call.id), { id: 'pb-1', state: 'playing' });
  t.same(asterisk.playbacksOn(call.id).map((p) => [p.id, p.state]), [['pb-1', 'playing'], ['pb-2', 'queued']]);

  const finished = next<Record<string, any>>(client, 'PlaybackFinished');
  asterisk.finishPlayback('pb-1');
  t.match((await finished).playback, { id: 'pb-1', state: 'done', target_uri: `channel:${call.id}` });
  t.match(await asterisk.waitForPlayback(call.id), { id: 'pb-2', state: 'playing' });
  t.same(call.played(), ['sound:hotline/zh/welcome', 'sound:hotline/zh/menu', 'sound:hotline/zh/goodbye']);
  t.same(log.map((e) => e.type), ['PlaybackStarted', 'PlaybackContinuing', 'PlaybackFinished', 'PlaybackStarted']);
});

t.test('stopping a playback finishes it; stopping it again is 404', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = asterisk.placeCall({ caller: '13800001234' });
  await client.channels.play({ channelId: call.id, media: 'sound:x', playbackId: 'pb-1' });
  await asterisk.waitForPlayback(call.id);
  const finished = next<Record<string, any>>(client, 'PlaybackFinished');
  await client.playbacks.stop({ playbackId: 'pb-1' });
  t.equal((await finished).playback.state, 'done');
  await t.rejects(client.playbacks.stop({ playbackId: 'pb-1' }), { message: '{"message":"Playback not found"}' });
});

t.test('auto-finish plays every prompt out after the delay', async (t) => {
  const { asterisk, client } = await connected(t, { autoFinishPlaybacksMs: 5 });
  const call = asterisk.placeCall({ caller: '13800001234' });
  const finished = next<Record<string, any>>(client, 'PlaybackFinished');
  await client.channels.play({ channelId: call.id, media: 'sound:x', playbackId: 'pb-1' });
  t.equal((await finished).playback.id, 'pb-1');
});

t.test('keys pressed arrive one ChannelDtmfReceived per digit', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = await callIn(asterisk, client);
  const log = eventLog(client);
  t.equal(asterisk.press(call.id, '3#'), 2);
  await waitForCount(client, log, 2);
  t.match(log, [
    { type: 'ChannelDtmfReceived', digit: '3', duration_ms: Number, channel: { id: call.id } },
    { type: 'ChannelDtmfReceived', digit: '#' },
  ]);
});

t.test('the caller hanging up: hangup request, playback ends, leaves bridge, StasisEnd, no ChannelDestroyed', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = asterisk.placeCall({ caller: '13800001234' });
  await client.channels.answer({ channelId: call.id });
  await client.bridges.createWithId({ bridgeId: 'b1', type: 'holding' });
  await client.bridges.addChannel({ bridgeId: 'b1', channel: call.id });
  const started = next(client, 'PlaybackStarted');
  await client.channels.play({ channelId: call.id, media: 'sound:x', playbackId: 'pb-1' });
  await started;
  const log = eventLog(client);
  const ended = next(client, 'StasisEnd');
  call.hangup(16);
  await ended;
  t.same(log.map((e) => e.type), ['ChannelHangupRequest', 'PlaybackFinished', 'ChannelLeftBridge', 'StasisEnd']);
  t.equal(log[0]!.cause, 16);
  t.equal(call.state, null);
});

t.test('the app hanging up a channel: a soft hangup request with the reason as cause', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = await callIn(asterisk, client);
  const log = eventLog(client);
  const ended = next(client, 'StasisEnd');
  await client.channels.hangup({ channelId: call.id, reason: 'busy' });
  await ended;
  t.match(log, [{ type: 'ChannelHangupRequest', cause: 17, soft: true }, { type: 'StasisEnd' }]);
  await t.rejects(client.channels.hangup({ channelId: call.id }), { message: '{"message":"Channel not found"}' });
});

t.test('errors come with Asterisk status codes and messages', async (t) => {
  const { asterisk, client, url } = await connected(t);
  const auth = { authorization: `Basic ${Buffer.from('ari:secret').toString('base64')}` };
  const res = await fetch(`${url}/ari/channels/nope/answer`, { method: 'POST', headers: auth });
  t.equal(res.status, 404);
  t.same(await res.json(), { message: 'Channel not found' });
  const bad = await fetch(`${url}/ari/channels`, { headers: { authorization: `Basic ${Buffer.from('ari:wrong').toString('base64')}` } });
  t.equal(bad.status, 401);
  const missing = await fetch(`${url}/ari/channels/x/play`, { method: 'POST', headers: auth });
  t.equal(missing.status, 404);

  const call = asterisk.placeCall({ caller: '13800001234' });
  const answered = await fetch(`${url}/ari/channels/${call.id}/answer`, { method: 'POST', headers: auth });
  t.equal(answered.status, 204);
  t.equal(await answered.text(), '');
  await t.rejects(client.channels.play({ channelId: call.id } as never), { message: /media/ });
  await t.rejects(client.channels.answer({ channelId: 'gone' }), { message: '{"message":"Channel not found"}' });
  t.match(asterisk.requests.at(-1), { method: 'POST', path: '/ari/channels/gone/answer', status: 404 });
});

t.test('reset hangs up every channel and destroys every bridge, telling the app', async (t) => {
  const { asterisk, client } = await connected(t);
  const call = await callIn(asterisk, client);
  await client.bridges.createWithId({ bridgeId: 'b1', type: 'holding' });
  await client.bridges.addChannel({ bridgeId: 'b1', channel: call.id });
  const ended = next(client, 'StasisEnd');
  asterisk.reset();
  await ended;
  t.same(asterisk.channels(), []);
  t.same(asterisk.bridges(), []);
});
