import t, { type Test } from 'tap';
import { build } from '../helpers/app.js';
import { seedReportCalls } from '../helpers/report-scenarios.js';

// The calls are test/helpers/report-scenarios.ts's table: ten offered over 24 and 25 November 2026.

async function world(t: Test, env: Record<string, string> = {}) {
  const ctx = await build(t, { env });
  seedReportCalls(ctx);
  const supervisor = await ctx.userToken('supervisor');
  const get = (query: string, token = supervisor) => ctx.api({ method: 'GET', url: `/api/reports/calls?${query}` }, token);
  return { ctx, get };
}

const range = 'from=2026-11-24&to=2026-11-25';

t.test('calls by day: China days, every figure as worked out by hand', async (t) => {
  const { get } = await world(t);
  const res = await get(`${range}&by=day`);
  t.equal(res.statusCode, 200, res.body);
  const body = res.json();
  t.equal(body.serviceLevelSeconds, 20);
  t.same(
    body.rows.map((r: any) => r.key),
    ['2026-11-24', '2026-11-25'],
  );
  // 24th: c1–c5. Answered c1 c2 c3 = 3/5; within 20 s c1 (5) c2 (20) = 2/5; wait (5+20+30)/3 = 18.33; talk (120+60+300)/3 = 160.
  t.same(body.rows[0], {
    key: '2026-11-24', label: '2026-11-24',
    offered: 5, answered: 3, abandoned: 1, answeredInServiceLevel: 2,
    answerRate: 0.6, serviceLevel: 0.4, averageWaitSeconds: 18.3, averageTalkSeconds: 160,
    surveyed: 3, surveySatisfied: 2, surveySatisfactionRate: 0.6667,
  });
  // Surveyed c1 c2 c3; satisfied or basically satisfied c1 c2 = 2/3.
  // 25th: c6–c10. Answered c6 c7 c9 c10 = 4/5; within 20 s c6 (10) c9 (15) = 2/5; wait (10+21+15+25)/4 = 17.75;
  // talk without c9, still talking: (200+100+80)/3 = 126.67.
  t.same(body.rows[1], {
    key: '2026-11-25', label: '2026-11-25',
    offered: 5, answered: 4, abandoned: 1, answeredInServiceLevel: 2,
    answerRate: 0.8, serviceLevel: 0.4, averageWaitSeconds: 17.8, averageTalkSeconds: 126.7,
    surveyed: 2, surveySatisfied: 2, surveySatisfactionRate: 1,
  });
  // Surveyed c6 c10 (c7 keyed nothing, c9 is still talking), both satisfied = 2/2.
  // Total: 7/10 answered; 4/10 within 20 s; wait 126/7 = 18; talk 860/6 = 143.33. Surveyed 5, satisfied 4 = 0.8. The IVR-only call and the 26th's are not counted.
  t.same(body.total, {
    offered: 10, answered: 7, abandoned: 2, answeredInServiceLevel: 4,
    answerRate: 0.7, serviceLevel: 0.4, averageWaitSeconds: 18, averageTalkSeconds: 143.3,
    surveyed: 5, surveySatisfied: 4, surveySatisfactionRate: 0.8,
  });

  const quiet = (await get('from=2026-11-23&to=2026-11-23&by=day')).json();
  t.same(quiet.rows, [{ key: '2026-11-23', label: '2026-11-23', offered: 0, answered: 0, abandoned: 0, answeredInServiceLevel: 0, answerRate: null, serviceLevel: null, averageWaitSeconds: null, averageTalkSeconds: null, surveyed: 0, surveySatisfied: 0, surveySatisfactionRate: null }], 'c1 began at 16:30 UTC on the 23rd, but on the 24th in China');
});

t.test('calls by queue and by agent', async (t) => {
  const { get } = await world(t);
  const byQueue = (await get(`${range}&by=queue`)).json();
  const queue = (key: string) => byQueue.rows.find((r: any) => r.key === key);
  // general: c1 c2 c4 c7 c8 c10. Answered 4/6 = 0.6667; within 20 s c1 c2 = 2/6; wait (5+20+21+25)/4 = 17.75; talk (120+60+100+80)/4 = 90;
  // surveyed c1 c2 c10, all satisfied or basically.
  t.same(queue('general'), {
    key: 'general', label: '普通话综合服务',
    offered: 6, answered: 4, abandoned: 2, answeredInServiceLevel: 2,
    answerRate: 0.6667, serviceLevel: 0.3333, averageWaitSeconds: 17.8, averageTalkSeconds: 90,
    surveyed: 3, surveySatisfied: 3, surveySatisfactionRate: 1,
  });
  // enterprise: c3 c5 c6 c9. Answered 3/4; within 20 s c6 c9 = 2/4; wait (30+10+15)/3 = 18.33; talk (300+200)/2 = 250;
  // surveyed c3 (dissatisfied) c6 (satisfied) = 1/2.
  t.same(queue('enterprise'), {
    key: 'enterprise', label: '企业诉求/营商环境专线',
    offered: 4, answered: 3, abandoned: 0, answeredInServiceLevel: 2,
    answerRate: 0.75, serviceLevel: 0.5, averageWaitSeconds: 18.3, averageTalkSeconds: 250,
    surveyed: 2, surveySatisfied: 1, surveySatisfactionRate: 0.5,
  });
  t.equal(byQueue.rows.length, 2);
  t.same(byQueue.total.offered, 10, 'the total is the same whatever the grouping');

  const byAgent = (await get(`${range}&by=agent`)).json();
  t.same(
    byAgent.rows.map((r: any) => r.key),
    ['1', '2', null],
    'agents by name, the calls nobody answered last',
  );
  // Agent 1: c1 c3 c7 c10; within 20 s only c1; wait (5+30+21+25)/4 = 20.25; talk (120+300+100+80)/4 = 150;
  // surveyed c1 c3 c10, c3 dissatisfied = 2/3.
  t.same(byAgent.rows[0], {
    key: '1', label: '坐席 1001',
    offered: 4, answered: 4, abandoned: 0, answeredInServiceLevel: 1,
    answerRate: 1, serviceLevel: 0.25, averageWaitSeconds: 20.3, averageTalkSeconds: 150,
    surveyed: 3, surveySatisfied: 2, surveySatisfactionRate: 0.6667,
  });
  // Agent 2: c2 c6 c9, all within 20 s; wait (20+10+15)/3 = 15; talk (60+200)/2 = 130; surveyed c2 c6 = 2/2.
  t.same(byAgent.rows[1], {
    key: '2', label: '坐席 1002',
    offered: 3, answered: 3, abandoned: 0, answeredInServiceLevel: 3,
    answerRate: 1, serviceLevel: 1, averageWaitSeconds: 15, averageTalkSeconds: 130,
    surveyed: 2, surveySatisfied: 2, surveySatisfactionRate: 1,
  });
  // Nobody answered c4 c5 c8; c4 and c8 were abandoned, c5 overflowed.
  t.same(byAgent.rows[2], {
    key: null, label: '未接通 not answered',
    offered: 3, answered: 0, abandoned: 2, answeredInServiceLevel: 0,
    answerRate: 0, serviceLevel: 0, averageWaitSeconds: null, averageTalkSeconds: null,
    surveyed: 0, surveySatisfied: 0, surveySatisfactionRate: null,
  });
});

