import t from 'tap';
import { APP, connected, eventLog, next, waitForCount } from './helpers.js';

const originate = (channelId: string, endpoint = 'PJSIP/1001', timeout = 20) => ({
  endpoint,
  app: APP,
  appArgs: 'agent-leg,call-42',
  callerId: '"12345" <12345>',
  timeout,
  channelId,
  variables: { CALL_ID: '42' },
});

t.test('an originated leg rings, and when answered enters Stasis with its args', async (t) => {
  const { asterisk, client } = await connected(t, { endpoints: ['PJSIP/1001'] });
  const log = eventLog(client);
  const channel = await client.channels.originate(originate('leg-1'));
  t.match(channel, { id: 'leg-1', state: 'Down' });
  const leg = await asterisk.waitForOriginate('PJSIP/1001');
  t.match(leg, { id: 'leg-1', appArgs: ['agent-leg', 'call-42'], callerId: '"12345" <12345>', variables: { CALL_ID: '42' }, outcome: 'ringing' });
  await waitForCount(client, log, 3);
  t.same(log.map((e) => [e.type, e.dialstatus ?? (e.channel as { state: string }).state]), [['Dial', ''], ['ChannelStateChange', 'Ringing'], ['Dial', 'RINGING']]);

  const started = next<Record<string, any>>(client, 'StasisStart');
  asterisk.answerLeg('leg-1');
  const event = await started;
  t.same(event.args, ['agent-leg', 'call-42']);
  t.match(event.channel, { id: 'leg-1', state: 'Up', caller: { name: '12345', number: '12345' }, dialplan: { app_name: 'Stasis', app_data: `${APP},agent-leg,call-42` } });
});

t.test('a busy agent phone: hangup request with cause 17, then ChannelDestroyed', async (t) => {
  const { asterisk, client } = await connected(t);
  const ringing = next(client, 'Dial');
  await client.channels.originate(originate('leg-2'));
  await ringing;
  const destroyed = next<Record<string, any>>(client, 'ChannelDestroyed');
  asterisk.rejectLeg('leg-2', 'busy');
  t.match(await destroyed, { cause: 17, cause_txt: 'User busy', channel: { id: 'leg-2' } });
});

t.test('no answer: the originate timeout destroys the leg with cause 19', async (t) => {
  const { asterisk, client } = await connected(t);
  const destroyed = next<Record<string, any>>(client, 'ChannelDestroyed');
  await client.channels.originate(originate('leg-3', 'PJSIP/1002', 1));
  t.match(await destroyed, { cause: 19, channel: { id: 'leg-3', state: 'Ringing' } });
  t.match(asterisk.originated(), [{ id: 'leg-3', outcome: 'failed' }]);
});

t.test('an answered originated leg that hangs up still reports ChannelDestroyed', async (t) => {
  const { asterisk, client } = await connected(t);
  await client.channels.originate(originate('leg-4'));
  const started = next(client, 'StasisStart');
  asterisk.answerLeg((await asterisk.waitForOriginate()).id);
  await started;
  const log = eventLog(client);
  asterisk.hangup('leg-4');
  await waitForCount(client, log, 3);
  t.same(log.map((e) => e.type), ['ChannelHangupRequest', 'StasisEnd', 'ChannelDestroyed']);
});

t.test('originate errors are Asterisk’s', async (t) => {
  const { client } = await connected(t, { endpoints: ['PJSIP/1001'] });
  await t.rejects(client.channels.originate(originate('x', 'PJSIP/9999')), { message: '{"message":"Allocation failed"}' });
  await t.rejects(client.channels.originate(originate('x', 'nonsense')), { message: '{"message":"Invalid endpoint specified"}' });
  await client.channels.originate(originate('dup'));
  await t.rejects(client.channels.originate(originate('dup')), { message: '{"message":"Channel with given unique ID already exists"}' });
  await t.rejects(client.channels.originateWithId({ ...originate('y'), app: undefined } as never), {
    message: '{"message":"Application or extension must be specified"}',
  });
});
