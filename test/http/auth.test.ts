import t from 'tap';
import { build } from '../helpers/app.js';

t.test('health needs no login and reports Asterisk and the database', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'GET', url: '/health' });
  t.equal(res.statusCode, 200);
  t.same(res.json(), { status: 'ok', asterisk: true, database: true });
});

t.test('every other route needs a token', async (t) => {
  const { app } = await build(t);
  for (const url of ['/api/agents', '/api/queues', '/api/calls', '/api/menus', '/api/auth/users', '/api/auth/me']) {
    const res = await app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 401, url);
    t.match(res.json(), { code: 'UNAUTHORIZED', message: /Authorization: Bearer/ });
  }
  const bad = await app.inject({ method: 'GET', url: '/api/agents', headers: { authorization: 'Bearer nope' } });
  t.equal(bad.statusCode, 401);
  t.match(bad.json().message, /unknown or expired/);
});

t.test('the first admin comes from the environment and can log in and out', async (t) => {
  const ctx = await build(t);
  const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-one' } });
  t.equal(wrong.statusCode, 401);
  t.match(wrong.json().message, /wrong username or password/);

  const token = await ctx.login();
  const me = await ctx.api({ method: 'GET', url: '/api/auth/me' }, token);
  t.match(me.json(), { username: 'admin', role: 'admin' });
  t.equal((await ctx.api({ method: 'POST', url: '/api/auth/logout' }, token)).statusCode, 204);
  t.equal((await ctx.api({ method: 'GET', url: '/api/auth/me' }, token)).statusCode, 401);
});

t.test('login input is validated', async (t) => {
  const { app } = await build(t);
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
  t.equal(res.statusCode, 400);
  t.match(res.json(), { code: 'INVALID_INPUT', message: /password/ });
});

t.test('roles: agents and supervisors cannot do an admin’s work', async (t) => {
  const ctx = await build(t);
  const agent = await ctx.userToken('agent', 1);
  const supervisor = await ctx.userToken('supervisor');

  t.equal((await ctx.api({ method: 'GET', url: '/api/calls?agentId=2' }, agent)).statusCode, 403, 'an agent lists only their own calls');
  t.equal((await ctx.api({ method: 'GET', url: '/api/calls' }, supervisor)).statusCode, 200);
  const create = { method: 'POST' as const, url: '/api/auth/users', payload: { username: 'x', password: 'password-123', role: 'admin' } };
  t.equal((await ctx.api(create, supervisor)).statusCode, 403);
  const put = await ctx.api({ method: 'PUT', url: '/api/queues/general', payload: { title: 'x', announceEverySeconds: 0, maxWaitSeconds: 60, ringTimeoutSeconds: 10, wrapUpSeconds: 0, mohClass: 'default' } }, supervisor);
  t.equal(put.statusCode, 403);
  t.match(put.json().message, /needs the role admin/);
});

t.test('an agent user must name an existing agent', async (t) => {
  const ctx = await build(t);
  const none = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'a', password: 'password-123', role: 'agent' } });
  t.equal(none.statusCode, 400);
  t.match(none.json().message, /agentId/);
  const unknown = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'a', password: 'password-123', role: 'agent', agentId: 999 } });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json().message, /no such agent/);
  const ok = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'a', password: 'password-123', role: 'agent', agentId: 2 } });
  t.equal(ok.statusCode, 201);
  const dup = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'a', password: 'password-123', role: 'agent', agentId: 2 } });
  t.equal(dup.statusCode, 409);
});
