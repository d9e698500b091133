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

t.test('wrong credentials: no crash, no connection, keeps trying', async (t) => {
  const { asterisk, telephony } = await setup(t, { adapterPassword: 'wrong' });
  await asterisk.waitFor(() => asterisk.requests.length >= 0 && false, 300).catch(() => undefined);
  t.equal(telephony.connected, false);
  t.same(asterisk.apps(), []);
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
