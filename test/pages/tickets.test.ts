import t from 'tap';
import { eq } from 'drizzle-orm';
import { callbackSurveys } from '../../src/db/schema/index.js';
import { goodReply, ticketWorld } from '../helpers/tickets.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

t.test('a supervisor dispatches a ticket, the unit signs for and replies, the supervisor accepts; a flagged reply needs confirming; a stale action shows the 409; the overdue list is supervised', async (t) => {
  const w = await ticketWorld(t);
  const base = await serve(w.ctx);
  const browser = await launchBrowser(t);
  const { tokens, units } = w;
  const ok = async (res: Awaited<ReturnType<typeof w.act>>) => t.equal(res.statusCode, 200, res.body);
  const first = await w.intake('商户拒绝退还预付卡余额');

  // ticketWorld's supervisor is the second user it made.
  const page = await loggedInPage(browser, base, 'supervisor2', 'password-123');
  await page.getByRole('link', { name: '工单管理' }).click();
  await page.waitForURL(/\/tickets\.html$/);
  await page.getByTestId('ticket-row').first().waitFor();
  await page.fill('input[name=q]', first);
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(new RegExp(`q=${first}`));
  t.equal(await page.getByTestId('ticket-row').count(), 1, 'the number finds its ticket');
  await page.getByTestId('ticket-row').click();
  await page.waitForURL(new RegExp(`ticket=${first}`));
  const detail = page.getByTestId('ticket-detail');
  await detail.getByTestId('ticket-status').filter({ hasText: '受理中' }).waitFor();
  t.equal(await detail.getByRole('button', { name: '审核通过' }).count(), 0, 'no accepting before a reply');

  await detail.getByRole('button', { name: '派单' }).click();
  await page.fill('input[name=unit-search]', '市场');
  await page.getByTestId('unit-picker').getByLabel('银川市市场监督管理局').check();
  t.equal(await page.getByTestId('unit-picker').getByRole('checkbox').count(), 1, 'the search leaves only the market regulator');
  await screenshot(page, 'tickets-1-dispatch');
  await page.getByRole('button', { name: '确认派单' }).click();
  await detail.getByTestId('ticket-status').filter({ hasText: '已派单' }).waitFor();
  t.match(await detail.getByTestId('assignment').textContent(), /银川市市场监督管理局.*待签收.*签收时限 正常/);

  await ok(await w.act(first, 'sign-for', tokens.market));
  await ok(await w.act(first, 'reply', tokens.market, { text: goodReply }));
  await page.reload();
  await detail.getByTestId('ticket-status').filter({ hasText: '已答复' }).waitFor();
  await detail.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('button', { name: '确认审核通过' }).click();
  await detail.getByTestId('ticket-status').filter({ hasText: '已办结' }).waitFor();
  const timeline = await detail.getByTestId('ticket-timeline').textContent();
  t.match(timeline, /派单：受理中 → 已派单/);
  t.match(timeline, /（银川市市场监督管理局） 签收/);
  t.match(timeline, /（银川市市场监督管理局） 答复：办理中 → 已答复/);
  t.match(timeline, /supervisor2 审核通过：已答复 → 已办结/);
  t.ok(await detail.getByRole('button', { name: '回访' }).isVisible(), 'a completed ticket is called back next');
  t.match(await detail.getByTestId('callback-survey').textContent(), /待拨打 · 下次 /, 'the 智能回访 waits for its call');
  await screenshot(page, 'tickets-2-accepted');
  // Every call failed: the page says a person must call back.
  w.ctx.app.db.update(callbackSurveys).set({ status: 'failed', attempts: 3, lastFailure: 'no-answer' }).where(eq(callbackSurveys.status, 'pending')).run();
  await page.reload();
  t.match(await detail.getByTestId('callback-survey').textContent(), /未成功，请人工回访 · 已拨 3\/3 次 · 上次无人接听/);
  await screenshot(page, 'tickets-2b-survey-failed');

  // A reply of just "已完成" is flagged: accepting it takes an explicit tick.
  const flagged = await w.intake('小区路灯不亮');
  await ok(await w.act(flagged, 'dispatch', tokens.agent, { units: [units.housing] }));
  await ok(await w.act(flagged, 'sign-for', tokens.housing));
  await ok(await w.act(flagged, 'reply', tokens.housing, { text: '已完成' }));
  await page.goto(`${base}/tickets.html?ticket=${flagged}`);
  await detail.getByTestId('reply-flag').waitFor();
  await detail.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('button', { name: '确认审核通过' }).click();
  await page.getByTestId('action-error').filter({ hasText: 'perfunctory' }).waitFor();
  t.match(await detail.getByTestId('ticket-status').textContent(), /已答复/, 'refused: still replied');
  await screenshot(page, 'tickets-3-flagged');
  await page.getByLabel('答复被标记为疑似敷衍，仍确认通过').check();
  await page.fill('textarea[name=text]', '已电话核实，路灯已修复');
  await page.getByRole('button', { name: '确认审核通过' }).click();
  await detail.getByTestId('ticket-status').filter({ hasText: '已办结' }).waitFor();

  // Someone else answers the ticket while the page is open: the page's answer is refused with the API's words.
  const stale = await w.intake('公交线路调整咨询');
  await page.goto(`${base}/tickets.html?ticket=${stale}`);
  await detail.getByRole('button', { name: '直接答复' }).click();
  await ok(await w.act(stale, 'direct-answer', tokens.agent, { answer: '已告知新线路。' }));
  await page.fill('textarea[name=text]', '线路调整见公交公司公告。');
  await page.getByRole('button', { name: '确认直接答复' }).click();
  const refusal = await page.getByTestId('action-error').textContent();
  t.match(refusal, new RegExp(`${stale}.*closed`), `the 409 names the state: ${refusal}`);
  await screenshot(page, 'tickets-4-conflict');

  // A ticket dispatched on Tuesday and never signed for is overdue by Friday.
  const late = await w.intake('占道经营噪音扰民');
  await ok(await w.act(late, 'dispatch', tokens.agent, { units: [units.housing] }));
  w.setNow('2026-11-27T10:00:00');
  await page.goto(`${base}/tickets.html`);
  await page.getByRole('tab', { name: '超期预警' }).click();
  const row = page.getByTestId('overdue-row').filter({ hasText: late });
  await row.waitFor();
  t.match(await row.textContent(), /银川市住房和城乡建设局.*签收时限 超期.*\d+%.*督办/);
  await row.getByRole('button', { name: '督办' }).click();
  await row.getByText('已督办').waitFor();
  t.equal(await row.getByRole('button', { name: '督办' }).count(), 0, 'a manual 督办 shows as 已督办 at once');
  await screenshot(page, 'tickets-5-overdue');
  await row.getByRole('link', { name: late }).click();
  await page.waitForURL(new RegExp(`ticket=${late}`));
  await detail.getByTestId('ticket-timeline').filter({ hasText: '超期督办' }).waitFor();
  t.match(await detail.getByTestId('ticket-timeline').textContent(), /督办.*超期督办/);
  const conflict = 'Failed to load resource: the server responded with a status of 409 (Conflict)';
  t.same(pageProblems(page), [conflict, conflict], 'only the two refusals the test provoked');
});

