import { readFileSync } from 'node:fs';
import t from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';
import { seedReportCalls, ticketReportScenario } from '../helpers/report-scenarios.js';

// The figures are test/helpers/report-scenarios.ts's calls and tickets, worked out by hand in
// test/http/reports-calls.test.ts and reports-tickets.test.ts; here they must reach the page.

/** Each tile's value by its English name. */
const tiles = (page: Page, testid: string) =>
  page.$$eval(`[data-testid=${testid}] [data-testid=tile]`, (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-name'), e.querySelector('.tile-value')!.textContent])));

/** A table's rows and its 合计 row, as the cells read. */
const table = (page: Page, testid: string) =>
  page.$$eval(`[data-testid=${testid}] tr[data-testid=report-row], [data-testid=${testid}] tr[data-testid=report-total]`, (rows) =>
    rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent)),
  );

/** Does what changes the report, and waits for the page to show the answer asked for. */
async function change(page: Page, query: RegExp, act: () => Promise<unknown>) {
  await Promise.all([page.waitForResponse((r) => r.url().includes('/api/reports/overview') && query.test(r.url())), act()]);
  await page.getByTestId('loading').waitFor({ state: 'detached' });
}

t.test('a supervisor reads the hand-computed figures, regroups, changes the range and exports CSV', async (t) => {
  const w = await ticketReportScenario(t);
  seedReportCalls(w.ctx);
  const base = await serve(w.ctx);
  const browser = await launchBrowser(t);
  await w.ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'zhuren', password: 'password-123', role: 'supervisor' } });
  const page = await loggedInPage(browser, base, 'zhuren', 'password-123');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/reports/')) requests.push(new URL(r.url()).pathname + new URL(r.url()).search);
  });

  await change(page, /from=2026-11-24&to=2026-11-25/, () => page.goto(`${base}/reports.html?from=2026-11-24&to=2026-11-25`));
  t.same(requests, ['/api/reports/overview?from=2026-11-24&to=2026-11-25&calls=day&tickets=day'], 'one request for the whole page');
  t.same(await tiles(page, 'call-tiles'), {
    Offered: '10', Answered: '7', Abandoned: '2', 'Answer rate': '70.0%', 'Service level': '40.0%', 'Avg wait': '18.0 秒', 'Avg talk': '143.3 秒', 'Caller satisfaction': '80.0%',
  });
  t.match(await page.getByTestId('call-tiles').textContent(), /服务水平 \(20秒\)/, 'the threshold is the server’s');
  t.same(await tiles(page, 'ticket-tiles'), {
    'Taken in': '6', 'Direct answers': '33.3%', 'On-time sign-for': '50.0%', 'On-time completion': '25.0%', Completion: '50.0%', 'Callback satisfaction': '50.0%',
  });
  t.same(await table(page, 'calls-table'), [
    ['2026-11-24', '5', '3', '1', '60.0%', '40.0%', '18.3 秒', '160.0 秒', '66.7%'],
    ['2026-11-25', '5', '4', '1', '80.0%', '40.0%', '17.8 秒', '126.7 秒', '100.0%'],
    ['合计 Total', '10', '7', '2', '70.0%', '40.0%', '18.0 秒', '143.3 秒', '80.0%'],
  ]);
  t.same(await table(page, 'tickets-table'), [
    ['2026-11-24', '5', '40.0%', '50.0%', '25.0%', '60.0%', '50.0%'],
    ['2026-11-25', '1', '0.0%', '—', '—', '0.0%', '—'],
    ['合计 Total', '6', '33.3%', '50.0%', '25.0%', '50.0%', '50.0%'],
  ]);
  t.match(await page.getByTestId('as-of').textContent(), /截至 2026-12-31 09:00/, 'ticket figures are as of the report’s moment, China time');
  t.match(await page.getByTestId('summary').textContent(), /2026年11月24日至11月25日[\s\S]*呼入 10 通，接通 7 通，接通率 70\.0%/);
  t.equal(await page.locator('[data-testid=chart-calls] rect.bar').count(), 6, 'three bars a day');
  t.same(await page.locator('[data-testid=chart-units] .bar-label').allTextContents(), ['银川市住房和城乡建设局', '银川市市场监督管理局'], 'the worst unit first');
  await page.setViewportSize({ width: 1366, height: 2000 });
  await screenshot(page, 'reports-1-by-day');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'reports-2-first-screen');

  requests.length = 0;
  await change(page, /calls=agent/, () => page.selectOption('select[name=callsBy]', 'agent'));
  t.same(await table(page, 'calls-table'), [
    ['坐席 1001', '4', '4', '0', '100.0%', '25.0%', '20.3 秒', '150.0 秒', '66.7%'],
    ['坐席 1002', '3', '3', '0', '100.0%', '100.0%', '15.0 秒', '130.0 秒', '100.0%'],
    ['未接通 not answered', '3', '0', '2', '0.0%', '0.0%', '—', '—', '—'],
    ['合计 Total', '10', '7', '2', '70.0%', '40.0%', '18.0 秒', '143.3 秒', '80.0%'],
  ]);
  t.match(await page.locator('[data-testid=calls-table] thead th').first().textContent(), /^坐席/);
  await change(page, /tickets=unit/, () => page.selectOption('select[name=ticketsBy]', 'unit'));
  t.same(await table(page, 'tickets-table'), [
    ['银川市市场监督管理局', '2', '0.0%', '100.0%', '50.0%', '50.0%', '100.0%'],
    ['银川市住房和城乡建设局', '3', '33.3%', '0.0%', '0.0%', '33.3%', '0.0%'],
    ['未转办 not dispatched', '2', '50.0%', '—', '—', '50.0%', '—'],
    ['合计 Total', '6', '33.3%', '50.0%', '25.0%', '50.0%', '50.0%'],
  ]);
  t.equal(requests.length, 2, 'one request per change');
  t.match(page.url(), /calls=agent&tickets=unit/, 'the groupings are in the address');
  const select = await page.locator('select[name=callsBy]').boundingBox();
  t.ok(select!.width < 200, `the grouping list is as wide as its words (${select!.width}px)`);
  await screenshot(page, 'reports-3-by-agent-and-unit');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.table-head button').first().click()]);
  t.equal(download.suggestedFilename(), 'calls-by-agent-2026-11-24-to-2026-11-25.csv');
  const csv = readFileSync((await download.path())!);
  t.equal(csv.subarray(0, 3).toString('hex'), 'efbbbf', 'a byte-order mark, for Excel');
  t.same(csv.toString('utf8').slice(1).split('\r\n'), [
    '坐席 agent,呼入量 calls offered,接通量 answered,放弃量 abandoned,接通率 answer rate,服务水平内接通量 answered within service level,服务水平 service level,平均等待时长(秒) average wait (s),平均通话时长(秒) average talk time (s),参评量 surveyed,满意量 satisfied,满意度 post-call satisfaction',
    '坐席 1001,4,4,0,100.00%,1,25.00%,20.3,150.0,3,2,66.67%',
    '坐席 1002,3,3,0,100.00%,3,100.00%,15.0,130.0,2,2,100.00%',
    '未接通 not answered,3,0,2,0.00%,0,0.00%,,,0,0,',
    '合计 total,10,7,2,70.00%,4,40.00%,18.0,143.3,5,4,80.00%',
    '',
  ]);

  // The range typed quickly: the wider range's answer is held back and arrives last; the page
  // must keep showing the 25th, the range chosen last.
  await page.route(/\/api\/reports\/overview\?from=2026-11-01/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const late = page.waitForResponse((r) => r.url().includes('from=2026-11-01'));
  await page.fill('input[name=from]', '2026-11-01');
  await change(page, /from=2026-11-25&to=2026-11-25/, () => page.fill('input[name=from]', '2026-11-25'));
  await late;
  await page.waitForTimeout(200);
  t.match(await page.getByTestId('summary').textContent(), /2026年11月25日/, 'the range chosen last');
  t.match(await tiles(page, 'call-tiles'), { Offered: '5', Answered: '4', 'Answer rate': '80.0%', 'Caller satisfaction': '100.0%' });
  t.match(await tiles(page, 'ticket-tiles'), { 'Taken in': '1', Completion: '0.0%' });
  t.match(page.url(), /from=2026-11-25&to=2026-11-25/);

  await change(page, /from=2026-11-24/, () => page.fill('input[name=from]', '2026-11-24'));
  await page.emulateMedia({ media: 'print' });
  t.notOk(await page.locator('.range-bar').isVisible(), 'no controls on paper');
  await page.setViewportSize({ width: 1123, height: 1600 });
  await screenshot(page, 'reports-4-print');
  t.same(pageProblems(page), []);
});

