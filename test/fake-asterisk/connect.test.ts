import t from 'tap';
import { APP, connected, next } from './helpers.js';

t.test('ari-client connects, and a placed call arrives as StasisStart in Asterisk shape', async (t) => {
  const { asterisk, client } = await connected(t);
  const started = next<Record<string, any>>(client, 'StasisStart');
  const call = asterisk.placeCall({ caller: '13800001234', exten: '12345' });
  const event = await started;
  t.equal(event.type, 'StasisStart');
  t.equal(event.application, APP);
  t.match(event.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  t.ok(event.asterisk_id);
  t.same(event.args, []);
  t.match(event.channel, {
    id: call.id,
    state: 'Ring',
    caller: { name: '', number: '13800001234' },
    connected: { name: '', number: '' },
    accountcode: '',
    dialplan: { exten: '12345', app_name: 'Stasis', app_data: APP },
    language: 'en',
  });
  t.type(event.channel.creationtime, 'string');
});