t.test('the list: every ticket newest first, the tabs and filters narrow it, a page at a time; a row opens its ticket', async (t) => {
  const w = await ticketWorld(t);
  const base = await serve(w.ctx);
  const browser = await launchBrowser(t);
  const { tokens, units } = w;
  const titles = ['商户拒绝退还预付卡余额', '小区路灯不亮', '公交线路调整咨询', '占道经营噪音扰民', '老旧小区加装电梯进度'];
  const numbers: string[] = [];
  for (const title of titles) numbers.push(await w.intake(title));
  await w.act(numbers[0]!, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(numbers[1]!, 'dispatch', tokens.agent, { units: [units.housing] });
  await w.act(numbers[1]!, 'sign-for', tokens.housing);
  await w.act(numbers[2]!, 'direct-answer', tokens.agent, { answer: '已告知新线路。' });

  const made = await w.ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'banzhang', password: 'password-123', role: 'supervisor' } });
  t.equal(made.statusCode, 201, made.body);
  const page = await loggedInPage(browser, base, 'banzhang', 'password-123');
  await page.goto(`${base}/tickets.html`);
  const rows = page.getByTestId('ticket-row');
  await rows.first().waitFor();
  t.same(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-ticket'))), [...numbers].reverse(), 'newest first');
  t.match(await rows.filter({ hasText: numbers[1]! }).textContent(), /13912345678.*小区路灯不亮.*投诉.*办理中.*银川市住房和城乡建设局/);
  t.match(await page.getByTestId('pager').textContent(), /共 5 张/);
  await screenshot(page, 'tickets-6-list');

  await page.getByRole('tab', { name: '待派单' }).click();
  await page.waitForURL(/tab=todo/);
  await page.getByTestId('pager').filter({ hasText: '共 2 张' }).waitFor();
  t.same(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-ticket'))), [numbers[4], numbers[3]], 'only tickets waiting for dispatch');

  await page.getByRole('tab', { name: '全部工单' }).click();
  await page.selectOption('select[name=unit]', String(units.city));
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('pager').filter({ hasText: '共 2 张' }).waitFor();
  t.same(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-ticket'))), [numbers[1], numbers[0]], 'a city: its departments’ tickets');
  await page.selectOption('select[name=status]', 'handling');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('pager').filter({ hasText: '共 1 张' }).waitFor();
  await rows.click();
  await page.getByTestId('ticket-detail').getByText('小区路灯不亮').waitFor();
  t.match(page.url(), new RegExp(`unit=${units.city}.*status=handling.*ticket=${numbers[1]}|status=handling.*unit=${units.city}.*ticket=${numbers[1]}`), 'the view is in the address');
  await page.reload();
  await page.getByTestId('ticket-detail').getByText('小区路灯不亮').waitFor();
  t.equal(await page.inputValue('select[name=status]'), 'handling', 'a reload keeps the filters');
  await screenshot(page, 'tickets-7-filtered');

  await page.getByRole('button', { name: '重置' }).click();
  await page.getByTestId('pager').filter({ hasText: '共 5 张' }).waitFor();
  t.same(pageProblems(page), []);
});

t.test('past the counted cap the pager says 31+ and pages on while pages come full', async (t) => {
  const w = await ticketWorld(t, { TICKET_LIST_COUNT_CAP: '31' });
  const base = await serve(w.ctx);
  const browser = await launchBrowser(t);
  for (let i = 0; i < 62; i += 1) await w.intake(`小区噪音扰民 ${i + 1}`);
  const made = await w.ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'banzhang', password: 'password-123', role: 'supervisor' } });
  t.equal(made.statusCode, 201, made.body);
  const page = await loggedInPage(browser, base, 'banzhang', 'password-123');
  await page.goto(`${base}/tickets.html`);
  const pager = page.getByTestId('pager');
  await pager.filter({ hasText: '共 31+ 张' }).waitFor();
  t.match(await pager.textContent(), /共 31\+ 张 · 请缩小筛选范围.*第 1 \/ 2\+ 页/);
  await pager.scrollIntoViewIfNeeded();
  await screenshot(page, 'tickets-8-capped-total');
  const next = page.getByRole('button', { name: '下一页' });
  await next.click();
  await pager.filter({ hasText: '第 2 / 2+ 页' }).waitFor();
  t.ok(await next.isEnabled(), 'page 2 is full: there may be more');
  await next.click();
  await pager.filter({ hasText: '第 3 / 2+ 页' }).waitFor();
  t.equal(await page.getByTestId('ticket-row').count(), 2, 'the last two tickets');
  t.ok(await next.isDisabled(), 'a page not full is the last');
  t.same(pageProblems(page), []);
});