t.test('the service level threshold comes from SERVICE_LEVEL_SECONDS', async (t) => {
  const { get } = await world(t, { SERVICE_LEVEL_SECONDS: '25' });
  const body = (await get(range)).json();
  // Within 25 s: c1 (5) c2 (20) c6 (10) c7 (21) c9 (15) c10 (25) = 6/10.
  t.match(body, { by: 'day', serviceLevelSeconds: 25, total: { answeredInServiceLevel: 6, serviceLevel: 0.6 } });
});

t.test('CSV for Excel: BOM, Chinese and English header, a row per day and the total', async (t) => {
  const { get } = await world(t);
  const res = await get(`${range}&by=day&format=csv`);
  t.equal(res.statusCode, 200, res.body);
  t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/);
  t.equal(res.headers['content-disposition'], 'attachment; filename="calls-by-day-2026-11-24-to-2026-11-25.csv"');
  t.equal(res.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 byte-order mark first');
  const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
  t.same(lines, [
    '日期 day,呼入量 calls offered,接通量 answered,放弃量 abandoned,接通率 answer rate,服务水平内接通量 answered within service level,服务水平 service level,平均等待时长(秒) average wait (s),平均通话时长(秒) average talk time (s),参评量 surveyed,满意量 satisfied,满意度 post-call satisfaction',
    '2026-11-24,5,3,1,60.00%,2,40.00%,18.3,160.0,3,2,66.67%',
    '2026-11-25,5,4,1,80.00%,2,40.00%,17.8,126.7,2,2,100.00%',
    '合计 total,10,7,2,70.00%,4,40.00%,18.0,143.3,5,4,80.00%',
    '',
  ]);

  const byQueue = await get(`${range}&by=queue&format=csv`);
  t.match(byQueue.body, /\r\n企业诉求\/营商环境专线,4,3,0,75\.00%/, 'groups by their names');
});

t.test('only supervisors and admins see reports', async (t) => {
  const { ctx, get } = await world(t);
  t.equal((await get(range, await ctx.userToken('agent', 1))).statusCode, 403);
  const unit = await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'yc-market', name: '银川市市场监督管理局', kind: 'department' } });
  t.equal((await get(range, await ctx.userToken('unit', unit.json().id))).statusCode, 403, 'a handling unit');
  t.equal((await ctx.app.inject({ method: 'GET', url: `/api/reports/calls?${range}` })).statusCode, 401);
  t.equal((await get(range, await ctx.login())).statusCode, 200, 'admin');
});

t.test('a bad range is a 400 naming the field', async (t) => {
  const { get } = await world(t);
  const refused = async (query: string, field: RegExp) => {
    const res = await get(query);
    t.equal(res.statusCode, 400, query);
    t.match(res.json(), { code: 'INVALID_INPUT', message: field }, query);
  };
  await refused('from=2026-11-25&to=2026-11-24', /^to: 2026-11-25|^to: 2026-11-24 is before from/);
  await refused('from=2025-01-01&to=2026-01-02', /^to: .*367 days/);
  await refused('from=2026-02-30&to=2026-03-01', /^from: 2026-02-30 is not a date/);
  await refused('from=2026-11-24&to=25-11-2026', /querystring\/to must match pattern/);
  await refused('to=2026-11-24', /querystring must have required property 'from'/);
  await refused(`${range}&by=unit`, /querystring\/by must be one of day, queue, agent/);
  await refused(`${range}&format=xlsx`, /querystring\/format must be one of json, csv/);
  t.equal((await get('from=2025-01-01&to=2025-12-31')).statusCode, 200, '365 days');
  t.equal((await get('from=2024-01-01&to=2024-12-31')).statusCode, 200, 'a leap year, 366 days');
});
