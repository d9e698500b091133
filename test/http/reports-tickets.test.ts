import t from 'tap';
import { ticketReportScenario as scenario } from '../helpers/report-scenarios.js';
import { ticketWorld } from '../helpers/tickets.js';

// The tickets are test/helpers/report-scenarios.ts's T1–T8, reported on 31 December 2026.

const range = 'from=2026-11-24&to=2026-11-25';
const none = { signForDue: 0, signedForOnTime: 0, completionDue: 0, completedOnTime: 0, callbacks: 0, satisfied: 0, onTimeSignForRate: null, onTimeCompletionRate: null, callbackSatisfactionRate: null };

t.test('ticket figures by day and in total, as worked out by hand', async (t) => {
  const w = await scenario(t);
  const res = await w.get(`${range}&by=day`);
  t.equal(res.statusCode, 200, res.body);
  const body = res.json();
  t.equal(body.asOf, Date.parse('2026-12-31T09:00:00+08:00'));
  // Taken in T1–T6 (T7 merged, T8 the 26th) = 6. Direct answers T1, T5 (dispatched first, returned, then answered) = 2/6.
  // Completed or closed: T1, T2, T5 = 3/6 (T3 reopened, T4 handling, T6 intake).
  // Parts: T2 市场, T3 住建, T4 市场, T4 住建 decide both deadlines (T5's part was returned unsigned: left out).
  // Signed for on time: T2 市场, T4 市场 = 2/4. Replied on time: T2 市场 = 1/4 (T3 late, T4's two never).
  // Callbacks: T2 satisfied, T3 dissatisfied = 1/2.
  const total = {
    takenIn: 6, directAnswered: 2, completed: 3,
    signForDue: 4, signedForOnTime: 2, completionDue: 4, completedOnTime: 1, callbacks: 2, satisfied: 1,
    directAnswerRate: 0.3333, onTimeSignForRate: 0.5, onTimeCompletionRate: 0.25, completionRate: 0.5, callbackSatisfactionRate: 0.5,
  };
  t.same(body.total, total);
  t.same(body.rows[0], { key: '2026-11-24', label: '2026-11-24', ...total, takenIn: 5, directAnswerRate: 0.4, completionRate: 0.6 }, 'T1–T5 hold every part and callback');
  t.same(body.rows[1], { key: '2026-11-25', label: '2026-11-25', takenIn: 1, directAnswered: 0, completed: 0, directAnswerRate: 0, completionRate: 0, ...none }, 'T6 only');
});

t.test('by handling unit: a ticket counts for each unit it went to; never-dispatched tickets last', async (t) => {
  const w = await scenario(t);
  const body = (await w.get(`${range}&by=unit`)).json();
  t.same(body.rows.map((r: any) => r.label), ['银川市市场监督管理局', '银川市住房和城乡建设局', '未转办 not dispatched'].sort((a, b) => (a.startsWith('未') ? 1 : b.startsWith('未') ? -1 : a.localeCompare(b, 'zh-CN'))));
  const row = (key: number | null) => body.rows.find((r: any) => r.key === (key === null ? null : String(key)));
  // 市场监管局: T2, T4. Completed T2 = 1/2. Sign-for T2 T4 on time 2/2; replied on time T2 1/2; callback T2 satisfied 1/1.
  t.same(row(w.units.market), {
    key: String(w.units.market), label: '银川市市场监督管理局',
    takenIn: 2, directAnswered: 0, completed: 1, signForDue: 2, signedForOnTime: 2, completionDue: 2, completedOnTime: 1, callbacks: 1, satisfied: 1,
    directAnswerRate: 0, onTimeSignForRate: 1, onTimeCompletionRate: 0.5, completionRate: 0.5, callbackSatisfactionRate: 1,
  });
  // 住建局: T3, T4, T5. T5 answered directly and closed = 1/3 each. Parts T3, T4 both late (T5 returned: out) 0/2; callback T3 dissatisfied 0/1.
  t.same(row(w.units.housing), {
    key: String(w.units.housing), label: '银川市住房和城乡建设局',
    takenIn: 3, directAnswered: 1, completed: 1, signForDue: 2, signedForOnTime: 0, completionDue: 2, completedOnTime: 0, callbacks: 1, satisfied: 0,
    directAnswerRate: 0.3333, onTimeSignForRate: 0, onTimeCompletionRate: 0, completionRate: 0.3333, callbackSatisfactionRate: 0,
  });
  // Never dispatched: T1 (closed by direct answer), T6 (intake).
  t.same(row(null), { key: null, label: '未转办 not dispatched', takenIn: 2, directAnswered: 1, completed: 1, directAnswerRate: 0.5, completionRate: 0.5, ...none });
  t.equal(body.total.takenIn, 6, 'the total counts each ticket once');
});

