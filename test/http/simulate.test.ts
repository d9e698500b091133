import t from 'tap';
import { build } from '../helpers/app.js';
import { kindsMenu } from '../helpers/menus.js';
import { promptText } from '../../src/ivr/prompt-texts.js';

const simulate = (name: string, payload: object) => ({ method: 'POST' as const, url: `/api/menus/${name}/simulate`, payload });

t.test('the published menu by default: what the caller hears and where they end', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api(simulate('12345', { inputs: [{ digit: '3' }] }), await ctx.userToken('supervisor'));
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json(), {
    steps: [
      { input: null, nodeId: 'main', label: '主菜单', kind: 'menu', language: 'zh', played: [{ ref: 'welcome', text: promptText('welcome', 'zh') }], outcome: null },
      {
        input: { digit: '3' },
        nodeId: 'enterprise',
        label: '企业诉求/营商环境专线',
        kind: 'queue',
        language: 'zh',
        played: [{ ref: 'transferring-enterprise', text: promptText('transferring-enterprise', 'zh') }],
        outcome: { type: 'queue', queue: 'enterprise' },
      },
    ],
    done: true,
    waitingFor: null,
  });
});

t.test('an unsaved draft, at a chosen moment: a Saturday goes to the message node', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api(simulate('12345', { definition: kindsMenu(), at: '2025-10-04T10:00:00+08:00', inputs: [] }));
  t.equal(res.statusCode, 200, res.body);
  t.match(res.json(), { steps: [{ nodeId: 'hours' }, { nodeId: 'after-hours', outcome: { type: 'message' } }], done: true });
  const weekday = await ctx.api(simulate('12345', { definition: kindsMenu(), at: '2025-09-30T10:00:00+08:00', inputs: [{ digit: '5' }] }));
  t.match(weekday.json(), { done: false, waitingFor: 'transfer' });
  t.same((await ctx.api({ method: 'GET', url: '/api/menus/12345/versions' })).json().length, 1, 'nothing is saved');
});

t.test('a stored version by number', async (t) => {
  const ctx = await build(t);
  t.equal((await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: kindsMenu() })).statusCode, 200);
  const v1 = await ctx.api(simulate('12345', { version: 1, inputs: [] }));
  t.match(v1.json(), { steps: [{ nodeId: 'main' }], waitingFor: 'key' });
  const published = await ctx.api(simulate('12345', { at: '2025-09-30T10:00:00+08:00', inputs: [] }));
  t.match(published.json(), { steps: [{ nodeId: 'hours' }, { nodeId: 'main' }] });
  t.equal((await ctx.api(simulate('12345', { version: 9, inputs: [] }))).statusCode, 404);
  t.equal((await ctx.api(simulate('nothing', { inputs: [] }))).statusCode, 404);
});

t.test('an invalid draft is a 400 with the validator’s errors; bad inputs are refused', async (t) => {
  const ctx = await build(t);
  const draft = kindsMenu();
  Object.assign(draft.nodes.find((n) => n.id === 'to-12315')!, { target: '999' });
  const res = await ctx.api(simulate('12345', { definition: draft, inputs: [] }));
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'INVALID_MENU', errors: [{ nodeId: 'to-12315', field: 'target', message: 'node "to-12315" target: no such linkage target "999"' }] });
  t.equal((await ctx.api(simulate('12345', { inputs: [{ digit: 'x' }] }))).statusCode, 400);
  t.equal((await ctx.api(simulate('12345', { inputs: [{ transfer: 'maybe' }] }))).statusCode, 400);
  t.equal((await ctx.api(simulate('12345', { at: 'yesterday', inputs: [] }))).statusCode, 400);
  t.equal((await ctx.api(simulate('12345', { inputs: [] }), await ctx.userToken('agent', 1))).statusCode, 403);
});
