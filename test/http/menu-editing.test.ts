import t from 'tap';
import { eq } from 'drizzle-orm';
import { build, type TestContext } from '../helpers/app.js';
import { call, finishPrompt, lastCall, sound, waitForPrompt } from '../helpers/calls.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';
import type { MenuDefinition } from '../../src/ivr/model.js';
import { queues } from '../../src/db/schema/index.js';

const url = (path = '') => `/api/menus/12345${path}`;

const withKey5 = (target = 'enterprise') => {
  const menu = structuredClone(defaultMenu);
  const main = menu.nodes[0]!;
  if (main.kind === 'menu') main.keys['5'] = target;
  return menu;
};

const versions = async (ctx: TestContext) =>
  (await ctx.api({ method: 'GET', url: url('/versions') })).json().map((v: { version: number; published: boolean; draft: boolean }) => `${v.version}${v.published ? ' published' : ''}${v.draft ? ' draft' : ''}`);

const audit = async (ctx: TestContext) => (await ctx.api({ method: 'GET', url: '/api/audit?entity=menu&entityId=12345' })).json();

t.test('an admin saves a draft with a broken key: it is kept, the problems are listed, calls still get version 1', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api({ method: 'PUT', url: url('/draft'), payload: withKey5('nowhere') });
  t.equal(res.statusCode, 200);
  t.match(res.json(), { version: { version: 2, draft: true, published: false, createdByName: 'admin' }, problems: [{ nodeId: 'main', field: 'key "5"' }] });
  t.same(await versions(ctx), ['2 draft', '1 published']);

  // Saving again overwrites the draft rather than piling up versions.
  const again = await ctx.api({ method: 'PUT', url: url('/draft'), payload: withKey5() });
  t.match(again.json(), { version: { version: 2, draft: true }, problems: [] });
  t.same(await versions(ctx), ['2 draft', '1 published']);
  t.match((await ctx.api({ method: 'GET', url: url() })).json(), { version: 1 });

  t.match(await audit(ctx), [
    { action: 'draft-saved', username: 'admin', detail: { version: 2, problems: 0, summary: 'changed main (keys.5)' } },
    { action: 'draft-saved', username: 'admin', detail: { version: 2, problems: 1, summary: 'changed main (keys.5)' } },
  ]);
});

t.test('garbage is not a draft: 400, and nothing is saved or logged', async (t) => {
  const ctx = await build(t);
  for (const payload of [[1, 2], { name: '12345', start: 'main', nodes: 'all of them' }, { ...defaultMenu, nodes: [{ id: 'x', kind: 'dance', label: 'x' }] }]) {
    const res = await ctx.api({ method: 'PUT', url: url('/draft'), payload });
    t.equal(res.statusCode, 400, JSON.stringify(payload));
    t.equal(res.json().code, 'INVALID_MENU');
    t.ok(res.json().errors.length);
  }
  const renamed = await ctx.api({ method: 'PUT', url: url('/draft'), payload: { ...defaultMenu, name: 'other' } });
  t.match(renamed.json(), { statusCode: 400, message: /does not match/ });
  t.equal((await ctx.api({ method: 'PUT', url: '/api/menus/none/draft', payload: { ...defaultMenu, name: 'none' } })).statusCode, 404);
  t.same(await versions(ctx), ['1 published']);
  t.same(await audit(ctx), []);
});

t.test('validate names every problem with its node and field, and stores nothing', async (t) => {
  const ctx = await build(t);
  const ok = await ctx.api({ method: 'POST', url: url('/validate'), payload: defaultMenu });
  t.same(ok.json(), { valid: true, errors: [] });
  const bad = await ctx.api({ method: 'POST', url: url('/validate'), payload: withKey5('nowhere') });
  t.same(bad.json(), { valid: false, errors: [{ nodeId: 'main', field: 'key "5"', message: 'node "main" key "5": leads to unknown node "nowhere"' }] });
  t.same(await versions(ctx), ['1 published']);
});

