import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { callInto, lastCall, waitForBridged, waitForGone } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

const CALLER = '13912345678';

async function agentUser(ctx: TestContext, username: string, agentId: number): Promise<void> {
  const res = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username, password: 'password-123', role: 'agent', agentId } });
  if (res.statusCode !== 201) throw new Error(res.body);
}

t.test('a call pops on the agent’s page, is answered, held, ticketed, and the ticket is in the history of the next call', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await agentUser(ctx, 'zhang', 9);

  // An earlier call from the same number, abandoned in the menu, is in the history.
  const earlier = ctx.asterisk.placeCall({ caller: CALLER });
  await ctx.asterisk.waitFor(() => ctx.asterisk.playbacksOn(earlier.id).length > 0, 2000, 'the welcome prompt');
  ctx.asterisk.hangup(earlier.id);
  await lastCall(ctx);

  const page = await loggedInPage(browser, base, 'zhang', 'password-123');
  await page.getByTestId('link-status').filter({ hasText: '已连接' }).waitFor();
  t.equal(await page.getByTestId('agent-state').textContent(), '未签入');
  await page.getByRole('button', { name: '签入' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();
  await screenshot(page, 'agent-1-available');

  // Key 3: the enterprise line, which agent 9 serves.
  const citizen = await callInto(ctx, '3', CALLER);
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1009');
  const pop = page.getByTestId('screen-pop');
  await pop.getByText('来电振铃').waitFor();
  t.equal(await page.getByTestId('caller').textContent(), CALLER);
  t.match(await page.getByTestId('ivr-path').textContent(), /3 · 企业诉求/);
  t.equal(await page.getByTestId('history-call').count(), 1);
  t.match(await page.getByTestId('history-call').first().textContent(), /导航中挂机/);
  t.equal(await page.locator('select[name=category]').inputValue(), 'enterprise', 'the category follows key 3');
  await screenshot(page, 'agent-2-ringing');

  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  await pop.getByText('当前通话').waitFor();
  await page.getByTestId('talk-timer').waitFor();

  await page.getByRole('button', { name: '保持', exact: true }).click();
  await pop.getByText('保持中').waitFor();
  t.equal(ctx.asterisk.channel(citizen)!.moh, 'default', 'the citizen hears music on hold');
  await page.getByRole('button', { name: '恢复通话' }).click();
  await waitForBridged(ctx, citizen, leg.id);

  await page.selectOption('select[name=type]', 'complaint');
  await page.fill('input[name=title]', '企业开办审批超时');
  await page.fill('textarea[name=content]', '营业执照申请已超过五个工作日未办结，请督促。');
  await page.fill('input[name=citizenName]', '王女士');
  await screenshot(page, 'agent-3-on-call-ticket');
  await page.getByRole('button', { name: '保存工单' }).click();
  const saved = await page.getByTestId('ticket-saved').textContent();
  const number = /(\d{12})/.exec(saved ?? '')?.[1];
  t.ok(number, `the page shows the ticket number (${saved})`);
  t.match(ctx.app.ticketsRepository.findByNumber(number!), { caller: CALLER, type: 'complaint', category: 'enterprise', agentId: 9, citizenName: '王女士' });

  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  await page.getByTestId('wrap-up-countdown').waitFor();
  t.match(await page.getByTestId('agent-state').textContent(), /话后整理/);
  await screenshot(page, 'agent-4-wrap-up');
  await page.getByRole('button', { name: '整理完毕' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();

  // The same citizen calls again: the ticket just saved is in the pop's history.
  const again = await callInto(ctx, '3', CALLER);
  await ctx.asterisk.waitForOriginate('PJSIP/1009');
  await pop.getByText('来电振铃').waitFor();
  await page.getByTestId('history-ticket').first().waitFor();
  const row = await page.getByTestId('history-ticket').first().textContent();
  t.match(row, /投诉/);
  // The first call was recorded: its recording plays from the history, seekable by range.
  const audio = page.getByTestId('history-recording').first();
  await audio.waitFor();
  const status = await audio.evaluate(async (el) => (await fetch((el as HTMLAudioElement).src, { headers: { Range: 'bytes=0-99' } })).status);
  t.equal(status, 206, 'the page can fetch the recording it shows');
  t.match(row, /企业开办审批超时/);
  t.match(row, /已登记/);
  t.equal(await page.locator('input[name=title]').inputValue(), '', 'a new call opens a new draft');
  await screenshot(page, 'agent-5-repeat-caller');
  ctx.asterisk.hangup(again);
  t.same(pageProblems(page), []);
});

t.test('a page that was away gets the ringing call again when it reconnects', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await agentUser(ctx, 'li', 1);
  const page = await loggedInPage(browser, base, 'li', 'password-123');
  await page.getByRole('button', { name: '签入' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();

  await page.context().setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  // Drop the socket from the server side, as a network blip would.
  for (const client of ctx.app.websocketServer.clients) client.terminate();
  await page.getByTestId('link-status').filter({ hasText: '正在重连' }).waitFor();
  await callInto(ctx, '1', '13800009999');
  await ctx.asterisk.waitForOriginate('PJSIP/1001');
  await page.context().setOffline(false);
  await page.getByTestId('screen-pop').getByText('来电振铃').waitFor({ timeout: 15_000 });
  t.equal(await page.getByTestId('caller').textContent(), '13800009999');
});

t.test('the page speaks English when asked', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await agentUser(ctx, 'smith', 7);
  const page = await loggedInPage(browser, base, 'smith', 'password-123', 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('agent-state').filter({ hasText: 'Available' }).waitFor();
  await page.selectOption('select[aria-label=Reason]', 'meal');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('agent-state').filter({ hasText: 'Paused · Meal' }).waitFor();
  await screenshot(page, 'agent-6-english-paused');
  t.same(pageProblems(page), []);
});

t.test('wrap-up outlasts its time while the call has no ticket; the reason it needs none ends it', async (t) => {
  const ctx = await build(t);
  ctx.app.queuesRepository.upsert({ ...ctx.app.queuesRepository.get('general')!, wrapUpSeconds: 1 });
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await agentUser(ctx, 'li', 1);
  const page = await loggedInPage(browser, base, 'li', 'password-123');
  await page.getByTestId('link-status').filter({ hasText: '已连接' }).waitFor();
  await page.getByRole('button', { name: '签入' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();

  const citizen = await callInto(ctx, '1', CALLER);
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);

  await page.getByTestId('wrap-up-countdown').filter({ hasText: '话后时间已到' }).waitFor();
  await page.getByRole('button', { name: '整理完毕' }).click();
  const refused = await page.getByRole('alert').first().textContent();
  t.match(refused, /这通电话还没有工单/, 'ready is refused with the reason, in the page’s words');
  await screenshot(page, 'agent-7-wrap-up-owed');
  t.match(await page.getByTestId('agent-state').textContent(), /话后整理/);

  await page.selectOption('select[name=noTicketReason]', 'silent');
  await page.getByRole('button', { name: '确认无需建单' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();
  t.pass('the agent is available once the call has its reason');
  // The refused ready is a 409, which Chromium logs; nothing else may go wrong on the page.
  t.same(pageProblems(page).filter((p) => !/409/.test(p)), []);
});
