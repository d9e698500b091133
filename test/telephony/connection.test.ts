import t from 'tap';
import ari from 'ari-client';
import { APP, kindOf, setup } from './helpers.js';

t.test('connects once Asterisk comes up, after failing at first', async (t) => {
  const { asterisk, telephony, next } = await setup(t, { startAsterisk: false });
  await new Promise((r) => setTimeout(r, 100));
  t.equal(telephony.connected, false);
  const up = next('connection');
  await asterisk.start();
  t.same(await up, { type: 'connection', connected: true });
  t.equal(telephony.connected, true);
});

t.test('an Asterisk restart on the same port: disconnected, then connected again', async (t) => {
  const { asterisk, telephony, next, events } = await setup(t);
  const down = next('connection');
  await asterisk.stop();
  t.same(await down, { type: 'connection', connected: false });
  t.equal(await kindOf(telephony.answer('x')), 'unavailable');
  await new Promise((r) => setTimeout(r, 300));
  const up = next('connection');
  await asterisk.start();
  t.same(await up, { type: 'connection', connected: true });
  const entered = next('channel-entered');
  asterisk.placeCall({ caller: '13800001234' });
  t.ok(await entered, 'events flow on the new connection');
  t.same(events.filter((e) => e.type === 'connection').map((e) => e.type === 'connection' && e.connected), [true, false, true]);
});

t.test('a dropped WebSocket reconnects and the operations work again', async (t) => {
  const { asterisk, telephony, next } = await setup(t);
  const down = next('connection');
  const up = next('connection', (e) => e.connected);
  asterisk.dropWebSockets();
  t.same(await down, { type: 'connection', connected: false });
  await up;
  const call = asterisk.placeCall({ caller: '13800001234' });
  await telephony.answer(call.id);
  t.equal(call.state, 'Up');
});

t.test('wrong credentials, or an Asterisk still booting: no crash, and it keeps trying', async (t) => {
  // ari-client would let swagger-client throw an uncaught exception on these answers.
  const wrong = await setup(t, { adapterPassword: 'wrong' });
  const booting = await setup(t, { startAsterisk: false });
  booting.asterisk.booting = true;
  await booting.asterisk.start();
  await new Promise((r) => setTimeout(r, 300));
  t.equal(wrong.telephony.connected, false);
  t.same(wrong.asterisk.apps(), []);
  t.equal(booting.telephony.connected, false);
  const up = booting.next('connection');
  booting.asterisk.booting = false;
  t.same(await up, { type: 'connection', connected: true });
});

t.test('replaced by another connection for the app: disconnected for good', async (t) => {
  const { asterisk, telephony, next } = await setup(t);
  const down = next('connection');
  const other = await ari.connect(asterisk.url, 'ari', 'secret');
  t.teardown(() => other.stop());
  await other.start(APP);
  t.same(await down, { type: 'connection', connected: false });
  await new Promise((r) => setTimeout(r, 300));
  t.equal(telephony.connected, false, 'it does not take the app back');
});
