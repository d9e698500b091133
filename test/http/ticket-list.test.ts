import t from 'tap';
import { listTickets, type TicketFilter } from '../../src/tickets/list.js';
import { cst, goodReply, ticketWorld, type TicketWorld } from '../helpers/tickets.js';

type Listed = { total: number; items: Array<{ number: string; parts: Array<{ unitName: string; status: string; deadline: { flag: string } | null }> }> };

const list = async (w: TicketWorld, query: string, token?: string) => {
  const res = await w.ctx.api({ method: 'GET', url: `/api/tickets${query}` }, token);
  return res;
};
const numbers = async (w: TicketWorld, query: string, token?: string) => {
  const res = await list(w, query, token);
  if (res.statusCode !== 200) throw new Error(res.body);
  return (res.json() as Listed).items.map((i) => i.number);
};

/** A ticket taken in by phone at a given time, as the agent. */
async function takeIn(w: TicketWorld, at: string, fields: Record<string, unknown>): Promise<string> {
  w.setNow(at);
  const res = await w.ctx.api(
    { method: 'POST', url: '/api/tickets', payload: { caller: '13900000000', type: 'consult', category: 'other', title: '咨询', content: '', ...fields } },
    w.tokens.agent,
  );
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().number;
}

t.test('the list filters by status, unit, type, category, date, text and deadline; newest first, a page at a time with the total', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units } = w;
  const a = await takeIn(w, '2026-11-20T09:00:00', { caller: '13911112222', type: 'complaint', category: 'market', title: '预付卡退费纠纷' });
  const b = await takeIn(w, '2026-11-21T10:00:00', { caller: '13833334444', type: 'help', category: 'housing', title: '小区电梯故障' });
  const c = await takeIn(w, '2026-11-23T11:00:00', { caller: '13955556666', type: 'consult', category: 'transport', title: '公交线路咨询 50%_off' });
  w.setNow('2026-11-24T09:00:00');
  t.equal((await w.act(a, 'dispatch', tokens.agent, { units: [units.market] })).statusCode, 200);
  t.equal((await w.act(b, 'dispatch', tokens.agent, { units: [units.housing] })).statusCode, 200);
  t.equal((await w.act(b, 'sign-for', tokens.housing)).statusCode, 200);

  t.same(await numbers(w, ''), [c, b, a], 'newest first');
  const page = (await list(w, '?limit=2&offset=0', tokens.supervisor)).json() as Listed;
  t.equal(page.total, 3, 'the total counts every match, not the page');
  t.same(page.items.map((i) => i.number), [c, b]);
  t.same(await numbers(w, '?limit=2&offset=2'), [a]);

  t.same(await numbers(w, '?status=dispatched,handling'), [b, a]);
  t.same(await numbers(w, '?status=intake'), [c]);
  t.same(await numbers(w, `?unit=${units.market}`), [a], 'a unit: tickets with a part there');
  t.same(await numbers(w, `?unit=${units.city}`), [b, a], 'a city: its departments’ tickets too');
  t.same(await numbers(w, `?unit=${units.city}&subunits=false`), [], 'the city alone has none');
  t.same(await numbers(w, '?part=handling'), [b], 'by the state of a unit’s part');
  t.same(await numbers(w, '?type=complaint'), [a]);
  t.same(await numbers(w, '?category=housing'), [b]);
  t.same(await numbers(w, '?channel=web'), []);
  t.same(await numbers(w, `?from=${new Date(cst('2026-11-21T00:00:00')).toISOString()}&to=${new Date(cst('2026-11-23T00:00:00')).toISOString()}`), [b], 'from inclusive, to exclusive');
  t.same(await numbers(w, '?q=5555'), [c], 'digits: part of a caller number');
  t.same(await numbers(w, `?q=${a.slice(0, 6)}`), [c, b, a], 'digits: the start of ticket numbers (the month)');
  t.same(await numbers(w, `?q=${a.slice(0, 8)}`), [a], 'digits: the start of ticket numbers (the day)');
  t.same(await numbers(w, `?q=${a}`), [a], 'a whole ticket number');
  t.same(await numbers(w, `?q=${encodeURIComponent('电梯')}`), [b], 'text: part of the title');
  t.same(await numbers(w, `?q=${encodeURIComponent('%_')}`), [c], 'LIKE’s wildcards match only themselves');
  t.same(await numbers(w, `?q=${encodeURIComponent('%')}`), [c]);
  t.same(await numbers(w, '?caller=13833334444'), [b], 'the whole caller number');
  t.same(await numbers(w, '?q=13833334444'), [b], 'a whole phone number typed in the search: that caller, through its index');
  t.same(await numbers(w, '?q=1383333444'), [b], 'ten digits are still any part of a number');

  const item = ((await list(w, `?q=${b}`)).json() as Listed).items[0]!;
  t.match(item, { number: b, status: 'handling', type: 'help', parts: [{ unitName: '银川市住房和城乡建设局', status: 'handling', deadline: { kind: 'completion', flag: 'on-time' } }] });

  // Tuesday's dispatch of `a` is never signed for: by Monday it is overdue; `b`, signed for, is near its 5 working days.
  w.setNow('2026-11-30T10:00:00');
  t.same(await numbers(w, '?deadline=overdue'), [a]);
  t.same(await numbers(w, `?deadline=overdue&unit=${units.housing}`), [], 'the flag of a part at the unit asked for');
  t.same(await numbers(w, '?deadline=near'), [b, a], 'both have used over 80% of their completion time');
  t.same(await numbers(w, `?deadline=near&unit=${units.housing}`), [b]);
});

