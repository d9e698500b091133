import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

async function seed(ctx: TestContext) {
  const write = async (payload: Record<string, unknown>) => {
    const res = await ctx.api({ method: 'POST', url: '/api/kb', payload });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await write({ title: '计划停水通知查询', body: '自来水公司计划停水会提前24小时在官网和小区公告栏公告；突发停水请拨打供水服务热线。', category: 'urban', unit: '市供水集团' });
  await write({ title: '住房公积金提取办理指南', body: '租房自住的职工可以申请提取住房公积金，每年一次。', category: 'housing', unit: '市住房公积金管理中心' });
  await write({ title: '2025年公积金提取旧规定', body: '已废止：公积金提取须单位盖章。', category: 'housing', unit: '市住房公积金管理中心', validFrom: '2025-01-01', validTo: '2025-12-31' });
  await write({ title: '优化营商环境：企业开办一网通办', body: '企业开办实行全程网上办理，营业执照一个工作日内办结。', category: 'enterprise', unit: '市市场监督管理局' });
}

/** The agent's desktop asks this; what it finds is what agents find. */
const agentSearch = async (ctx: TestContext, token: string, q: string) =>
  (await ctx.api({ method: 'GET', url: `/api/kb?q=${encodeURIComponent(q)}` }, token)).json().map((h: { title: string }) => h.title) as string[];

t.test('a supervisor writes an article, finds it by a 2-character word and a phrase, edits it and retires it; agents then no longer find it and cannot edit', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await seed(ctx);
  for (const user of [
    { username: 'banzhang', role: 'supervisor' },
    { username: 'zhang', role: 'agent', agentId: 1 },
  ]) {
    const res = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { password: 'password-123', ...user } });
    t.equal(res.statusCode, 201, res.body);
  }
  const agentToken = await ctx.login('zhang', 'password-123');

  const page = await loggedInPage(browser, base, 'banzhang', 'password-123');
  await page.getByRole('link', { name: '知识库' }).click();
  await page.waitForURL(/\/kb\.html$/);
  const rows = page.getByTestId('kb-row');
  await rows.first().waitFor();
  t.equal(await rows.count(), 4, 'the keepers see every article, the expired one too');
  t.equal(await rows.filter({ hasText: '旧规定' }).getByText('已过期').count(), 1);

  // A new article, first with an end before its start: the service's message shows, nothing is written.
  await page.getByRole('button', { name: '新建知识' }).click();
  const editor = page.locator('.kb-editor');
  await editor.locator('input[name=title]').fill('冬季供暖报修指南');
  await editor.locator('select[name=category]').selectOption('urban');
  await editor.locator('input[name=unit]').fill('市供热管理办公室');
  await editor.locator('textarea[name=body]').fill('供暖期为每年11月15日至次年3月15日。室温低于18度的，可拨打供热服务热线报修，也可拨打12345反映。');
  await editor.locator('input[name=validFrom]').fill('2026-03-01');
  await editor.locator('input[name=validTo]').fill('2026-02-01');
  await editor.getByRole('button', { name: '保存' }).click();
  await editor.getByRole('alert').filter({ hasText: 'validTo: 2026-02-01 is before validFrom 2026-03-01' }).waitFor();
  t.equal(await editor.locator('input[name=validTo]').getAttribute('aria-invalid'), 'true', 'the field is marked');
  t.equal((await ctx.api({ method: 'GET', url: '/api/kb?validity=all' })).json().length, 4, 'nothing written');
  await screenshot(page, 'kb-1-refused');

  await editor.locator('input[name=validFrom]').fill('');
  await editor.locator('input[name=validTo]').fill('');
  const preview = page.getByTestId('kb-preview');
  t.match(await preview.textContent(), /冬季供暖报修指南城乡建设与管理引用供暖期为每年11月15日至次年3月15日。[^…]+…冬季供暖报修指南展开后供暖期.*也可拨打12345反映。承办单位：市供热管理办公室$/, 'the agent would see the title, category and the start of the text');
  await editor.getByRole('button', { name: '保存' }).click();
  await editor.getByRole('status').filter({ hasText: '已新建' }).waitFor();
  await rows.filter({ hasText: '冬季供暖报修指南' }).waitFor();
  t.equal(await rows.count(), 5);
  await screenshot(page, 'kb-2-created');

  // The filters: each narrows the list at once.
  const rowsAre = (n: number) => page.waitForFunction((count) => document.querySelectorAll('[data-testid=kb-row]').length === count, n);
  const filterTo = async (name: string, value: string, expected: number) => {
    await page.locator(`.kb-filters select[name=${name}]`).selectOption(value);
    await rowsAre(expected);
  };
  await filterTo('unit', '市供热管理办公室', 1);
  await filterTo('unit', '', 5);
  await filterTo('category', 'housing', 2);
  await filterTo('validity', 'expired', 1);
  t.match(await rows.first().textContent(), /2025年公积金提取旧规定/);
  await filterTo('category', '', 1);
  await filterTo('validity', 'all', 5);

  // Found the way an agent would find it: a 2-character word, then a longer phrase.
  const search = async (q: string) => {
    await page.getByRole('searchbox', { name: '搜索知识库' }).fill(q);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
  };
  await search('供暖');
  await rowsAre(1);
  t.match(await rows.first().textContent(), /冬季供暖报修指南/);
  t.equal(await rows.first().locator('mark').first().textContent(), '供暖');
  await search('供热服务热线');
  await rows.first().locator('.snippet mark').filter({ hasText: '供热服务热线' }).waitFor();
  await rowsAre(1);
  t.same(await agentSearch(ctx, agentToken, '供热服务热线'), ['冬季供暖报修指南'], 'agents find it too');
  await screenshot(page, 'kb-3-search-phrase');

  // Edited: a new title and an end date; the preview follows the form.
  await rows.first().click();
  await editor.locator('input[name=title]').fill('冬季供暖报修与投诉指南');
  await editor.locator('input[name=validTo]').fill('2099-03-31');
  await preview.getByText('有效期至 2099-03-31').waitFor();
  await editor.getByRole('button', { name: '保存' }).click();
  await editor.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  await rows.first().filter({ hasText: '冬季供暖报修与投诉指南' }).waitFor();
  t.same(await agentSearch(ctx, agentToken, '供暖'), ['冬季供暖报修与投诉指南']);
  await screenshot(page, 'kb-4-edited');

  // Retired: out of the agents' search at once, still listed for the keepers as 已停用.
  await editor.getByRole('button', { name: '停用' }).click();
  await editor.getByRole('status').filter({ hasText: '已停用，坐席搜索不再显示' }).waitFor();
  await rows.first().getByText('已停用').waitFor();
  t.same(await agentSearch(ctx, agentToken, '供暖'), [], 'gone from the agents’ search');
  await screenshot(page, 'kb-5-retired');
  // Put back by mistake and retired again: each shows at once in what agents find.
  await editor.getByRole('button', { name: '恢复使用' }).click();
  await rows.first().getByText('现行有效').waitFor();
  t.same(await agentSearch(ctx, agentToken, '供暖'), ['冬季供暖报修与投诉指南'], 'back in the agents’ search');
  await editor.getByRole('button', { name: '停用' }).click();
  await rows.first().getByText('已停用').waitFor();
  t.same(await agentSearch(ctx, agentToken, '供暖'), []);
  await page.locator('.kb-filters select[name=validity]').selectOption('current');
  await page.getByText('未找到相关知识').waitFor();

  // A title of one character: the schema's refusal, shown as the service words it.
  await page.getByRole('button', { name: '新建知识' }).click();
  await editor.locator('input[name=title]').fill('水');
  await editor.locator('textarea[name=body]').fill('停水请拨打供水服务热线。');
  await editor.getByRole('button', { name: '保存' }).click();
  await editor.getByRole('alert').filter({ hasText: /title must NOT have fewer than 2 characters/ }).waitFor();
  t.equal(await editor.locator('input[name=title]').getAttribute('aria-invalid'), 'true');
  const refusal = 'Failed to load resource: the server responded with a status of 400 (Bad Request)';
  t.same(pageProblems(page), [refusal, refusal], 'only the two refusals the test provoked');

  // The agent reads, searches as on the desktop, and has nothing to edit with.
  const agent = await loggedInPage(browser, base, 'zhang', 'password-123');
  await agent.getByRole('link', { name: '知识库' }).click();
  await agent.waitForURL(/\/kb\.html$/);
  await agent.getByText('只读：知识库由班长和管理员维护').waitFor();
  await agent.getByTestId('kb-row').first().waitFor();
  t.equal(await agent.getByTestId('kb-row').count(), 3, 'only what is in force');
  await agent.getByRole('searchbox', { name: '搜索知识库' }).fill('供暖');
  await agent.getByRole('button', { name: '搜索', exact: true }).click();
  await agent.getByText('未找到相关知识').waitFor();
  await agent.getByRole('searchbox', { name: '搜索知识库' }).fill('停水');
  await agent.getByRole('button', { name: '搜索', exact: true }).click();
  await agent.getByTestId('kb-row').filter({ hasText: '计划停水通知查询' }).click();
  await agent.getByTestId('kb-preview').getByText('市供水集团', { exact: false }).waitFor();
  t.equal(await agent.getByRole('button', { name: '新建知识' }).count(), 0);
  t.equal(await agent.getByRole('button', { name: '保存' }).count(), 0);
  t.equal(await agent.getByRole('button', { name: '停用' }).count(), 0);
  t.equal(await agent.locator('select[name=validity]').inputValue(), 'current');
  await screenshot(agent, 'kb-6-agent-read-only');
  t.same(pageProblems(agent), []);

  // English for the foreign-language seats: the same page, its words switched.
  const english = await loggedInPage(browser, base, 'banzhang', 'password-123', 'en');
  await english.goto(`${base}/kb.html`);
  await english.getByTestId('kb-row').first().waitFor();
  await english.getByRole('heading', { name: /Knowledge base/ }).waitFor();
  t.equal(await english.getByTestId('kb-row').filter({ hasText: 'Expired' }).count(), 1);
  await english.getByTestId('kb-row').filter({ hasText: 'Retired' }).click();
  await english.getByRole('button', { name: 'Put back in use' }).waitFor();
  await screenshot(english, 'kb-7-english');
  t.same(pageProblems(english), []);
});
