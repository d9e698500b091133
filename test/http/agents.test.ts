import t from 'tap';
import { build } from '../helpers/app.js';

t.test('the seed gives ten agents on endpoints 1001–1010, offline', async (t) => {
  const ctx = await build(t);
  const agents = (await ctx.api({ method: 'GET', url: '/api/agents' })).json();
  t.equal(agents.length, 10);
  t.match(agents[0], { id: 1, endpoint: 'PJSIP/1001', state: 'offline', skills: ['general'] });
  t.match(agents[9], { endpoint: 'PJSIP/1010', skills: ['general', 'enterprise'] });
});

t.test('an agent logs in, pauses with a reason, unpauses and logs out', async (t) => {
  const ctx = await build(t);
  const me = await ctx.userToken('agent', 3);
  const post = (path: string, payload?: object) => ctx.api({ method: 'POST', url: `/api/agents/3/${path}`, payload }, me);

  t.match((await post('login')).json(), { state: 'available' });
  t.match((await post('pause', { reason: 'meal' })).json(), { state: 'paused', pauseReason: 'meal' });
  t.match((await post('unpause')).json(), { state: 'available', pauseReason: null });
  t.match((await post('logout')).json(), { state: 'offline' });
});

t.test('an impossible change is a 409 naming the state, and changes nothing', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api({ method: 'POST', url: '/api/agents/1/unpause' });
  t.equal(res.statusCode, 409);
  t.match(res.json(), { code: 'ILLEGAL_TRANSITION', message: 'Agent 1 is offline and cannot unpause' });
  t.match((await ctx.api({ method: 'GET', url: '/api/agents/1' })).json(), { state: 'offline' });
});

t.test('pause needs a reason', async (t) => {
  const ctx = await build(t);
  await ctx.api({ method: 'POST', url: '/api/agents/1/login' });
  const res = await ctx.api({ method: 'POST', url: '/api/agents/1/pause', payload: {} });
  t.equal(res.statusCode, 400);
  t.match(res.json().message, /reason/);
});

t.test('agents may change only their own state; supervisors anyone’s', async (t) => {
  const ctx = await build(t);
  const agent = await ctx.userToken('agent', 3);
  const supervisor = await ctx.userToken('supervisor');
  const other = await ctx.api({ method: 'POST', url: '/api/agents/4/login' }, agent);
  t.equal(other.statusCode, 403);
  t.match(other.json().message, /only your own state/);
  t.equal((await ctx.api({ method: 'POST', url: '/api/agents/4/login' }, supervisor)).statusCode, 200);
});

t.test('admins create and edit agents; bad input changes nothing', async (t) => {
  const ctx = await build(t);
  const created = await ctx.api({ method: 'POST', url: '/api/agents', payload: { name: '专家 2001', endpoint: 'PJSIP/2001', skills: ['enterprise'] } });
  t.equal(created.statusCode, 201);
  t.match(created.json(), { id: 11, state: 'offline' });

  const badSkill = await ctx.api({ method: 'PATCH', url: '/api/agents/11', payload: { skills: ['nonexistent'] } });
  t.equal(badSkill.statusCode, 400);
  t.match(badSkill.json().message, /no such queue "nonexistent"/);
  const taken = await ctx.api({ method: 'PATCH', url: '/api/agents/11', payload: { endpoint: 'PJSIP/1001' } });
  t.equal(taken.statusCode, 409);
  const badEndpoint = await ctx.api({ method: 'POST', url: '/api/agents', payload: { name: 'x', endpoint: 'SIP/1', skills: [] } });
  t.equal(badEndpoint.statusCode, 400);
  t.match(badEndpoint.json().message, /endpoint/);
  t.match((await ctx.api({ method: 'GET', url: '/api/agents/11' })).json(), { skills: ['enterprise'], endpoint: 'PJSIP/2001' });
  t.equal((await ctx.api({ method: 'GET', url: '/api/agents/99' })).statusCode, 404);
});
