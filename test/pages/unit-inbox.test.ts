import t from 'tap';
import { goodReply, ticketWorld } from '../helpers/tickets.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

t.test('a handling unit works from its inbox: signs for, replies with a photo, asks for more time, returns a ticket not its own; it reads its office’s tickets without acting on them', async (t) => {
  const w = await ticketWorld(t);
  const base = await serve(w.ctx);
  const browser = await launchBrowser(t);
  const { tokens, units, ctx } = w;
  const office = (await ctx.api({ method: 'POST', url: '/api/units', payload: { code: 'yc-market-xq', name: '兴庆区市场监管所', kind: 'department', parentId: units.market } })).json().id as number;
  const made = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'shichangju', password: 'password-123', role: 'unit', unitId: units.market } });
  t.equal(made.statusCode, 201, made.body);

  const refund = await w.intake('商户拒绝退还预付卡余额');
  const food = await w.intake('超市售卖过期食品');
  const lift = await w.intake('小区电梯长期故障');
  const scale = await w.intake('农贸市场缺斤短两');
  const theirs = await w.intake('路边摊占道经营');
  const housing = await w.intake('物业费上涨');
  for (const n of [refund, food, lift]) await w.act(n, 'dispatch', tokens.agent, { units: [units.market] });
  await w.act(scale, 'dispatch', tokens.agent, { units: [office] });
  await w.act(theirs, 'dispatch', tokens.agent, { units: [units.market, units.housing] });
  await w.act(housing, 'dispatch', tokens.agent, { units: [units.housing] });
  await w.act(theirs, 'sign-for', tokens.market);

  const page = await loggedInPage(browser, base, 'shichangju', 'password-123');
  t.match(page.url(), /\/tickets\.html$/, 'a unit user lands on the inbox');
  t.same(await page.locator('header nav a').allTextContents(), ['工单管理'], 'and has only the tickets in the header');
  const rows = page.getByTestId('ticket-row');
  const shown = () => rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-ticket')));
  await page.getByTestId('pager').filter({ hasText: '共 4 张' }).waitFor();
  t.same(await shown(), [scale, lift, food, refund], '待签收: its own and its office’s, newest first; not the housing bureau’s');
  t.match(await rows.filter({ hasText: scale }).textContent(), /兴庆区市场监管所/);
  await page.getByLabel('仅本单位（不含下级）').check();
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('pager').filter({ hasText: '共 3 张' }).waitFor();
  await screenshot(page, 'unit-inbox-1-to-sign');

  const detail = page.getByTestId('ticket-detail');
  await rows.filter({ hasText: refund }).click();
  await detail.getByRole('button', { name: '签收' }).click();
  await page.getByRole('button', { name: '确认签收' }).click();
  await detail.getByTestId('ticket-status').filter({ hasText: '办理中' }).waitFor();
  await page.getByTestId('pager').filter({ hasText: '共 2 张' }).waitFor();
  t.equal(await rows.filter({ hasText: refund }).count(), 0, 'signed for, it leaves 待签收');

  await page.getByRole('tab', { name: '办理中' }).click();
  await rows.filter({ hasText: refund }).waitFor();
  t.match(await rows.filter({ hasText: theirs }).textContent(), /12-01 09:00/, 'the ticket shared with another unit, signed for earlier: its own completion deadline, not the other unit’s sign-for');
  await detail.getByRole('button', { name: '答复' }).click();
  await page.fill('textarea[name=text]', goodReply);
  await page.setInputFiles('input[name=files]', [
    { name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') },
    { name: '退款协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 agreement') },
  ]);
  await screenshot(page, 'unit-inbox-2-reply');
  await page.getByRole('button', { name: '确认答复' }).click();
  await detail.getByTestId('ticket-status').filter({ hasText: '已答复' }).waitFor();
  t.match(await detail.getByTestId('attachments').textContent(), /现场照片\.png.*退款协议\.pdf/);
  t.match(await detail.getByTestId('assignment').textContent(), /已答复.*经核查/);
  const stored = ctx.app.ticketAttachments.list(ctx.app.ticketsRepository.findByNumber(refund)!.id);
  t.same(stored.map((f) => [f.name, f.contentType, f.size]), [['现场照片.png', 'image/png', 8], ['退款协议.pdf', 'application/pdf', 18]]);
  await page.getByRole('tab', { name: '已答复' }).click();
  await page.getByTestId('pager').filter({ hasText: '共 1 张' }).waitFor();
  await screenshot(page, 'unit-inbox-3-replied');

  // A ticket needing more time: sign for it, then ask for two working days.
  await page.getByRole('tab', { name: '待签收' }).click();
  await rows.filter({ hasText: food }).click();
  await detail.getByRole('button', { name: '签收' }).click();
  await page.getByRole('button', { name: '确认签收' }).click();
  await detail.getByRole('button', { name: '申请延期' }).click();
  await page.fill('input[name=hours]', '16');
  await page.fill('textarea[name=text]', '需抽检送检，检验报告需 3 个工作日');
  await page.getByRole('button', { name: '确认申请延期' }).click();
  await detail.getByText('申请延期 16 个工作小时：需抽检送检').waitFor();
  t.equal(await detail.getByRole('button', { name: '申请延期' }).count(), 0, 'one request at a time');

  // Not the market regulator's matter: returned with the reason.
  await rows.filter({ hasText: lift }).click();
  await detail.getByRole('button', { name: '退回' }).click();
  await page.fill('textarea[name=text]', '电梯维保属住建部门职责');
  await page.getByRole('button', { name: '确认退回' }).click();
  await detail.getByTestId('ticket-status').filter({ hasText: '已退回' }).waitFor();
  await page.getByRole('tab', { name: '已退回' }).click();
  await rows.filter({ hasText: lift }).waitFor();

  // The office's ticket: the regulator reads it, and has no buttons on it.
  await page.getByRole('tab', { name: '全部' }).click();
  await page.getByLabel('仅本单位（不含下级）').uncheck();
  await page.getByRole('button', { name: '查询' }).click();
  await rows.filter({ hasText: scale }).click();
  await detail.getByText('农贸市场缺斤短两').waitFor();
  t.match(await detail.locator('.controls').textContent(), /下级单位承办的工单仅可查看/);
  t.equal(await detail.getByRole('button').count(), 0, 'no action on a part that is not its own');
  t.equal(await rows.filter({ hasText: housing }).count(), 0, 'never the housing bureau’s own ticket');
  await screenshot(page, 'unit-inbox-4-office');
  t.same(pageProblems(page), []);
});