t.test('bad filter values are a 400 naming the parameter', async (t) => {
  const w = await ticketWorld(t);
  const cases: Array<[string, RegExp]> = [
    ['?status=open', /^status: no such status open; one of intake/],
    ['?status=intake,', /status/],
    ['?part=signed', /^part: no such status signed/],
    ['?type=rumour', /querystring\/type must be one of consult/],
    ['?category=weather', /querystring\/category must be one of/],
    ['?channel=fax', /querystring\/channel/],
    ['?unit=abc', /querystring\/unit must be integer/],
    ['?unit=999', /^unit: no unit 999$/],
    ['?from=yesterday', /querystring\/from must match format "date-time"/],
    ['?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z', /^from: must be before to$/],
    ['?deadline=late', /querystring\/deadline must be one of near, overdue/],
    ['?limit=0', /querystring\/limit/],
    ['?limit=500', /querystring\/limit/],
    ['?offset=-1', /querystring\/offset/],
    ['?caller=abc', /querystring\/caller/],
    ['?sort=asc', /additional properties: sort/],
  ];
  for (const [query, message] of cases) {
    const res = await list(w, query, w.tokens.supervisor);
    t.equal(res.statusCode, 400, `${query}: ${res.body}`);
    t.match(res.json().message, message, query);
  }
  t.equal((await w.ctx.app.inject({ method: 'GET', url: '/api/tickets' })).statusCode, 401, 'the list needs a login');
});