t.test('by channel, type and category', async (t) => {
  const w = await scenario(t);
  const keysAndCounts = async (by: string) => (await w.get(`${range}&by=${by}`)).json().rows.map((r: any) => [r.key, r.label, r.takenIn, r.completed]);
  t.same(await keysAndCounts('channel'), [['phone', '电话 phone', 5, 3], ['web', '网站 web', 1, 0]].sort((a, b) => String(a[1]).localeCompare(String(b[1]), 'zh-CN')));
  const types = await keysAndCounts('type');
  t.same(types.find((r: any[]) => r[0] === 'complaint'), ['complaint', '投诉 complaint', 5, 3]);
  t.same(types.find((r: any[]) => r[0] === 'consult'), ['consult', '咨询 consult', 1, 0]);
  const categories = await keysAndCounts('category');
  t.same(categories.find((r: any[]) => r[0] === 'market'), ['market', '市场监管与消费 market', 5, 3]);
  t.same(categories.find((r: any[]) => r[0] === 'housing'), ['housing', '住房与物业 housing', 1, 0]);
});

t.test('a deadline not yet passed is not yet counted', async (t) => {
  const w = await ticketWorld(t);
  const number = await w.intake();
  t.equal((await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market] })).statusCode, 200);
  const get = async () => (await w.ctx.api({ method: 'GET', url: '/api/reports/tickets?from=2026-11-24&to=2026-11-24' }, w.tokens.supervisor)).json().total;
  const { signForDueAt } = (await w.ticket(number)).assignments[0];
  w.setNow('2026-11-24T10:00:00');
  t.ok(Date.parse('2026-11-24T10:00:00+08:00') < signForDueAt, 'dispatched at 09:00, due to be signed for at 11:00');
  t.match(await get(), { signForDue: 0, onTimeSignForRate: null, completionDue: 0 }, 'at 10:00, unsigned and not yet late: not counted');
  w.setNow('2026-11-24T11:00:00');
  t.match(await get(), { signForDue: 1, signedForOnTime: 0, onTimeSignForRate: 0, completionDue: 0 }, 'at the deadline, still unsigned: late');
});

t.test('a ticket sent to the same unit twice counts once for it, its two parts twice', async (t) => {
  const w = await ticketWorld(t);
  const number = await w.intake();
  t.equal((await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market] })).statusCode, 200);
  t.equal((await w.act(number, 'return', w.tokens.market, { reason: '请补充地址' })).statusCode, 200);
  t.equal((await w.act(number, 'dispatch', w.tokens.agent, { units: [w.units.market] })).statusCode, 200);
  t.equal((await w.act(number, 'sign-for', w.tokens.market)).statusCode, 200);
  const body = (await w.ctx.api({ method: 'GET', url: '/api/reports/tickets?from=2026-11-24&to=2026-11-24&by=unit' }, w.tokens.supervisor)).json();
  // The returned part was never signed for: only the second part counts toward sign-for, on time.
  t.same(body.rows.map((r: any) => [r.key, r.takenIn, r.signForDue, r.signedForOnTime]), [[String(w.units.market), 1, 1, 1]]);
});

t.test('tickets as CSV; role checks', async (t) => {
  const w = await scenario(t);
  const res = await w.get(`${range}&by=unit&format=csv`);
  t.equal(res.statusCode, 200, res.body);
  t.equal(res.headers['content-disposition'], 'attachment; filename="tickets-by-unit-2026-11-24-to-2026-11-25.csv"');
  t.ok(res.body.startsWith('\uFEFF承办单位 handling unit,受理量 tickets taken in,直接答复量 direct answers,直接答复率 direct-answer rate,'), res.body.slice(0, 80));
  const lines = res.body.split('\r\n');
  t.equal(lines.length, 6, 'header, three units, total, and the final line break');
  t.equal(lines[4], '合计 total,6,2,33.33%,4,2,50.00%,4,1,25.00%,3,50.00%,2,1,50.00%');
  t.match(lines[3], /^未转办 not dispatched,2,1,50\.00%,0,0,,0,0,,1,50\.00%,0,0,$/, 'no figure where nothing was due: an empty cell, not 0%');

  t.equal((await w.get(range, w.tokens.agent)).statusCode, 403);
  t.equal((await w.get(range, w.tokens.market)).statusCode, 403);
  const bad = await w.get('from=2026-11-24&to=2026-11-23');
  t.match(bad.json(), { statusCode: 400, message: /^to: / });
});