t.test('the presets are China days; an agent is told the reports are not theirs', async (t) => {
  const w = await ticketReportScenario(t);
  const base = await serve(w.ctx);
  const browser = await launchBrowser(t);
  await w.ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'zhuren', password: 'password-123', role: 'supervisor' } });
  await w.ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'xiaowang', password: 'password-123', role: 'agent', agentId: 1 } });

  const supervisor = await loggedInPage(browser, base, 'zhuren', 'password-123');
  // 25 November 2026, 00:30 in Beijing: still the 24th in UTC.
  await supervisor.clock.setFixedTime(new Date('2026-11-24T16:30:00Z'));
  await change(supervisor, /from=2026-11-25&to=2026-11-25/, () => supervisor.goto(`${base}/reports.html`));
  t.equal(await supervisor.locator('.presets button[aria-pressed=true]').textContent(), '今天');
  await change(supervisor, /from=2026-11-24&to=2026-11-24/, () => supervisor.getByRole('button', { name: '昨天' }).click());
  t.match(await tiles(supervisor, 'ticket-tiles'), { 'Taken in': '5' }, 'T1–T5 were taken in on the 24th');
  await change(supervisor, /from=2026-11-23&to=2026-11-25/, () => supervisor.getByRole('button', { name: '本周' }).click());
  t.match(await tiles(supervisor, 'ticket-tiles'), { 'Taken in': '6' }, 'the week from Monday the 23rd');
  t.same(pageProblems(supervisor), []);

  const agent = await loggedInPage(browser, base, 'xiaowang', 'password-123');
  const asked: string[] = [];
  agent.on('request', (r) => {
    if (r.url().includes('/api/reports/')) asked.push(r.url());
  });
  t.equal(await agent.locator('header.top a[href="/reports.html"]').count(), 0, 'no link to the reports');
  await agent.goto(`${base}/reports.html`);
  t.match(await agent.getByTestId('not-allowed').textContent(), /统计报表仅供班长和管理员查看/);
  t.equal(await agent.getByTestId('not-allowed').getByRole('link').getAttribute('href'), '/agent.html');
  t.same(asked, [], 'the page does not even ask');
  await screenshot(agent, 'reports-5-agent');
  t.equal((await w.get('from=2026-11-24&to=2026-11-24', w.tokens.agent)).statusCode, 403, 'and the API would refuse');
  t.same(pageProblems(agent), []);
});
