import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';

const officeHours = [
  { from: '08:30', to: '12:00' },
  { from: '13:30', to: '17:30' },
];
const nationalDay = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', label: '国庆节' }));
const workingSaturday = { date: '2026-10-10', kind: 'working-day', label: '国庆调休', hours: officeHours };

const audit = async (ctx: TestContext, name = 'default') => (await ctx.api({ method: 'GET', url: `/api/audit?entity=calendar&entityId=${name}` })).json();
const weeklyOf = async (ctx: TestContext) => (await ctx.api({ method: 'GET', url: '/api/calendars/default' })).json().weekly;

t.test('saving a calendar records who changed what, in a line a supervisor can read', async (t) => {
  const ctx = await build(t);
  const weekly = await weeklyOf(ctx);
  const res = await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: { weekly, overrides: [...nationalDay, workingSaturday] } });
  t.equal(res.statusCode, 200, res.body);
  t.match(await audit(ctx), [
    { entity: 'calendar', entityId: 'default', action: 'changed', username: 'admin', detail: { summary: 'added 2026-10-01…2026-10-10 (8)', overrides: 8 } },
  ]);

  // The Saturday is given up again and Sunday gets morning hours.
  const next = { weekly: { ...weekly, sun: [{ from: '09:00', to: '12:00' }] }, overrides: nationalDay };
  t.equal((await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: next })).statusCode, 200);
  t.match((await audit(ctx))[0], { action: 'changed', detail: { summary: 'hours of sun; removed 2026-10-10' } });

  await ctx.api({ method: 'PUT', url: '/api/calendars/enterprise-line', payload: { weekly, overrides: [] } });
  t.match(await audit(ctx, 'enterprise-line'), [{ action: 'created', detail: { summary: 'created' } }]);
  const supervisor = await ctx.userToken('supervisor');
  t.equal((await ctx.api({ method: 'GET', url: '/api/audit?entity=calendar' }, supervisor)).json().length, 3, 'supervisors read the calendar history');
});

t.test('a refused calendar leaves no audit entry', async (t) => {
  const ctx = await build(t);
  const res = await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: { weekly: await weeklyOf(ctx), overrides: [{ date: '2026-02-30', kind: 'holiday' }] } });
  t.equal(res.statusCode, 400);
  t.same(await audit(ctx), []);
});

t.test('the change and its audit entry are one transaction: if the entry cannot be written, the calendar is unchanged', async (t) => {
  const ctx = await build(t);
  const weekly = await weeklyOf(ctx);
  const record = ctx.app.auditLog.record;
  ctx.app.auditLog.record = () => {
    throw new Error('audit log unavailable');
  };
  t.teardown(() => {
    ctx.app.auditLog.record = record;
  });
  const res = await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: { weekly, overrides: nationalDay } });
  t.equal(res.statusCode, 500);
  t.same(ctx.app.calendars.get('default')!.overrides, [], 'nothing half-saved');
});