t.test('a unit user sees the tickets of their unit and the units below it; a sibling sees none of them; a parent reads but does not act', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units, ctx } = w;
  // 市场监管局's district office, a level further down.
  const office = (await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'yc-market-xq', name: '兴庆区市场监管所', kind: 'department', parentId: units.market } })).json().id as number;
  const cityUser = await ctx.userToken('unit', units.city);
  const officeUser = await ctx.userToken('unit', office);

  const toMarket = await w.intake('预付卡退费');
  const toOffice = await w.intake('超市售卖过期食品');
  const toHousing = await w.intake('小区电梯故障');
  const never = await w.intake('咨询公积金');
  await w.act(toMarket, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(toOffice, 'dispatch', tokens.agent, { units: [office] });
  await w.act(toHousing, 'dispatch', tokens.agent, { units: [units.housing] });

  t.same(await numbers(w, '', tokens.agent), [never, toHousing, toOffice, toMarket], 'the hotline sees every ticket');
  t.same(await numbers(w, '', cityUser), [toHousing, toOffice, toMarket], 'the city: every department’s and office’s');
  t.same(await numbers(w, '', tokens.market), [toOffice, toMarket], 'the market regulator: its own and its office’s');
  t.same(await numbers(w, '', officeUser), [toOffice], 'the office: its own only');
  t.same(await numbers(w, '', tokens.housing), [toHousing], 'a sibling: none of the market regulator’s');
  t.same(await numbers(w, `?unit=${units.market}&subunits=false`, tokens.market), [toMarket], 'its own unit alone');
  t.same(await numbers(w, `?unit=${office}`, cityUser), [toOffice], 'a unit below may be picked');
  t.same(await numbers(w, '?part=dispatched', tokens.market), [toOffice, toMarket]);

  const outside = await list(w, `?unit=${units.housing}`, tokens.market);
  t.equal(outside.statusCode, 403, 'a unit outside its tree cannot be asked for');
  t.match(outside.json().message, /^Forbidden: unit: 银川市住房和城乡建设局 \(\d+\) is not your unit nor below it$/);
  t.equal((await list(w, `?unit=${units.city}`, tokens.market)).statusCode, 403, 'nor the unit above it');

  t.equal((await w.ctx.api({ method: 'GET', url: `/api/tickets/${toOffice}` }, tokens.market)).statusCode, 200, 'the parent opens the child’s ticket');
  t.equal((await w.ctx.api({ method: 'GET', url: `/api/tickets/${toOffice}/events` }, cityUser)).statusCode, 200, 'and its history');
  t.equal((await w.ctx.api({ method: 'GET', url: `/api/tickets/${toOffice}` }, tokens.housing)).statusCode, 404, 'a sibling does not');
  t.equal((await w.ctx.api({ method: 'GET', url: `/api/tickets/${toMarket}` }, officeUser)).statusCode, 404, 'nor a unit below');

  const signed = await w.act(toOffice, 'sign-for', tokens.market);
  t.equal(signed.statusCode, 403, 'the parent may not sign for its office');
  t.match(signed.json().message, /dispatched to a unit below yours; your unit may read it but not act on it/);
  t.equal((await w.act(toOffice, 'return', cityUser, { reason: '不属本单位' })).statusCode, 403);
  t.equal(ctx.app.ticketsRepository.findByNumber(toOffice)!.status, 'dispatched', 'nothing changed');
  t.equal((await w.act(toOffice, 'sign-for', officeUser)).statusCode, 200, 'the office itself signs for it');
  t.equal((await w.act(toOffice, 'reply', officeUser, { text: goodReply })).statusCode, 200);
  t.same(await numbers(w, '?part=replied', cityUser), [toOffice], 'the city sees the office’s reply');
});

t.test('a manual 督办 marks the overdue deadline supervised in the overdue list', async (t) => {
  const w = await ticketWorld(t);
  const number = await w.intake();
  await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.housing] });
  w.setNow('2026-11-27T10:00:00');
  const before = (await w.ctx.api({ method: 'GET', url: '/api/tickets/overdue' }, w.tokens.supervisor)).json();
  t.match(before, [{ number, deadline: 'sign-for', flag: 'overdue', supervised: false }]);
  t.equal((await w.act(number, 'supervise', w.tokens.supervisor, { note: '请尽快签收' })).statusCode, 200);
  const after = (await w.ctx.api({ method: 'GET', url: '/api/tickets/overdue' }, w.tokens.supervisor)).json();
  t.match(after, [{ number, deadline: 'sign-for', flag: 'overdue', supervised: true }]);
  t.equal(w.ctx.app.supervision.sweep(), 1, 'the sweep still records its own supervision of the deadline, once');
});

