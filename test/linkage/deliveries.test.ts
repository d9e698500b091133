import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openDatabase } from '../../src/db/client.js';
import { linkageDeliveryAttempts } from '../../src/db/schema/index.js';
import { verifySignature } from '../../src/linkage/signature.js';
import { FakeAsterisk } from '../fake-asterisk/index.js';
import { build, waitUntil, type TestContext } from '../helpers/app.js';
import { SECRET, answeredCall, connectTarget, draft, partnerSystem, takeTicket } from './partner.js';

const fast = { RETRY_BASE_MS: '20', RETRY_MAX_MS: '1000', WEBHOOK_TIMEOUT_MS: '200' };

interface Attempt {
  at: number;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

const linkageOf = async (ctx: TestContext, number: string) => (await ctx.api({ method: 'GET', url: `/api/tickets/${number}/linkage` })).json();
const deliveriesOf = (ctx: TestContext, number: string) => ctx.app.linkageOutbox.forTicket(ctx.app.ticketsRepository.findByNumber(number)!.id);
const delivered = (ctx: TestContext, number: string, count = 1) => () => {
  const all = deliveriesOf(ctx, number);
  return all.length === count && all.every((d) => d.status === 'delivered');
};

t.test('110 joins the call, the agent saves the ticket: 110’s system fails twice, then acknowledges; every try is signed and logged, the waits grow', async (t) => {
  const ctx = await build(t, { env: fast });
  const partner = await partnerSystem(t, [500, 'hang']);
  await connectTarget(ctx, '110', { webhookUrl: partner.url });
  const callId = answeredCall(ctx, 9);
  ctx.app.callLog.record(callId, 'linkage-connected', { target: '110' });
  t.same(ctx.app.linkageDeliveries.linkageConnected(callId, '110'), [], 'no ticket yet, nothing to send');

  const ticket = await takeTicket(ctx, callId);
  await waitUntil(delivered(ctx, ticket.number), 5000, 'the delivery to be acknowledged');

  const { deliveries } = await linkageOf(ctx, ticket.number);
  t.equal(deliveries.length, 1);
  const [delivery] = deliveries;
  t.match(delivery, { target: '110', ticketNumber: ticket.number, status: 'delivered', nextAttemptAt: null, deliveredAt: Number });
  const attempts: Attempt[] = delivery.attempts;
  t.match(attempts, [
    { httpStatus: 500, error: null },
    { httpStatus: null, error: 'no answer within 200 ms' },
    { httpStatus: 200, error: null },
  ]);
  t.ok(attempts[1]!.durationMs >= 190, `the hang lasted until the timeout (${attempts[1]!.durationMs} ms)`);
  const waits = [1, 2].map((i) => attempts[i]!.at - (attempts[i - 1]!.at + attempts[i - 1]!.durationMs));
  t.ok(waits[0]! >= 18, `first wait ≈ RETRY_BASE_MS (${waits[0]} ms)`);
  t.ok(waits[1]! >= 36, `second wait ≈ twice that (${waits[1]} ms)`);

  t.equal(partner.received.length, 3, 'the partner saw three tries');
  for (const r of partner.received) {
    const headers = { timestamp: r.headers['x-hotline-timestamp'] as string, signature: r.headers['x-hotline-signature'] as string };
    t.same(verifySignature(SECRET, headers, r.body), { ok: true }, 'signed with the shared secret');
    t.equal(r.headers['content-type'], 'application/json');
    t.equal(r.headers['x-hotline-delivery'], String(delivery.id));
  }
  t.same(JSON.parse(partner.received[0]!.body), {
    ticketNumber: ticket.number,
    type: draft.type,
    category: draft.category,
    title: draft.title,
    content: draft.content,
    citizenName: draft.citizenName,
    address: draft.address,
    caller: '13912345678',
    callId,
    createdAt: ctx.app.ticketsRepository.findByNumber(ticket.number)!.createdAt,
    target: '110',
  });
  t.equal(new Set(partner.received.map((r) => r.body)).size, 1, 'every try carries the same summary');
});

t.test('110 joins after the ticket was saved: the ticket is queued once, however often the call code reports it', async (t) => {
  const ctx = await build(t, { env: fast });
  const partner = await partnerSystem(t);
  await connectTarget(ctx, '110', { webhookUrl: partner.url });
  const callId = answeredCall(ctx, 9);
  const first = await takeTicket(ctx, callId);
  t.same(deliveriesOf(ctx, first.number), [], 'nothing owed before 110 joins');

  ctx.app.callLog.record(callId, 'linkage-connected', { target: '110' });
  t.equal(ctx.app.linkageDeliveries.linkageConnected(callId, '110').length, 1);
  t.equal(ctx.app.linkageDeliveries.linkageConnected(callId, '110').length, 0, 'a second report (110 joined again) adds nothing');

  const second = await takeTicket(ctx, callId);
  t.equal(ctx.app.linkageDeliveries.linkageConnected(callId, '110').length, 0, 'the second ticket was queued when it was saved');
  await waitUntil(delivered(ctx, first.number), 3000, 'the first ticket delivered');
  await waitUntil(delivered(ctx, second.number), 3000, 'the second ticket delivered');
  t.same(partner.received.map((r) => JSON.parse(r.body).ticketNumber).sort(), [first.number, second.number].sort(), 'each ticket went once');
});

t.test('targets that take no tickets or have no webhook get nothing with the call; an agent can still send by hand where there is a URL', async (t) => {
  const ctx = await build(t, { env: fast });
  const partner = await partnerSystem(t);
  await connectTarget(ctx, '119', { webhookUrl: partner.url, ticketTravels: false });
  await connectTarget(ctx, '12315', { webhookUrl: null, ticketTravels: true });
  const callId = answeredCall(ctx, 9);
  for (const target of ['119', '12315']) {
    ctx.app.callLog.record(callId, 'linkage-connected', { target });
    ctx.app.linkageDeliveries.linkageConnected(callId, target);
  }
  const agent9 = await ctx.userToken('agent', 9);
  const ticket = await takeTicket(ctx, callId, agent9);
  t.equal(ctx.app.linkageDeliveries.linkageConnected(callId, '119').length + ctx.app.linkageDeliveries.linkageConnected(callId, '12315').length, 0);
  t.same(deliveriesOf(ctx, ticket.number), []);

  const sent = await ctx.api({ method: 'POST', url: `/api/tickets/${ticket.number}/linkage/119` }, agent9);
  t.equal(sent.statusCode, 202, sent.body);
  t.match(sent.json(), { target: '119', ticketNumber: ticket.number, status: 'pending', attempts: [] });
  await waitUntil(delivered(ctx, ticket.number), 3000, 'the hand-sent ticket delivered');
  t.equal(partner.received.length, 1);
  t.equal(JSON.parse(partner.received[0]!.body).target, '119');

  const noUrl = await ctx.api({ method: 'POST', url: `/api/tickets/${ticket.number}/linkage/12315` }, agent9);
  t.equal(noUrl.statusCode, 400);
  t.match(noUrl.json().message, /linkage target 12315 has no webhook URL/);
  const unknown = await ctx.api({ method: 'POST', url: `/api/tickets/${ticket.number}/linkage/999` }, agent9);
  t.equal(unknown.statusCode, 404);
  t.match(unknown.json().message, /Linkage target 999 not found/);
  const otherAgent = await ctx.api({ method: 'POST', url: `/api/tickets/${ticket.number}/linkage/119` }, await ctx.userToken('agent', 2));
  t.equal(otherAgent.statusCode, 403);
  const supervisor = await ctx.api({ method: 'POST', url: `/api/tickets/${ticket.number}/linkage/119` }, await ctx.userToken('supervisor'));
  t.equal(supervisor.statusCode, 202, 'a supervisor may send any ticket');
  t.equal(deliveriesOf(ctx, ticket.number).length, 2, 'the refused sends queued nothing');
});

t.test('a partner that hangs holds up only its own deliveries', async (t) => {
  const ctx = await build(t, { env: { ...fast, WEBHOOK_TIMEOUT_MS: '5000' } });
  const police = await partnerSystem(t, ['hang']);
  const market = await partnerSystem(t);
  await connectTarget(ctx, '110', { webhookUrl: police.url });
  await connectTarget(ctx, '12315', { webhookUrl: market.url });
  const callId = answeredCall(ctx, 9);
  ctx.app.callLog.record(callId, 'linkage-connected', { target: '110' });
  const ticket = await takeTicket(ctx, callId);
  await waitUntil(() => police.received.length === 1, 3000, '110 to receive the ticket');

  ctx.app.callLog.record(callId, 'linkage-connected', { target: '12315' });
  ctx.app.linkageDeliveries.linkageConnected(callId, '12315');
  await waitUntil(() => market.received.length === 1, 2000, '12315 to receive the ticket while 110 hangs');
  await waitUntil(() => deliveriesOf(ctx, ticket.number).find((d) => d.targetCode === '12315')?.status === 'delivered', 2000, '12315 to be marked delivered');
  t.equal(deliveriesOf(ctx, ticket.number).find((d) => d.targetCode === '110')?.status, 'pending', '110 is still hanging');
});

t.test('a delivery owed when the service stops goes out after the restart', async (t) => {
  const asterisk = new FakeAsterisk({ user: 'ari', password: 'ari-secret' });
  t.teardown(() => asterisk.stop());
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const partner = await partnerSystem(t, [503]);

  const first = await build(t, { asterisk, databasePath, env: { ...fast, RETRY_BASE_MS: '800' } });
  await connectTarget(first, '110', { webhookUrl: partner.url });
  const callId = answeredCall(first, 9);
  first.app.callLog.record(callId, 'linkage-connected', { target: '110' });
  const ticket = await takeTicket(first, callId);
  await waitUntil(() => deliveriesOf(first, ticket.number)[0]?.attempts === 1, 3000, 'the first try');
  await first.app.close();

  const second = await build(t, { asterisk, databasePath, env: fast });
  await waitUntil(delivered(second, ticket.number), 5000, 'the owed delivery after the restart');
  t.match(deliveriesOf(second, ticket.number)[0]!.tries, [{ httpStatus: 503 }, { httpStatus: 200 }]);
  t.equal(partner.received.length, 2);
});

t.test('stopping the service cuts a hanging delivery short, and the try is still logged', async (t) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'hotline-')), 'hotline.db');
  const ctx = await build(t, { databasePath, env: { ...fast, WEBHOOK_TIMEOUT_MS: '30000' } });
  const partner = await partnerSystem(t, ['hang']);
  await connectTarget(ctx, '110', { webhookUrl: partner.url });
  const callId = answeredCall(ctx, 9);
  ctx.app.callLog.record(callId, 'linkage-connected', { target: '110' });
  await takeTicket(ctx, callId);
  await waitUntil(() => partner.received.length === 1, 3000, 'the partner to receive the delivery');

  const started = Date.now();
  await ctx.app.close();
  t.ok(Date.now() - started < 5000, 'the close did not wait out the 30 s timeout');
  const db = openDatabase(databasePath);
  t.teardown(() => db.$client.close());
  t.match(db.select().from(linkageDeliveryAttempts).all(), [{ httpStatus: null, error: 'cut short: the service was stopping' }]);
});
