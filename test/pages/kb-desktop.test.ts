import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { callInto, waitForBridged } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

const CALLER = '13912345678';

async function articles(ctx: TestContext) {
  const write = async (payload: Record<string, unknown>) => {
    const res = await ctx.api({ method: 'POST', url: '/api/kb', payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  };
  return {
    business: await write({
      title: '优化营商环境：企业开办一网通办',
      body: '企业开办实行全程网上办理，营业执照、公章刻制、发票申领一个工作日内办结。申请人可登录政务服务网提交材料。',
      category: 'enterprise',
      unit: '市市场监督管理局',
    }),
    water: await write({ title: '计划停水通知查询', body: '自来水公司计划停水会提前24小时在官网和小区公告栏公告；突发停水请拨打供水服务热线。', category: 'urban', unit: '市供水集团' }),
    fund: await write({ title: '住房公积金提取办理指南', body: '租房自住的职工可以申请提取住房公积金，每年一次。', category: 'housing', unit: '市住房公积金管理中心' }),
  };
}

t.test('the pop suggests articles by the caller’s menu choice; the agent searches, cites one, saves, and sees the earlier ticket as a possible duplicate', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const ids = await articles(ctx);
  const res = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'zhang', password: 'password-123', role: 'agent', agentId: 9 } });
  t.equal(res.statusCode, 201);
  // The same citizen rang last week about the same licence.
  const earlier = await ctx.api({
    method: 'POST',
    url: '/api/tickets',
    payload: { caller: CALLER, type: 'consult', category: 'enterprise', title: '营业执照办理咨询', content: '咨询营业执照网上办理流程' },
  });
  const earlierNumber = earlier.json().number as string;

  const page = await loggedInPage(browser, base, 'zhang', 'password-123');
  await page.getByRole('button', { name: '签入' }).click();
  await page.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();

  // Key 3: the enterprise line; the pop suggests the business-environment article.
  const citizen = await callInto(ctx, '3', CALLER);
  const leg = await ctx.asterisk.waitForOriginate('PJSIP/1009');
  await page.getByTestId('screen-pop').getByText('来电振铃').waitFor();
  const panel = page.getByTestId('knowledge');
  await panel.getByText('推荐知识').waitFor();
  const suggested = panel.getByTestId('kb-suggested');
  t.match(await suggested.first().textContent(), /优化营商环境/);
  t.equal(await suggested.first().locator('mark').first().textContent(), '营商环境', 'the shared words are marked');
  await screenshot(page, 'kb-1-pop-suggestions');

  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  await page.getByTestId('talk-timer').waitFor();

  // The citizen actually asks about a water cut: two characters, searched without the index.
  await panel.getByRole('searchbox', { name: '搜索知识库' }).fill('停水');
  await panel.getByRole('button', { name: '搜索' }).click();
  await panel.getByText('搜索：停水').waitFor();
  t.equal(await panel.getByTestId('kb-hit').count(), 1);
  t.equal(await panel.getByTestId('kb-hit').locator('mark').first().textContent(), '停水');
  await panel.getByRole('button', { name: /计划.*停水.*通知查询/ }).click();
  await panel.getByTestId('kb-article').getByText('市供水集团', { exact: false }).waitFor();
  await screenshot(page, 'kb-2-search-two-characters');

  // Then a longer query: ranked, marked; the agent cites the business article and answers directly.
  await panel.getByRole('searchbox', { name: '搜索知识库' }).fill('营业执照');
  await panel.getByRole('button', { name: '搜索' }).click();
  await panel.getByText('搜索：营业执照').waitFor();
  t.match(await panel.getByTestId('kb-hit').first().textContent(), /企业开办一网通办/);
  await panel.getByTestId('kb-hit').first().getByRole('button', { name: '引用' }).click();
  await page.getByTestId('cited-article').getByText('优化营商环境：企业开办一网通办').waitFor();
  await page.fill('input[name=title]', '营业执照网上办理咨询');
  await page.fill('textarea[name=content]', '咨询营业执照网上办理流程，已按知识库答复。');
  await page.getByRole('button', { name: '保存工单' }).click();
  const saved = await page.getByTestId('ticket-saved').textContent();
  const number = /(\d{12})/.exec(saved ?? '')?.[1];
  t.match(ctx.app.ticketsRepository.findByNumber(number!), { articleId: ids.business });

  const duplicate = page.getByTestId('duplicate');
  await duplicate.first().waitFor();
  t.match(await duplicate.first().textContent(), new RegExp(`${earlierNumber}.*营业执照办理咨询.*同一来电号码`));
  await screenshot(page, 'kb-3-cited-and-duplicates');
  await duplicate.first().getByRole('button', { name: '确认重复' }).click();
  await duplicate.first().getByText('已确认重复').waitFor();
  t.match((await ctx.api({ method: 'GET', url: `/api/tickets/${number}/duplicates` })).json(), [{ number: earlierNumber, confirmed: true }]);
  await screenshot(page, 'kb-4-duplicate-confirmed');
  ctx.asterisk.hangup(citizen);
  t.same(pageProblems(page), []);
});

t.test('the knowledge panel speaks English when asked', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await articles(ctx);
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'smith', password: 'password-123', role: 'agent', agentId: 7 } });
  const page = await loggedInPage(browser, base, 'smith', 'password-123', 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('agent-state').filter({ hasText: 'Available' }).waitFor();
  await callInto(ctx, '1', CALLER);
  await ctx.asterisk.waitForOriginate('PJSIP/1007');
  const panel = page.getByTestId('knowledge');
  await panel.getByText('Suggested articles').waitFor();
  await panel.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('公积金提取');
  await panel.getByRole('button', { name: 'Search' }).click();
  await panel.getByTestId('kb-hit').first().waitFor();
  t.match(await panel.getByTestId('kb-hit').first().textContent(), /Housing and property/);
  await screenshot(page, 'kb-5-english');
  t.same(pageProblems(page), []);
});
