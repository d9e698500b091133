import t, { type Test } from 'tap';
import { signatureHeaders } from '../../src/linkage/signature.js';
import { build, waitUntil, type TestContext } from '../helpers/app.js';
import { SECRET, answeredCall, connectTarget, partnerSystem, takeTicket } from './partner.js';

/** 110's system posts its result, signed as the contract says unless the test tampers with it. */
function report(ctx: TestContext, target: string, body: Record<string, unknown>, sign: { secret?: string; at?: number; tamper?: (raw: string) => string } = {}) {
  const raw = JSON.stringify(body);
  const headers = signatureHeaders(sign.secret ?? SECRET, raw, sign.at ?? Date.now());
  return ctx.app.inject({
    method: 'POST',
    url: `/api/linkage/${target}/feedback`,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: sign.tamper ? sign.tamper(raw) : raw,
  });
}

const feedbackCount = (ctx: TestContext) => (ctx.app.db.$client.prepare('select count(*) n from linkage_feedback').get() as { n: number }).n;

/** Agent 9 took a call, brought in 110 and saved the ticket; 110's system has acknowledged it. */
async function ticketAt110(t: Test) {
  const ctx = await build(t, { env: { RETRY_BASE_MS: '20' } });
  const partner = await partnerSystem(t);
  await connectTarget(ctx, '110', { webhookUrl: partner.url });
  await connectTarget(ctx, '12333', { webhookUrl: partner.url });
  const callId = answeredCall(ctx, 9);
  ctx.app.callLog.record(callId, 'linkage-connected', { target: '110' });
  const agent9 = await ctx.userToken('agent', 9);
  const ticket = await takeTicket(ctx, callId, agent9);
  await waitUntil(() => partner.received.length === 1, 3000, '110 to receive the ticket');
  return { ctx, ticket, agent9 };
}

const handled = (ticketNumber: string) => ({ ticketNumber, status: 'handled', result: '已出警，商户同意三日内退还押金。', externalId: 'JQ20261124000123', handledBy: '高新分局 张警官', reportedAt: 1_790_000_000_000 });

t.test('110’s system reports the result, signed: it is stored and shows on the ticket', async (t) => {
  const { ctx, ticket, agent9 } = await ticketAt110(t);
  const res = await report(ctx, '110', handled(ticket.number));
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), { id: Number, ...handled(ticket.number), target: '110', receivedAt: Number });

  const minimal = await report(ctx, '110', { ticketNumber: ticket.number, status: 'received', result: '已接收' });
  t.equal(minimal.statusCode, 201, minimal.body);
  t.match(minimal.json(), { externalId: null, handledBy: null });
  t.equal(minimal.json().reportedAt, minimal.json().receivedAt, 'reportedAt defaults to when it arrived');

  const linkage = await ctx.api({ method: 'GET', url: `/api/tickets/${ticket.number}/linkage` }, agent9);
  t.equal(linkage.statusCode, 200, linkage.body);
  t.match(linkage.json(), {
    deliveries: [{ target: '110', status: 'delivered', attempts: [{ httpStatus: 200, error: null }] }],
    feedback: [{ target: '110', status: 'handled', externalId: 'JQ20261124000123' }, { target: '110', status: 'received', result: '已接收' }],
  });
});

t.test('a report that is not signed right is refused with 401, and nothing is stored', async (t) => {
  const { ctx, ticket } = await ticketAt110(t);
  const body = handled(ticket.number);
  const cases: Array<[string, Awaited<ReturnType<typeof report>>, RegExp]> = [
    ['wrong secret', await report(ctx, '110', body, { secret: 'somebody-elses-secret-value' }), /does not match/],
    ['body changed after signing', await report(ctx, '110', body, { tamper: (raw) => raw.replace('handled', 'rejected') }), /does not match/],
    ['stale timestamp', await report(ctx, '110', body, { at: Date.now() - 6 * 60_000 }), /away from the server's clock; more than 300 s is refused/],
  ];
  const unsigned = await ctx.app.inject({ method: 'POST', url: '/api/linkage/110/feedback', payload: body });
  cases.push(['no signature', unsigned, /send X-Hotline-Timestamp and X-Hotline-Signature/]);
  for (const [what, res, message] of cases) {
    t.equal(res.statusCode, 401, what);
    t.match(res.json().message, message, what);
  }
  t.equal(feedbackCount(ctx), 0);
});

t.test('reports about unknown tickets, tickets never sent, unknown targets and targets without a secret are refused, naming them', async (t) => {
  const { ctx, ticket } = await ticketAt110(t);
  await connectTarget(ctx, '12315', { webhookUrl: 'https://12315.example.gov.cn/hook', webhookSecret: null });
  const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
    ['110', handled('209901010001'), 404, /Ticket 209901010001 not found/],
    ['12333', handled(ticket.number), 409, new RegExp(`ticket ${ticket.number} was never sent to linkage target 12333`)],
    ['999', handled(ticket.number), 404, /Linkage target 999 not found/],
    ['12315', handled(ticket.number), 409, /target 12315 has no webhook secret; feedback is refused/],
    ['110', { ...handled(ticket.number), status: 'done' }, 400, /status/],
    ['110', { ...handled(ticket.number), result: '' }, 400, /result/],
  ];
  for (const [target, body, status, message] of cases) {
    const res = await report(ctx, target, body);
    t.equal(res.statusCode, status, `${target} ${JSON.stringify(body)}`);
    t.match(res.json().message, message);
  }
  t.equal(feedbackCount(ctx), 0);
});

t.test('an agent reads the linkage of their own calls’ tickets only; supervisors read any', async (t) => {
  const { ctx, ticket } = await ticketAt110(t);
  const other = await ctx.api({ method: 'GET', url: `/api/tickets/${ticket.number}/linkage` }, await ctx.userToken('agent', 2));
  t.equal(other.statusCode, 403);
  t.match(other.json().message, new RegExp(`ticket ${ticket.number} is not from a call agent 2 took`));
  const supervisor = await ctx.api({ method: 'GET', url: `/api/tickets/${ticket.number}/linkage` }, await ctx.userToken('supervisor'));
  t.equal(supervisor.statusCode, 200);
  t.equal(supervisor.json().deliveries.length, 1);
  t.equal((await ctx.app.inject({ method: 'GET', url: `/api/tickets/${ticket.number}/linkage` })).statusCode, 401);
  t.equal((await ctx.api({ method: 'GET', url: '/api/tickets/209901010001/linkage' })).statusCode, 404);
});
