import t from 'tap';
import { build } from '../helpers/app.js';
import { callInto, lastCall, loginAgents, talkTo, waitForGone } from '../helpers/calls.js';

t.test('an answered call ends with a ticket or a reason it has none; supervisors list those with neither', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001', '13600000001');
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  const call = await lastCall(ctx);
  const agent = await ctx.userToken('agent', 1);
  const supervisor = await ctx.userToken('supervisor');

  const open = await ctx.api({ method: 'GET', url: '/api/calls?undisposed=true' }, supervisor);
  t.same(open.json().items.map((c: { id: string }) => c.id), [call.id], 'the answered call waits for a ticket or a reason');

  const other = await ctx.api({ method: 'POST', url: `/api/calls/${call.id}/no-ticket`, payload: { reason: 'silent' } }, await ctx.userToken('agent', 2));
  t.equal(other.statusCode, 403, 'not another agent’s call');
  const bad = await ctx.api({ method: 'POST', url: `/api/calls/${call.id}/no-ticket`, payload: { reason: 'bored' } }, agent);
  t.equal(bad.statusCode, 400);
  const repeatWithout = await ctx.api({ method: 'POST', url: `/api/calls/${call.id}/no-ticket`, payload: { reason: 'repeat' } }, agent);
  t.equal(repeatWithout.statusCode, 400);
  t.match(repeatWithout.json().message, /names the ticket it repeats/);
  const repeatUnknown = await ctx.api({ method: 'POST', url: `/api/calls/${call.id}/no-ticket`, payload: { reason: 'repeat', relatedTicket: '202601019999' } }, agent);
  t.equal(repeatUnknown.statusCode, 400);
  t.match(repeatUnknown.json().message, /no ticket 202601019999/);
  t.equal(ctx.app.callLog.get(call.id)!.noTicketReason, null, 'refusals changed nothing');

  const earlier = ctx.app.ticketsRepository.create({ number: '202611200001', caller: '13600000001', status: 'handling', title: '路灯不亮' });
  const ok = await ctx.api({ method: 'POST', url: `/api/calls/${call.id}/no-ticket`, payload: { reason: 'repeat', relatedTicket: '202611200001' } }, agent);
  t.equal(ok.statusCode, 200, ok.body);
  t.match(ok.json(), { noTicketReason: 'repeat', relatedTicketId: earlier.id });
  t.same((await ctx.api({ method: 'GET', url: '/api/calls?undisposed=true' }, supervisor)).json().items, []);

  // A call the IVR handled alone needs nothing.
  const ivrOnly = ctx.asterisk.placeCall({ caller: '13600000002' });
  await ctx.asterisk.waitFor(() => ctx.asterisk.playbacksOn(ivrOnly.id).length > 0, 2000, 'the welcome');
  ctx.asterisk.hangup(ivrOnly.id);
  const abandoned = await lastCall(ctx);
  const never = await ctx.api({ method: 'POST', url: `/api/calls/${abandoned.id}/no-ticket`, payload: { reason: 'silent' } });
  t.equal(never.statusCode, 409);
  t.match(never.json().message, /never answered/);
});

t.test('a call with a ticket cannot also be given a no-ticket reason', async (t) => {
  const ctx = await build(t);
  await loginAgents(ctx, 1);
  await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  const agent = await ctx.userToken('agent', 1);
  const ticket = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId, type: 'consult', category: 'other', title: '咨询社保', content: '' } }, agent);
  t.equal(ticket.statusCode, 201, ticket.body);
  const res = await ctx.api({ method: 'POST', url: `/api/calls/${callId}/no-ticket`, payload: { reason: 'silent' } }, agent);
  t.equal(res.statusCode, 409);
  t.match(res.json().message, /already has ticket/);
  t.equal((await ctx.api({ method: 'GET', url: '/api/calls/nope' })).statusCode, 404);
});

t.test('a citizen who hangs up while waiting is on the callback list until someone marks it done', async (t) => {
  const ctx = await build(t);
  const citizen = await callInto(ctx, '1', '13600000003');
  ctx.asterisk.hangup(citizen);
  const call = await lastCall(ctx);
  t.match(call, { outcome: 'abandoned-in-queue' });
  const agent = await ctx.userToken('agent', 1);
  const list = await ctx.api({ method: 'GET', url: '/api/callbacks' }, agent);
  t.equal(list.statusCode, 200);
  t.match(list.json(), [{ callId: call.id, number: '13600000003', queue: 'general', reason: 'abandoned', status: 'pending' }]);
  const id = list.json()[0].id;
  const done = await ctx.api({ method: 'POST', url: `/api/callbacks/${id}/done` }, agent);
  t.match(done.json(), { status: 'done', doneBy: 1 });
  t.equal((await ctx.api({ method: 'POST', url: `/api/callbacks/${id}/done` }, agent)).statusCode, 409);
  t.same((await ctx.api({ method: 'GET', url: '/api/callbacks' }, agent)).json(), []);
  t.match((await ctx.api({ method: 'GET', url: '/api/callbacks?status=done' })).json(), [{ id }]);
  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/callbacks' })).statusCode, 401);
});