t.test('publishing a draft with problems is a 400 naming each node and field; nothing changes', async (t) => {
  const ctx = await build(t);
  const menu = structuredClone(defaultMenu) as unknown as { nodes: Array<Record<string, unknown>>; start: string };
  const node = (id: string) => menu.nodes.find((n) => n.id === id)!;
  (node('main').keys as Record<string, string>)['5'] = 'nowhere';
  node('main').timeoutSeconds = 0;
  node('main').invalidPrompt = ['Bad Prompt!'];
  node('general').queue = 'vip';
  node('ticket-progress').minDigits = 30;
  node('ticket-progress').maxDigits = 20;
  node('english').label = '';
  menu.nodes.push({ id: 'loop', kind: 'play', label: '循环', prompt: ['welcome'], next: 'loop' });
  await ctx.api({ method: 'PUT', url: url('/draft'), payload: menu });

  const res = await ctx.api({ method: 'POST', url: url('/publish'), payload: {} });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'INVALID_MENU', message: /^Invalid menu: node "main"/ });
  const named = res.json().errors.map((e: { nodeId: string; field: string }) => `${e.nodeId}/${e.field}`);
  t.same(named.sort(), ['english/label', 'general/queue', 'main/invalidPrompt[0]', 'main/key "5"', 'main/timeoutSeconds', 'ticket-progress/minDigits'].sort());

  // The graph is checked once every field is right: an unreachable node, a loop that never waits.
  const fields = structuredClone(defaultMenu) as MenuDefinition;
  fields.nodes.push({ id: 'loop', kind: 'play', label: '循环', prompt: ['welcome'], next: 'loop' });
  await ctx.api({ method: 'PUT', url: url('/draft'), payload: fields });
  const graph = await ctx.api({ method: 'POST', url: url('/publish'), payload: {} });
  t.match(graph.json().errors, [
    { nodeId: 'loop', field: 'id', message: /cannot be reached/ },
    { nodeId: 'loop', field: 'next', message: /goes round a loop that never waits for a key/ },
  ]);
  t.same(await versions(ctx), ['2 draft', '1 published']);
  t.notOk((await audit(ctx)).some((e: { action: string }) => e.action === 'published'));
});

t.test('a published draft is used by the next call, with no restart; the call in progress keeps its version', async (t) => {
  const ctx = await build(t);
  const before = await call(ctx, '13800000001');
  await ctx.api({ method: 'PUT', url: url('/draft'), payload: withKey5() });
  const res = await ctx.api({ method: 'POST', url: url('/publish'), payload: {} });
  t.match(res.json(), { version: 2, published: true, draft: false });
  t.same(await versions(ctx), ['2 published', '1']);

  ctx.asterisk.press(before, '5');
  await waitForPrompt(ctx, before, sound('invalid-key'));
  const after = await call(ctx, '13800000002');
  ctx.asterisk.press(after, '5');
  await finishPrompt(ctx, after, sound('transferring-enterprise'));
  ctx.asterisk.hangup(after);
  t.match(await lastCall(ctx), { menuVersion: 2, queue: 'enterprise' });
  ctx.asterisk.hangup(before);

  t.match((await ctx.api({ method: 'POST', url: url('/publish'), payload: {} })).json(), { statusCode: 400, message: /no draft/ });
  t.match((await ctx.api({ method: 'POST', url: url('/publish'), payload: { version: 2 } })).json(), { statusCode: 409 });
  t.match(await audit(ctx), [{ action: 'published', detail: { version: 2, previousVersion: 1, summary: 'changed main (keys.5)' } }, { action: 'draft-saved' }]);
});

t.test('rollback is one action: the pointer moves back, checked against today’s queues, and is logged', async (t) => {
  const ctx = await build(t);
  const vip = { title: 'VIP', announceEverySeconds: 30, maxWaitSeconds: 300, ringTimeoutSeconds: 20, wrapUpSeconds: 30, mohClass: 'default' };
  t.equal((await ctx.api({ method: 'PUT', url: '/api/queues/vip', payload: vip })).statusCode, 200);
  const usesVip = withKey5('vip-line');
  usesVip.nodes.push({ id: 'vip-line', kind: 'queue', label: 'VIP', queue: 'vip' });
  t.match((await ctx.api({ method: 'PUT', url: url(), payload: usesVip })).json(), { version: 2 });
  t.match((await ctx.api({ method: 'PUT', url: url(), payload: withKey5() })).json(), { version: 3 });

  const back = await ctx.api({ method: 'POST', url: url('/rollback'), payload: { version: 1 } });
  t.match(back.json(), { version: 1, published: true });
  t.same(await versions(ctx), ['3', '2', '1 published']);
  t.match((await audit(ctx))[0], { action: 'rolled-back', username: 'admin', detail: { version: 1, previousVersion: 3, summary: 'changed main (keys.5)' } });

  // Version 2 sends key 5 to a queue that has since gone: it cannot come back.
  ctx.app.db.delete(queues).where(eq(queues.name, 'vip')).run();
  const refused = await ctx.api({ method: 'POST', url: url('/rollback'), payload: { version: 2 } });
  t.equal(refused.statusCode, 400);
  t.match(refused.json().errors, [{ nodeId: 'vip-line', field: 'queue', message: /no such queue "vip"/ }]);
  t.match((await ctx.api({ method: 'POST', url: url('/rollback'), payload: { version: 9 } })).json(), { statusCode: 404 });
  t.match((await ctx.api({ method: 'POST', url: url('/rollback'), payload: { version: 1 } })).json(), { statusCode: 409 });
  t.same(await versions(ctx), ['3', '2', '1 published']);

  await ctx.api({ method: 'PUT', url: url('/draft'), payload: withKey5('general') });
  t.match((await ctx.api({ method: 'POST', url: url('/rollback'), payload: { version: 4 } })).json(), { statusCode: 400, message: /is the draft/ });
  t.match((await ctx.api({ method: 'POST', url: url('/rollback'), payload: { version: 3 } })).json(), { version: 3, published: true });
  t.same(await versions(ctx), ['4 draft', '3 published', '2', '1'], 'the draft survives a rollback');
});