t.test('past TICKET_LIST_COUNT_CAP matches the total stops counting and says so; pages go on', async (t) => {
  const w = await ticketWorld(t, { TICKET_LIST_COUNT_CAP: '2' });
  const taken = [];
  for (const title of ['噪音一', '噪音二', '噪音三', '电梯']) taken.push(await w.intake(title));
  const page = async (query: string) => (await list(w, query, w.tokens.supervisor)).json() as Listed & { totalCapped: boolean };
  t.match(await page('?limit=1'), { total: 2, totalCapped: true }, 'four match: two counted, and capped');
  t.match(await page(`?q=${encodeURIComponent('噪音')}&limit=1`), { total: 2, totalCapped: true }, 'three match');
  t.match(await page('?limit=1&offset=3'), { totalCapped: true, items: [{ number: taken[0] }] }, 'the pages past the cap are still served');
  t.match(await page(`?q=${encodeURIComponent('噪音二')}`), { total: 1, totalCapped: false }, 'under the cap the total is exact');
  t.match(await page(`?q=${encodeURIComponent('噪音')}&status=dispatched`), { total: 0, totalCapped: false, items: [] });
});

t.test('unit and status filters list the same tickets whether read sparse (gathered, then sorted) or dense (walked newest first)', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, units, ctx } = w;
  const both = await w.intake('两个部门');
  const market = await w.intake('预付卡退费');
  const housing = await w.intake('小区电梯故障');
  await w.intake('未派单');
  await w.act(both, 'dispatch', tokens.agent, { units: [units.market, units.housing] });
  await w.act(market, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(housing, 'dispatch', tokens.agent, { units: [units.housing] });
  await w.act(housing, 'sign-for', tokens.housing);
  const filters: Array<Partial<TicketFilter>> = [
    { unitIds: [units.market] },
    { unitIds: [units.market, units.housing] },
    { unitIds: [units.housing], parts: ['handling'] },
    { parts: ['dispatched'] },
    { unitIds: [units.market, units.housing], statuses: ['dispatched'], limit: 1, offset: 1 },
    { statuses: ['intake', 'dispatched'] },
    { statuses: ['intake', 'handling'], limit: 1, offset: 1 },
  ];
  for (const f of filters) {
    const filter = { limit: 50, offset: 0, ...f };
    const gathered = listTickets(ctx.app.db, filter, 100);
    const probed = listTickets(ctx.app.db, filter, 100, { walk: 1, probe: 1 });
    t.same(probed, gathered, JSON.stringify(f));
    t.ok(gathered.items.length > 0, `${JSON.stringify(f)} lists some`);
  }
  t.same(listTickets(ctx.app.db, { unitIds: [units.market, units.housing], limit: 50, offset: 0 }, 100, { walk: 1, probe: 1 }).items.map((i) => i.number), [housing, market, both], 'a ticket with two matching parts once');
});

t.test('a search lists the same tickets whether looked up in the trigram index (few matches) or walked (many), and follows an edited title', async (t) => {
  const w = await ticketWorld(t);
  const { tokens, ctx } = w;
  const rare = await takeIn(w, '2026-11-20T09:00:00', { caller: '13911112222', title: '预付卡退费纠纷' });
  const other = await takeIn(w, '2026-11-21T10:00:00', { caller: '13833331111', title: '小区电梯故障，预付卡未退' });
  const searches = ['预付卡', '退费纠纷', '1111', '3333111', '1391111', '50%_', '"quoted"', '电梯'];
  for (const q of searches) {
    const filter = { limit: 50, offset: 0, q };
    const looked = listTickets(ctx.app.db, filter, 100);
    const walked = listTickets(ctx.app.db, filter, 100, { walk: 1, probe: 1 });
    t.same(looked, walked, q);
  }
  t.same(listTickets(ctx.app.db, { limit: 50, offset: 0, q: '预付卡' }, 100).items.map((i) => i.number), [other, rare]);
  t.same(listTickets(ctx.app.db, { limit: 50, offset: 0, q: '1111' }, 100).items.map((i) => i.number), [other, rare], 'part of either caller');

  const edited = await ctx.api({ method: 'PATCH', url: `/api/tickets/${rare}`, payload: { title: '噪音扰民投诉' } }, tokens.agent);
  t.equal(edited.statusCode, 200, edited.body);
  t.same(listTickets(ctx.app.db, { limit: 50, offset: 0, q: '退费纠纷' }, 100).items, [], 'the old title is no longer found');
  t.same(listTickets(ctx.app.db, { limit: 50, offset: 0, q: '扰民投诉' }, 100).items.map((i) => i.number), [rare], 'the new one is');
});
