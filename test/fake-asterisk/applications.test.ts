import ari from 'ari-client';
import t from 'tap';
import { WebSocket } from 'ws';
import { APP, connected, next } from './helpers.js';

t.test('a second connection for the app replaces the first, which is told so', async (t) => {
  const { asterisk, client, url } = await connected(t);
  const replaced = next<Record<string, any>>(client, 'ApplicationReplaced');
  const second = await ari.connect(url, 'ari', 'secret');
  await second.start(APP);
  t.teardown(() => second.stop());
  t.match(await replaced, { type: 'ApplicationReplaced', application: APP });

  const started = next(second, 'StasisStart');
  let firstHeard = false;
  client.on('StasisStart', () => (firstHeard = true));
  asterisk.placeCall({ caller: '13800001234' });
  await started;
  t.notOk(firstHeard, 'only the newest connection hears the app');
  t.match(await second.applications.get({ applicationName: APP }), { name: APP, channel_ids: [String] });
});

t.test('the event WebSocket needs the right api_key', async (t) => {
  const { url } = await connected(t);
  const status = (key: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${url.replace('http', 'ws')}/ari/events?app=${APP}&api_key=${key}`);
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
  t.equal(await status('ari:wrong'), 401);
  t.equal(await status('ari:secret'), 101);
});

t.test('a restart on the same port forgets everything', async (t) => {
  const { asterisk, url } = await connected(t);
  asterisk.placeCall({ caller: '13800001234' });
  await asterisk.stop();
  const again = await asterisk.start();
  t.equal(again.url, url);
  t.same(asterisk.channels(), []);
});
