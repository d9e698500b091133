import t from 'tap';
import { cst, ticketWorld } from '../helpers/tickets.js';

const nationalDay = {
  weekly: {
    sun: [],
    mon: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
    tue: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
    wed: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
    thu: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
    fri: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
    sat: [],
  },
  overrides: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', label: '国庆节' })),
    { date: '2026-10-10', kind: 'working-day', label: '国庆调休', hours: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }] },
  ],
};

t.test('dispatched the afternoon before 国庆节: deadlines skip the holiday and count the Saturday worked; missed ones are supervised once each', async (t) => {
  const w = await ticketWorld(t);
  const { ctx, tokens, units } = w;
  t.equal((await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: nationalDay })).statusCode, 200);
  w.setNow('2026-09-30T15:00:00');
  const number = await w.intake();
  const dispatched = (await w.act(number, 'dispatch', tokens.agent, { units: [units.market] })).json();
  t.match(dispatched.assignments[0], { signForDueAt: cst('2026-09-30T17:00:00'), dueAt: cst('2026-10-13T15:00:00') }, 'sign for by 17:00; complete by 13 October 15:00');

  const overdue = () => ctx.api({ method: 'GET', url: '/api/tickets/overdue' }, tokens.supervisor).then((r) => r.json());
  w.setNow('2026-09-30T15:30:00');
  t.same(await overdue(), [], 'a quarter of the sign-for time used: not flagged');
  w.setNow('2026-09-30T16:45:00');
  t.match(await overdue(), [{ number, deadline: 'sign-for', flag: 'near', usedPercent: 88, unitName: '银川市市场监督管理局', supervised: false }]);
  t.equal(ctx.app.supervision.sweep(), 0, 'near is flagged, not supervised');

  w.setNow('2026-10-02T10:00:00');
  t.equal(ctx.app.supervision.sweep(), 1, 'the sign-for deadline passed: one supervision');
  t.equal(ctx.app.supervision.sweep(), 0, 'and only one, however often the sweep runs');
  w.setNow('2026-10-08T09:00:00');
  t.equal(ctx.app.supervision.sweep(), 0);
  t.match(await overdue(), [{ number, deadline: 'sign-for', flag: 'overdue', supervised: true }]);
  t.match((await w.act(number, 'supervise', tokens.supervisor, { note: '请尽快签收' })).json(), { status: 'dispatched' }, 'a supervisor can press again by hand');

  await w.act(number, 'sign-for', tokens.market);
  w.setNow('2026-10-13T14:00:00');
  t.match(await overdue(), [{ deadline: 'completion', flag: 'near', usedPercent: 97 }]);
  t.equal(ctx.app.supervision.sweep(), 0, 'the completion deadline has not passed: on 13 October at 14:00 an hour is left');
  w.setNow('2026-10-13T15:00:00');
  t.equal(ctx.app.supervision.sweep(), 1, 'at 15:00 it has');
  t.equal(ctx.app.supervision.sweep(), 0);

  await w.act(number, 'extension', tokens.market, { minutes: 450, reason: '需协调商户退款' });
  await w.act(number, 'extension/approve', tokens.supervisor);
  t.equal((await w.ticket(number)).assignments[0].dueAt, cst('2026-10-14T15:00:00'), 'one working day more');
  t.match(await overdue(), [{ deadline: 'completion', flag: 'near', dueAt: cst('2026-10-14T15:00:00'), supervised: false }], 'within the new deadline again');
  w.setNow('2026-10-15T09:00:00');
  t.equal(ctx.app.supervision.sweep(), 1, 'a new deadline, missed: supervised again');

  const events = (await ctx.api({ method: 'GET', url: `/api/tickets/${number}/events` })).json().filter((e: any) => e.action === 'supervise');
  t.same(
    events.map((e: any) => [e.by, e.note, e.detail.deadline ?? null, e.from]),
    [
      [null, '签收超时', 'sign-for', 'dispatched'],
      [events[1].by, '请尽快签收', null, 'dispatched'],
      [null, '办结超时', 'completion', 'handling'],
      [null, '办结超时', 'completion', 'handling'],
    ],
  );
  t.match(events[1].by, /^supervisor/);

  await w.act(number, 'reply', tokens.market, { text: '经协调，商户已于10月15日将预付卡余额3000元全部退还，已电话告知来电人并确认到账。' });
  t.same(await overdue(), [], 'a replied ticket is off the list');
});

