import t from 'tap';
import { build } from '../helpers/app.js';
import { lastCall, loginAgents, talkTo } from '../helpers/calls.js';

const draft = { type: 'complaint', category: 'enterprise', title: '企业开办审批超时', content: '营业执照申请已超过五个工作日未办结。' };

t.test('an agent saves the ticket for the call they took; it is numbered, linked to the call and listed by caller', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 9);
  const { citizen } = await talkTo(ctx, '3', 'PJSIP/1009', '13912345678');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const agent9 = await ctx.userToken('agent', 9);

  const res = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId, ...draft, citizenName: '王女士' } }, agent9);
  t.equal(res.statusCode, 201, res.body);
  const ticket = res.json();
  t.match(ticket, { caller: '13912345678', status: 'intake', channel: 'phone', callId, agentId: 9, citizenName: '王女士', address: null, ...draft });
  t.match(ticket.number, /^\d{8}0001$/, 'the day and a sequence: digits a caller can key');

  const second = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { caller: '13900000000', ...draft } }, agent9);
  t.equal(Number(second.json().number), Number(ticket.number) + 1);

  const edited = await ctx.api({ method: 'PATCH', url: `/api/tickets/${ticket.number}`, payload: { address: '高新区科技路 1 号' } }, agent9);
  t.match(edited.json(), { address: '高新区科技路 1 号', title: draft.title });

  const listed = await ctx.api({ method: 'GET', url: '/api/tickets?caller=13912345678' }, agent9);
  t.same(listed.json().items.map((x: { number: string }) => x.number), [ticket.number]);
  t.equal(listed.json().total, 1);

  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.ok(call.events.some((e: { type: string; data: { ticket?: string } }) => e.type === 'ticket-created' && e.data.ticket === ticket.number));
});

t.test('bad ticket input is refused whole, naming what is wrong', async (t) => {
  const ctx = await build(t);
  const before = ctx.app.db.$client.prepare('select count(*) n from tickets').get();
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ ...draft, type: 'rumour' }, /type/],
    [{ ...draft, category: 'weather' }, /category/],
    [{ ...draft, title: '' }, /title/],
    [{ ...draft, callId: 'no-such-call' }, /callId: no call/],
    [{ ...draft }, /caller: required/],
    [{ ...draft, caller: '1380000', extra: 1 }, /extra|additional/],
  ];
  for (const [payload, message] of cases) {
    const res = await ctx.api({ method: 'POST', url: '/api/tickets', payload });
    t.equal(res.statusCode, 400, JSON.stringify(payload));
    t.match(res.json().message, message);
  }
  t.same(ctx.app.db.$client.prepare('select count(*) n from tickets').get(), before, 'nothing was written');
});

t.test('an agent cannot write a ticket for someone else’s call, nor edit another’s ticket', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const res = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId, ...draft } }, await ctx.userToken('agent', 2));
  t.equal(res.statusCode, 403);
  const mine = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId, ...draft } }, await ctx.userToken('agent', 1));
  const theirs = await ctx.api({ method: 'PATCH', url: `/api/tickets/${mine.json().number}`, payload: { title: '改标题' } }, await ctx.userToken('agent', 2));
  t.equal(theirs.statusCode, 403);
  const anon = await ctx.app.inject({ method: 'GET', url: '/api/tickets?caller=13800001234' });
  t.equal(anon.statusCode, 401);
});

t.test('the catalogue names the six ticket types and the categories', async (t) => {
  const ctx = await build(t);
  const res = (await ctx.api({ method: 'GET', url: '/api/tickets/catalogue' })).json();
  t.same(res.types.map((x: { zh: string }) => x.zh), ['咨询', '投诉', '求助', '建议', '举报', '表扬']);
  t.ok(res.categories.some((c: { code: string }) => c.code === 'enterprise'));
});

t.test('pause reasons: agents pick from the admin’s list; anything else is refused', async (t) => {
  const ctx = await build(t);
  const agent = await ctx.userToken('agent', 1);
  t.same((await ctx.api({ method: 'GET', url: '/api/pause-reasons' }, agent)).json().map((r: { code: string }) => r.code), ['training', 'meal', 'rest', 'meeting', 'after-call']);
  await loginAgents(ctx, 1);
  const bad = await ctx.api({ method: 'POST', url: '/api/agents/1/pause', payload: { reason: 'nap' } }, agent);
  t.equal(bad.statusCode, 400);
  t.match(bad.json().message, /reason: "nap" is not one of training, meal/);

  const forbidden = await ctx.api({ method: 'PUT', url: '/api/pause-reasons', payload: [{ code: 'nap', label: '午休', labelEn: 'Nap' }] }, agent);
  t.equal(forbidden.statusCode, 403);
  const twice = await ctx.api({ method: 'PUT', url: '/api/pause-reasons', payload: [{ code: 'nap', label: '午休', labelEn: 'Nap' }, { code: 'nap', label: '午休', labelEn: 'Nap' }] });
  t.equal(twice.statusCode, 400);
  const reserved = await ctx.api({ method: 'PUT', url: '/api/pause-reasons', payload: [{ code: 'no-answer', label: '未接', labelEn: 'Missed' }] });
  t.equal(reserved.statusCode, 400);
  const saved = await ctx.api({ method: 'PUT', url: '/api/pause-reasons', payload: [{ code: 'nap', label: '午休', labelEn: 'Nap' }] });
  t.equal(saved.statusCode, 200);
  t.equal((await ctx.api({ method: 'POST', url: '/api/agents/1/pause', payload: { reason: 'nap' } }, agent)).statusCode, 200);
});
