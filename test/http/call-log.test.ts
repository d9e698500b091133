import t, { type Test } from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { call, lastCall, loginAgents, talkTo, waitForBridged, waitForGone } from '../helpers/calls.js';

/**
 * Three calls, oldest first: 13800000001 presses 1 and agent 1 answers; 13900000002 presses 3
 * (the enterprise line) and agent 9 answers; 13800000003 hangs up in the menu.
 */
async function threeCalls(t: Test): Promise<{ ctx: TestContext; ids: { general: string; enterprise: string; abandoned: string } }> {
  const ctx = await build(t);
  await loginAgents(ctx, 1, 9);
  const answered = async (key: string, endpoint: string, caller: string) => {
    const { citizen, leg } = await talkTo(ctx, key, endpoint, caller);
    ctx.asterisk.hangup(citizen);
    await waitForGone(ctx, leg.id);
    return (await lastCall(ctx)).id as string;
  };
  const general = await answered('1', 'PJSIP/1001', '13800000001');
  const enterprise = await answered('3', 'PJSIP/1009', '13900000002');
  ctx.asterisk.hangup(await call(ctx, '13800000003'));
  const abandoned = (await lastCall(ctx)).id as string;
  return { ctx, ids: { general, enterprise, abandoned } };
}

async function listed(ctx: TestContext, query: string, token?: string): Promise<string[]> {
  const res = await ctx.api({ method: 'GET', url: `/api/calls?${query}` }, token);
  if (res.statusCode !== 200) throw new Error(`GET /api/calls?${query}: ${res.body}`);
  return res.json().items.map((c: { id: string }) => c.id);
}

t.test('a supervisor filters the call log by caller digits, agent, queue, outcome and disposition', async (t) => {
  const { ctx, ids } = await threeCalls(t);
  const supervisor = await ctx.userToken('supervisor');
  const { general, enterprise, abandoned } = ids;

  t.same(await listed(ctx, '', supervisor), [abandoned, enterprise, general], 'newest first');
  t.same(await listed(ctx, 'caller=138', supervisor), [abandoned, general], 'part of the number finds it');
  t.same(await listed(ctx, 'caller=0002', supervisor), [enterprise], 'the last digits a citizen quotes');
  t.same(await listed(ctx, 'agentId=1', supervisor), [general]);
  t.same(await listed(ctx, 'agentId=9', supervisor), [enterprise]);
  t.same(await listed(ctx, 'agentId=2', supervisor), []);
  t.same(await listed(ctx, 'queue=enterprise', supervisor), [enterprise]);
  t.same(await listed(ctx, 'outcome=completed', supervisor), [enterprise, general]);
  t.same(await listed(ctx, 'outcome=abandoned-in-ivr', supervisor), [abandoned]);
  t.same(await listed(ctx, 'outcome=completed&caller=138', supervisor), [general], 'filters combine');
  t.same(await listed(ctx, 'undisposed=true', supervisor), [enterprise, general], 'answered, with no ticket and no reason');

  const agent1 = await ctx.userToken('agent', 1);
  const ticket = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId: general, type: 'complaint', category: 'other', title: '路灯不亮' } }, agent1);
  t.equal(ticket.statusCode, 201, ticket.body);
  t.same(await listed(ctx, 'undisposed=true', supervisor), [enterprise], 'a ticket disposes of the call');
  const rows = (await ctx.api({ method: 'GET', url: '/api/calls?agentId=1' }, supervisor)).json().items;
  t.equal(rows[0].ticketNumber, ticket.json().number, 'the list names the ticket');

  const detail = (await ctx.api({ method: 'GET', url: `/api/calls/${general}` }, supervisor)).json();
  t.match(detail.tickets, [{ number: ticket.json().number, title: '路灯不亮', status: 'intake', type: 'complaint' }]);
});

