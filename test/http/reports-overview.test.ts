import t from 'tap';
import { seedReportCalls, ticketReportScenario } from '../helpers/report-scenarios.js';

// The report page's one request: the same figures as the separate reports, hand-computed in
// reports-calls.test.ts and reports-tickets.test.ts, all of one moment.
const range = 'from=2026-11-24&to=2026-11-25';

t.test('the overview holds the chosen groupings, the charts’ groupings and the totals, equal to the single reports', async (t) => {
  const w = await ticketReportScenario(t);
  seedReportCalls(w.ctx);
  const get = async (path: string, token = w.tokens.supervisor) => w.ctx.api({ method: 'GET', url: `/api/reports/${path}` }, token);
  const res = await get(`overview?${range}&calls=agent&tickets=unit`);
  t.equal(res.statusCode, 200, res.body);
  const body = res.json();
  t.match(body, { from: '2026-11-24', to: '2026-11-25', serviceLevelSeconds: 20, asOf: Date.parse('2026-12-31T09:00:00+08:00') });
  const single = async (path: string) => (await get(`${path}&${range}`)).json();

  const callsByAgent = await single('calls?by=agent');
  t.same(body.calls, { by: 'agent', rows: callsByAgent.rows, total: callsByAgent.total });
  t.match(body.calls.total, { offered: 10, answered: 7, surveyed: 5, surveySatisfactionRate: 0.8 }, 'the hand-computed total');
  t.same(body.callsByDay, (await single('calls?by=day')).rows);

  const ticketsByUnit = await single('tickets?by=unit');
  t.same(body.tickets, { by: 'unit', rows: ticketsByUnit.rows, total: ticketsByUnit.total });
  t.match(body.tickets.total, { takenIn: 6, completionRate: 0.5, callbackSatisfactionRate: 0.5 });
  t.same(body.ticketsByUnit, ticketsByUnit.rows);
  t.same(body.ticketsByChannel, (await single('tickets?by=channel')).rows);
  t.same(body.ticketsByType, (await single('tickets?by=type')).rows);

  const byDefault = (await get(`overview?${range}`)).json();
  t.match(byDefault, { calls: { by: 'day' }, tickets: { by: 'day' } }, 'by day unless asked');
  t.same(byDefault.calls.rows, body.callsByDay);
});

t.test('the overview refuses what the single reports refuse', async (t) => {
  const w = await ticketReportScenario(t);
  const get = async (query: string, token = w.tokens.supervisor) => w.ctx.api({ method: 'GET', url: `/api/reports/overview?${query}` }, token);
  t.equal((await get(range, w.tokens.agent)).statusCode, 403, 'an agent');
  t.equal((await get(range, w.tokens.market)).statusCode, 403, 'a handling unit');
  t.match((await get(`${range}&calls=unit`)).json(), { statusCode: 400, message: /querystring\/calls must be one of day, queue, agent/ });
  t.match((await get(`${range}&tickets=queue`)).json(), { statusCode: 400, message: /querystring\/tickets must be one of day, channel, type, category, unit/ });
  t.match((await get(`${range}&by=day`)).json(), { statusCode: 400, message: /must NOT have additional properties/ });
  t.match((await get('from=2026-11-25&to=2026-11-24')).json(), { statusCode: 400, message: /^to: 2026-11-24 is before from/ });
});