t.test('deadlines come from the type and urgency: an admin’s policy applies to tickets dispatched afterwards', async (t) => {
  const w = await ticketWorld(t);
  const { ctx, tokens, units } = w;
  const policies = (await ctx.api({ method: 'GET', url: '/api/ticket-deadlines' }, tokens.supervisor)).json();
  t.match(policies.find((p: any) => p.type === 'complaint' && p.urgency === 'normal'), { signForMinutes: 120, completionMinutes: 2250, custom: false });
  t.equal((await ctx.api({ method: 'PUT', url: '/api/ticket-deadlines/complaint/urgent', payload: { signForMinutes: 30, completionMinutes: 450 } }, tokens.supervisor)).statusCode, 403);
  t.match((await ctx.api({ method: 'PUT', url: '/api/ticket-deadlines/complaint/urgent', payload: { signForMinutes: 500, completionMinutes: 450 } })).json(), { statusCode: 400, message: /^signForMinutes/ });
  t.match((await ctx.api({ method: 'PUT', url: '/api/ticket-deadlines/rumour/urgent', payload: { signForMinutes: 30, completionMinutes: 450 } })).json(), { statusCode: 400, message: /type/ });
  t.match((await ctx.api({ method: 'PUT', url: '/api/ticket-deadlines/complaint/urgent', payload: { signForMinutes: 30, completionMinutes: 450 } })).json(), { signForMinutes: 30, completionMinutes: 450, custom: true });

  const number = await w.intake();
  const parts = (await w.act(number, 'dispatch', tokens.agent, { units: [units.market], urgency: 'urgent' })).json().assignments;
  t.match(parts[0], { signForDueAt: cst('2026-11-24T09:30:00'), dueAt: cst('2026-11-25T09:00:00') }, 'Tuesday 09:00: half an hour to sign for, one working day to complete');
  t.match((await ctx.api({ method: 'DELETE', url: '/api/ticket-deadlines/complaint/urgent' })).json(), { signForMinutes: 60, custom: false });
  t.equal((await ctx.api({ method: 'GET', url: '/api/audit?entity=ticket-deadline' })).json().length, 2, 'both changes are audited');
});

t.test('the calendar edited after dispatch: the list follows the new working hours at once', async (t) => {
  const w = await ticketWorld(t);
  const { ctx, tokens, units } = w;
  const number = await w.intake();
  await w.act(number, 'dispatch', tokens.agent, { units: [units.market] });
  const overdue = () => ctx.api({ method: 'GET', url: '/api/tickets/overdue' }, tokens.supervisor).then((r) => r.json());
  w.setNow('2026-11-24T10:30:00');
  t.same(await overdue(), [], 'Tuesday 09:00 dispatch, two working hours to sign for: at 10:30, 75% used');

  const office = [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }];
  const shortTuesday = { weekly: { sun: [], mon: office, tue: [{ from: '08:30', to: '10:45' }, { from: '13:30', to: '17:30' }], wed: office, thu: office, fri: office, sat: [] }, overrides: [] };
  t.equal((await ctx.api({ method: 'PUT', url: '/api/calendars/default', payload: shortTuesday })).statusCode, 200);
  t.match(await overdue(), [{ number, deadline: 'sign-for', flag: 'near', usedPercent: 86 }], 'the morning now ends at 10:45: 90 of the 105 working minutes to 11:00 are used');
});