t.test('the call log pages through calls newest first, with the total of all that match', async (t) => {
  const { ctx, ids } = await threeCalls(t);
  const first = (await ctx.api({ method: 'GET', url: '/api/calls?limit=2' })).json();
  t.equal(first.total, 3);
  t.same(first.items.map((c: { id: string }) => c.id), [ids.abandoned, ids.enterprise]);
  const second = (await ctx.api({ method: 'GET', url: '/api/calls?limit=2&offset=2' })).json();
  t.equal(second.total, 3);
  t.same(second.items.map((c: { id: string }) => c.id), [ids.general]);
  t.same((await ctx.api({ method: 'GET', url: '/api/calls?limit=2&offset=4' })).json(), { total: 3, items: [] }, 'past the end: empty, not an error');
});

t.test('an agent sees only the calls they answered; another agent’s call is forbidden', async (t) => {
  const { ctx, ids } = await threeCalls(t);
  const agent1 = await ctx.userToken('agent', 1);
  t.same(await listed(ctx, '', agent1), [ids.general], 'the list is cut to their own calls');
  t.same(await listed(ctx, 'agentId=1&undisposed=true', agent1), [ids.general]);
  t.same(await listed(ctx, 'queue=enterprise', agent1), [], 'filters apply within their own calls');

  const asOther = await ctx.api({ method: 'GET', url: '/api/calls?agentId=9' }, agent1);
  t.equal(asOther.statusCode, 403);
  t.match(asOther.json().message, /agentId/);
  t.equal((await ctx.api({ method: 'GET', url: `/api/calls/${ids.general}` }, agent1)).statusCode, 200);
  const other = await ctx.api({ method: 'GET', url: `/api/calls/${ids.enterprise}` }, agent1);
  t.equal(other.statusCode, 403, 'agent 9’s call');
  t.match(other.json(), { code: 'FORBIDDEN', message: /not taken by agent 1/ });
  t.equal((await ctx.api({ method: 'GET', url: `/api/calls/${ids.abandoned}` }, agent1)).statusCode, 403, 'a call no agent answered');

  const agent9 = await ctx.userToken('agent', 9);
  t.same(await listed(ctx, '', agent9), [ids.enterprise]);
  const admin = await listed(ctx, '');
  t.equal(admin.length, 3, 'admins see every call');
});

t.test('a call agent 1 transferred to agent 3 is in both agents’ call logs', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1, 3);
  const { citizen } = await talkTo(ctx, '1', 'PJSIP/1001', '13800000009');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const agent1 = await ctx.userToken('agent', 1);
  const res = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/transfer`, payload: { agentId: 3 } }, agent1);
  t.equal(res.statusCode, 200, res.body);
  const leg3 = await ctx.asterisk.waitForOriginate('PJSIP/1003');
  ctx.asterisk.answerLeg(leg3.id);
  await waitForBridged(ctx, citizen, leg3.id);
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg3.id);
  await lastCall(ctx);

  t.same(await listed(ctx, '', agent1), [callId], 'the agent who took it first');
  t.same(await listed(ctx, '', await ctx.userToken('agent', 3)), [callId], 'the agent it was transferred to');
  t.same(await listed(ctx, 'agentId=1'), [callId]);
  t.same(await listed(ctx, 'agentId=3'), [callId]);
  t.equal((await ctx.api({ method: 'GET', url: `/api/calls/${callId}` }, agent1)).statusCode, 200);
});

t.test('bad filters are a 400 naming the field, never a 500', async (t) => {
  const ctx = await build(t);
  const cases: Array<[string, RegExp]> = [
    ['agentId=abc', /agentId/],
    ['agentId=0', /agentId/],
    ['queue=Not%20a%20queue', /queue/],
    ['outcome=happy', /outcome/],
    ['caller=abc', /caller/],
    ['caller=', /caller/],
    ['offset=-1', /offset/],
    ['limit=0', /limit/],
    ['undisposed=maybe', /undisposed/],
    ['to=2026-13-45', /to/],
    ['sort=caller', /sort/],
  ];
  for (const [query, field] of cases) {
    const res = await ctx.api({ method: 'GET', url: `/api/calls?${query}` });
    t.equal(res.statusCode, 400, query);
    t.match(res.json(), { code: 'INVALID_INPUT', message: field }, query);
  }
  t.equal((await ctx.api({ method: 'GET', url: '/api/calls?queue=no-such-queue' })).json().total, 0, 'an unknown queue is a filter that matches nothing');
});
