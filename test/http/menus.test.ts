import t from 'tap';
import { build } from '../helpers/app.js';
import { call, finishPrompt, lastCall, sound, waitForPrompt } from '../helpers/calls.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';

t.test('the seeded menu is version 1 and listed', async (t) => {
  const ctx = await build(t);
  t.same((await ctx.api({ method: 'GET', url: '/api/menus' })).json(), [{ name: '12345', publishedVersion: 1 }]);
  t.match((await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json(), { version: 1, published: true, definition: { start: 'main' } });
  t.equal((await ctx.api({ method: 'GET', url: '/api/menus/none' })).statusCode, 404);
});

t.test('a bad menu is a 400 naming each bad node, and nothing is stored', async (t) => {
  const ctx = await build(t);
  const bad = structuredClone(defaultMenu) as unknown as { nodes: Array<Record<string, unknown>> };
  (bad.nodes[0]!.keys as Record<string, string>)['5'] = 'missing';
  bad.nodes[1]!.queue = 'vip';
  const res = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: bad });
  t.equal(res.statusCode, 400);
  t.match(res.json(), {
    code: 'INVALID_MENU',
    message: 'Invalid menu: node "main" key "5": leads to unknown node "missing" (and 1 more)',
    errors: [
      { nodeId: 'main', field: 'key "5"' },
      { nodeId: 'general', field: 'queue', message: 'node "general" queue: no such queue "vip"' },
    ],
  });
  t.same((await ctx.api({ method: 'GET', url: '/api/menus/12345/versions' })).json().map((v: { version: number }) => v.version), [1]);

  const notJson = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: '{', headers: { 'content-type': 'application/json' } });
  t.equal(notJson.statusCode, 400);
  const renamed = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: { ...defaultMenu, name: 'other' } });
  t.equal(renamed.statusCode, 400);
  t.match(renamed.json().message, /does not match/);
});

t.test('only admins publish menus', async (t) => {
  const ctx = await build(t);
  const supervisor = await ctx.userToken('supervisor');
  t.equal((await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: defaultMenu }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'GET', url: '/api/menus/12345' }, await ctx.userToken('agent', 1))).statusCode, 403);
});

t.test('a published menu takes effect for the next call; a call already in the menu keeps its version', async (t) => {
  const ctx = await build(t);
  const before = await call(ctx, '13800000001');

  const menu = structuredClone(defaultMenu);
  const main = menu.nodes.find((n) => n.id === 'main')!;
  if (main.kind === 'menu') main.keys['5'] = 'enterprise';
  const res = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: menu });
  t.match(res.json(), { version: 2, published: true });

  ctx.asterisk.press(before, '5');
  await waitForPrompt(ctx, before, sound('invalid-key'));
  t.pass('the call that started on version 1 does not know key 5');

  const after = await call(ctx, '13800000002');
  ctx.asterisk.press(after, '5');
  await finishPrompt(ctx, after, sound('transferring-enterprise'));
  ctx.asterisk.hangup(after);
  t.match(await lastCall(ctx), { menuVersion: 2, queue: 'enterprise' });
  ctx.asterisk.hangup(before);
  const versions = (await ctx.api({ method: 'GET', url: '/api/menus/12345/versions' })).json();
  t.same(versions.map((v: { version: number; published: boolean }) => [v.version, v.published]), [[2, true], [1, false]]);
});
