import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';

const DAY = 86_400_000;
const leak = { type: 'complaint', category: 'housing', title: '楼上漏水', content: '幸福小区3号楼502室楼上卫生间漏水，天花板渗水严重，物业不处理。', address: '朝阳区幸福小区3号楼' };

const intake = async (ctx: TestContext, payload: Record<string, unknown>, token?: string) => {
  const res = await ctx.api({ method: 'POST', url: '/api/tickets', payload }, token);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().number as string;
};
const duplicatesOf = async (ctx: TestContext, number: string, token?: string) => (await ctx.api({ method: 'GET', url: `/api/tickets/${number}/duplicates` }, token)).json();

t.test('a second ticket from the same number within the window is a candidate; one older than the window is not', async (t) => {
  const ctx = await build(t);
  ctx.app.ticketsRepository.create({ number: '202601010001', caller: '13800001111', status: 'closed', title: '噪音扰民' }, Date.now() - 40 * DAY);
  const first = await intake(ctx, { caller: '13800001111', type: 'consult', category: 'labor', title: '社保卡补办', content: '社保卡丢失如何补办' });
  const second = await intake(ctx, { caller: '13800001111', type: 'consult', category: 'labor', title: '医保报销进度', content: '上月住院医保报销何时到账' });
  t.same(await duplicatesOf(ctx, first), [], 'the 40-day-old ticket is outside the 30 days');
  t.match(await duplicatesOf(ctx, second), [{ number: first, title: '社保卡补办', reasons: ['same-caller'], confirmed: false }]);
  t.ok((await duplicatesOf(ctx, second))[0].score < 0.3, 'different matters score low');
});

t.test('a near-identical ticket about the same place from another number is a candidate; a different matter at the same place is not', async (t) => {
  const ctx = await build(t);
  const first = await intake(ctx, { caller: '13800001111', ...leak });
  const other = await intake(ctx, { caller: '13900002222', ...leak, title: '楼上漏水问题', content: '幸福小区3号楼502室楼上卫生间漏水，天花板渗水很严重，物业一直不处理。', address: '幸福小区 3号楼' });
  const parking = await intake(ctx, { caller: '13700003333', ...leak, title: '小区停车难', content: '幸福小区3号楼门口车辆乱停，消防通道被占。' });
  const elsewhere = await intake(ctx, { caller: '13600004444', ...leak, address: '海淀区阳光花园1号楼' });
  const [candidate] = await duplicatesOf(ctx, other);
  t.match(candidate, { number: first, reasons: ['same-content'] });
  t.ok(candidate.score >= 0.6, `similar enough (${candidate.score})`);
  t.same(await duplicatesOf(ctx, parking), [], 'same place, another matter');
  t.same(await duplicatesOf(ctx, elsewhere), [], 'same words, another place');

  // The agent corrects the address of the last one: now it is about the same place.
  await ctx.api({ method: 'PATCH', url: `/api/tickets/${elsewhere}`, payload: { address: '朝阳区幸福小区3号楼' } });
  t.same((await duplicatesOf(ctx, elsewhere)).map((c: { number: string }) => c.number).sort(), [first, other].sort());
});

t.test('the threshold is configurable', async (t) => {
  const ctx = await build(t, { env: { DUPLICATE_MIN_SIMILARITY: '0.95' } });
  await intake(ctx, { caller: '13800001111', ...leak });
  const other = await intake(ctx, { caller: '13900002222', ...leak, content: '幸福小区3号楼502室楼上卫生间漏水，天花板渗水很严重，物业一直不处理。' });
  t.same(await duplicatesOf(ctx, other), []);
});

t.test('the agent who took the ticket in confirms a candidate; another agent cannot', async (t) => {
  const ctx = await build(t);
  const agent1 = await ctx.userToken('agent', 1);
  const agent2 = await ctx.userToken('agent', 2);
  const first = await intake(ctx, { caller: '13800001111', ...leak }, agent1);
  const second = await intake(ctx, { caller: '13800001111', ...leak }, agent1);
  t.match(await duplicatesOf(ctx, second, agent2), [{ number: first, reasons: ['same-caller', 'same-content'], score: 1 }], 'any agent may look');

  t.equal((await ctx.api({ method: 'POST', url: `/api/tickets/${second}/duplicates/${first}/confirm` }, agent2)).statusCode, 403);
  const confirmed = await ctx.api({ method: 'POST', url: `/api/tickets/${second}/duplicates/${first}/confirm` }, agent1);
  t.equal(confirmed.statusCode, 200, confirmed.body);
  t.match(confirmed.json(), { number: first, confirmed: true, confirmedAt: Number });
  await ctx.api({ method: 'PATCH', url: `/api/tickets/${second}`, payload: { address: '海淀区阳光花园1号楼' } }, agent1);
  t.match(await duplicatesOf(ctx, second), [{ number: first, confirmed: true }], 'a confirmed link survives an edit');

  t.equal((await ctx.api({ method: 'POST', url: `/api/tickets/${first}/duplicates/${second}/confirm` })).statusCode, 409, 'a ticket repeats an earlier one, not a later one');
  t.equal((await ctx.api({ method: 'POST', url: `/api/tickets/${second}/duplicates/209901010001/confirm` })).statusCode, 404);
});
