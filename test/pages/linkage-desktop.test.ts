import t from 'tap';
import { build } from '../helpers/app.js';
import { callInto, waitForBridged, waitForGone } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

t.test('from the desktop: consult 110, join all three, drop 110; a busy 12315 is reported and the call goes on', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const res = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'li', password: 'password-123', role: 'agent', agentId: 1 } });
  t.equal(res.statusCode, 201, res.body);
  const page = await loggedInPage(browser, base, 'li', 'password-123');
  const problems = pageProblems(page);
  await page.getByRole('button', { name: '签入' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();

  const citizen = await callInto(ctx, '1', '13700001111');
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  await page.getByTestId('screen-pop').getByText('当前通话').waitFor();

  await page.getByTestId('link-110-consult').click();
  const police = await ctx.asterisk.waitForOriginate('PJSIP/110@linkage');
  await page.getByTestId('linkage-state').filter({ hasText: '呼叫中' }).waitFor();
  t.equal(ctx.asterisk.channel(citizen)!.moh, 'default', 'the citizen waits with music');
  ctx.asterisk.answerLeg(police.id);
  await page.getByTestId('linkage-state').filter({ hasText: '已接通' }).waitFor();
  await screenshot(page, 'linkage-1-consulting');

  await page.getByRole('button', { name: '合并三方' }).click();
  const all = await waitForBridged(ctx, citizen, police.id);
  t.same([...all.channels].sort(), [citizen, leg.id, police.id].sort(), 'all three in one bridge');
  await page.getByTestId('linkage').getByText('三方通话').waitFor();
  await screenshot(page, 'linkage-2-three-way');

  await page.getByRole('button', { name: '挂断对方' }).click();
  await waitForGone(ctx, police.id);
  await page.getByTestId('link-12315-three-way').waitFor();

  await page.getByTestId('link-12315-three-way').click();
  const market = await ctx.asterisk.waitForOriginate('PJSIP/12315@linkage');
  ctx.asterisk.rejectLeg(market.id, 'busy');
  const notice = await page.getByTestId('linkage-failed').textContent();
  t.match(notice, /12315 市场监管 未接通（忙）/);
  await screenshot(page, 'linkage-3-busy');
  await waitForBridged(ctx, citizen, leg.id);
  t.same(problems, [], 'no page errors');
});