t.test('compare names added, removed and changed nodes with old and new values', async (t) => {
  const ctx = await build(t);
  const next = withKey5();
  next.nodes = next.nodes.filter((n) => n.id !== 'english');
  const main = next.nodes[0]!;
  if (main.kind === 'menu') delete main.keys['2'];
  next.nodes.push({ id: 'goodbye', kind: 'hangup', label: '再见', prompt: ['message-thanks'] });
  if (main.kind === 'menu') main.keys['8'] = 'goodbye';
  await ctx.api({ method: 'PUT', url: url(), payload: next });

  const res = await ctx.api({ method: 'GET', url: url('/compare?from=1&to=2') });
  t.same(res.json(), {
    from: 1,
    to: 2,
    start: null,
    nodes: [
      {
        nodeId: 'main',
        change: 'changed',
        label: '主菜单',
        kind: 'menu',
        fields: [
          { field: 'keys.2', from: 'english', to: null },
          { field: 'keys.5', from: null, to: 'enterprise' },
          { field: 'keys.8', from: null, to: 'goodbye' },
        ],
      },
      { nodeId: 'goodbye', change: 'added', label: '再见', kind: 'hangup' },
      { nodeId: 'english', change: 'removed', label: 'English service', kind: 'queue' },
    ],
  });
  t.equal((await ctx.api({ method: 'GET', url: url('/compare?from=1&to=7') })).statusCode, 404);
  t.equal((await ctx.api({ method: 'GET', url: url('/compare?from=1') })).statusCode, 400);
});

t.test('supervisors read and compare; only admins change; agents and strangers are refused', async (t) => {
  const ctx = await build(t);
  const supervisor = await ctx.userToken('supervisor');
  const agent = await ctx.userToken('agent', 1);
  await ctx.api({ method: 'PUT', url: url(), payload: withKey5() });

  t.equal((await ctx.api({ method: 'GET', url: url('/compare?from=1&to=2') }, supervisor)).statusCode, 200);
  t.equal((await ctx.api({ method: 'POST', url: url('/validate'), payload: defaultMenu }, supervisor)).statusCode, 200);
  t.equal((await ctx.api({ method: 'GET', url: '/api/audit?entity=menu' }, supervisor)).statusCode, 200);
  for (const [method, path, payload] of [
    ['PUT', url('/draft'), defaultMenu],
    ['POST', url('/publish'), {}],
    ['POST', url('/rollback'), { version: 1 }],
  ] as const) {
    t.equal((await ctx.api({ method, url: path, payload }, supervisor)).statusCode, 403, `supervisor ${method} ${path}`);
    t.equal((await ctx.api({ method, url: path, payload }, agent)).statusCode, 403, `agent ${method} ${path}`);
    t.equal((await ctx.app.inject({ method, url: path, payload })).statusCode, 401, `no token ${method} ${path}`);
  }
  t.equal((await ctx.api({ method: 'GET', url: url('/compare?from=1&to=2') }, agent)).statusCode, 403);
  t.equal((await ctx.api({ method: 'GET', url: '/api/audit' }, agent)).statusCode, 403);
  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/audit' })).statusCode, 401);
  t.same(await versions(ctx), ['2 published', '1']);
});

t.test('save and publish (PUT) is logged too, and the audit log is filtered by entity', async (t) => {
  const ctx = await build(t);
  await ctx.api({ method: 'PUT', url: url(), payload: withKey5() });
  await ctx.api({ method: 'PUT', url: '/api/menus/night', payload: { ...defaultMenu, name: 'night' } });
  t.match(await audit(ctx), [{ entity: 'menu', entityId: '12345', action: 'published', detail: { version: 2, previousVersion: 1, summary: 'changed main (keys.5)' } }]);
  t.match((await ctx.api({ method: 'GET', url: '/api/audit?entity=menu&entityId=night' })).json(), [{ detail: { version: 1, previousVersion: null, summary: 'created' } }]);
  t.equal((await ctx.api({ method: 'GET', url: '/api/audit?entity=menu' })).json().length, 2);
  t.same((await ctx.api({ method: 'GET', url: '/api/audit?entity=calendar' })).json(), []);
});
