import t from 'tap';
import { ticketWorld } from '../helpers/tickets.js';

t.test('handling units form a tree that admins edit; a loop or an unknown parent is refused', async (t) => {
  const w = await ticketWorld(t);
  const { ctx, units } = w;
  const county = await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'xingqing', name: '兴庆区人民政府', kind: 'county', parentId: units.city } });
  t.equal(county.statusCode, 201);
  const list = (await ctx.api({ method: 'GET', url: '/api/units' }, w.tokens.agent)).json();
  t.match(list.find((u: any) => u.code === 'xingqing'), { kind: 'county', parentId: units.city, path: ['银川市人民政府', '兴庆区人民政府'], active: true });

  t.match((await ctx.api({ method: 'PATCH', url: `/api/units/${units.city}`, payload: { parentId: county.json().id } })).json(), { statusCode: 400, message: /under it/ });
  t.match((await ctx.api({ method: 'PATCH', url: `/api/units/${units.city}`, payload: { parentId: units.city } })).json(), { statusCode: 400 });
  t.match((await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'x', name: '某局', kind: 'department', parentId: 999 } })).json(), { statusCode: 400, message: 'parentId: no unit 999' });
  t.match((await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'yc-market', name: '重复', kind: 'department' } })).json(), { statusCode: 409 });
  t.match((await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'y', name: '某局', kind: 'bureau' } })).json(), { statusCode: 400, message: /kind/ });
  t.equal((await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'z', name: '某局', kind: 'department' } }, w.tokens.supervisor)).statusCode, 403);
  t.match((await ctx.api({ method: 'PATCH', url: `/api/units/${units.market}`, payload: { name: '银川市市场监管局' } })).json(), { name: '银川市市场监管局', path: ['银川市人民政府', '银川市市场监管局'] });
  t.equal((await ctx.api({ method: 'PATCH', url: '/api/units/999', payload: { name: '不存在' } })).statusCode, 404);
});

t.test('a unit user names their unit; only unit users have one', async (t) => {
  const w = await ticketWorld(t);
  const user = (payload: Record<string, unknown>) => w.ctx.api({ method: 'POST', url: '/api/auth/users', payload: { password: 'password-123', ...payload } });
  t.match((await user({ username: 'u1', role: 'unit' })).json(), { statusCode: 400, message: /^unitId:/ });
  t.match((await user({ username: 'u2', role: 'unit', unitId: 999 })).json(), { statusCode: 400, message: 'unitId 999: no such unit' });
  t.match((await user({ username: 'u3', role: 'supervisor', unitId: w.units.market })).json(), { statusCode: 400, message: /only unit users/ });
  t.match((await user({ username: 'u4', role: 'unit', unitId: w.units.market })).json(), { role: 'unit', unitId: w.units.market });
  const me = (await w.ctx.api({ method: 'GET', url: '/api/auth/me' }, w.tokens.market)).json();
  t.match(me, { role: 'unit', unitId: w.units.market }, 'a unit user can see who they are');
});
