import t from 'tap';
import { build } from '../helpers/app.js';

const officeHours = [
  { from: '08:30', to: '12:00' },
  { from: '13:30', to: '17:30' },
];

t.test('the default calendar is seeded with government office hours and no holidays', async (t) => {
  const ctx = await build(t);
  const list = await ctx.api({ method: 'GET', url: '/api/calendars' }, await ctx.userToken('supervisor'));
  t.equal(list.statusCode, 200);
  t.same(list.json().map((c: { name: string }) => c.name), ['default']);
  const cal = (await ctx.api({ method: 'GET', url: '/api/calendars/default' })).json();
  t.same(cal.weekly, { sun: [], mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours, sat: [] });
  t.same(cal.overrides, []);
  t.equal((await ctx.api({ method: 'GET', url: '/api/calendars/none' })).statusCode, 404);
});

t.test('an admin replaces a calendar whole: a moved holiday and a working Saturday', async (t) => {
  const ctx = await build(t);
  const current = (await ctx.api({ method: 'GET', url: '/api/calendars/default' })).json();
  const overrides = [
    { date: '2025-10-01', kind: 'holiday', label: '国庆节' },
    { date: '2025-10-11', kind: 'working-day', label: '国庆调休', hours: officeHours },
  ];
  const res = await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: { weekly: current.weekly, overrides } });
  t.equal(res.statusCode, 200, res.body);
  t.same(res.json().overrides, overrides);
  t.same(ctx.app.calendars.get('default')!.overrides, overrides, 'stored');

  const added = await ctx.api({ method: 'PUT', url: '/api/calendars/enterprise-line', payload: { name: 'enterprise-line', weekly: current.weekly, overrides: [] } });
  t.equal(added.statusCode, 200, 'a new calendar by its name');
  t.same([...ctx.app.calendars.names()].sort(), ['default', 'enterprise-line']);
});

t.test('a bad calendar is a 400 naming every bad field, and nothing changes', async (t) => {
  const ctx = await build(t);
  const current = (await ctx.api({ method: 'GET', url: '/api/calendars/default' })).json();
  const overrides = [
    { date: '2025-10-01', kind: 'holiday' },
    { date: '2025-10-02', kind: 'holiday' },
    { date: '2025-13-01', kind: 'holiday' },
  ];
  const res = await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: { weekly: current.weekly, overrides } });
  t.equal(res.statusCode, 400);
  t.match(res.json(), {
    code: 'INVALID_CALENDAR',
    message: 'Invalid calendar: overrides[2].date: must be a date YYYY-MM-DD',
    errors: [{ field: 'overrides[2].date' }],
  });
  t.same(ctx.app.calendars.get('default')!.overrides, []);
});

t.test('supervisors read, only admins write; agents neither', async (t) => {
  const ctx = await build(t);
  const supervisor = await ctx.userToken('supervisor');
  const agent = await ctx.userToken('agent', 1);
  const body = (await ctx.api({ method: 'GET', url: '/api/calendars/default' }, supervisor)).json();
  t.equal((await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: body }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'GET', url: '/api/calendars' }, agent)).statusCode, 403);
  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/calendars' })).statusCode, 401);
});
