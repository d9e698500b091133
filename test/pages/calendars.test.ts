import t from 'tap';
import type { Page } from 'playwright-core';
import { build } from '../helpers/app.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';
import { kindsMenu } from '../helpers/menus.js';

const nationalDay = ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`);

async function addDays(page: Page, from: string, to: string, kind: 'holiday' | 'working-day', label: string) {
  await page.fill('input[name="add-from"]', from);
  await page.fill('input[name="add-to"]', to);
  await page.selectOption('select[name="add-kind"]', kind);
  await page.fill('input[name="add-label"]', label);
  await page.click('form.add-overrides button[type=submit]');
}

const stateOf = (page: Page, date: string) => page.locator(`.month [data-date="${date}"]`).getAttribute('data-state');

t.test('an admin enters National Day 2026 and its working Saturday, fixes a typo the server points at, and the IVR is closed on 10-02', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin', 'admin-password');
  await page.click('header.top a[href="/calendars.html"]');
  await page.waitForURL(/calendars\.html/);
  await page.locator('tr[data-day="mon"] input[name="weekly.mon[0].from"]').waitFor();
  t.equal(await page.inputValue('select[name=calendar]'), 'default');
  t.same(
    await page.locator('table.weekly th').allTextContents(),
    ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    'Monday first',
  );
  await screenshot(page, 'calendars-1-default');

  // Seven holidays with one label, from the range tool; the month jumps to October to show them.
  await addDays(page, '2026-10-01', '2026-10-07', 'holiday', '国庆节');
  await page.getByText('已添加 7 天').waitFor();
  t.same(await page.locator('table.overrides tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-date'))), nationalDay);
  t.equal(await page.locator('.month').getAttribute('data-month'), '2026-10');

  // The Saturday worked in exchange takes Monday's hours; the admin mistypes the end of the afternoon.
  await addDays(page, '2026-10-10', '', 'working-day', '国庆调休');
  const saturday = page.locator('tr[data-date="2026-10-10"]');
  t.equal(await saturday.locator('input[name="overrides[7].hours[0].from"]').inputValue(), '08:30');
  t.equal(await saturday.locator('input[name="overrides[7].hours[1].to"]').inputValue(), '17:30');
  await saturday.locator('input[name="overrides[7].hours[1].to"]').fill('17:3');
  await page.click('button[name=save]');
  await page.getByText('未保存：请按提示修改后再保存').waitFor();
  t.match(await saturday.locator('.field-error').allTextContents(), ['时间应为 HH:MM，00:01 至 24:00'], 'the error is on the row the server named');
  t.match(await saturday.locator('input[name="overrides[7].hours[1].to"]').getAttribute('class'), /invalid/);
  t.same(ctx.app.calendars.get('default')!.overrides, [], 'nothing half-saved');
  await screenshot(page, 'calendars-2-server-error');

  await saturday.locator('input[name="overrides[7].hours[1].to"]').fill('17:30');
  await page.click('button[name=save]');
  await page.locator('.banner .notice', { hasText: '已保存' }).waitFor();
  t.equal(await saturday.locator('.field-error').count(), 0);
  t.equal(ctx.app.calendars.get('default')!.overrides.length, 8);
  await screenshot(page, 'calendars-3-saved');

  // After a reload the calendar is as saved; the admin steps back to October to check it.
  await page.reload();
  await page.locator('tr[data-date="2026-10-10"]').waitFor();
  t.equal(await page.locator('table.overrides tbody tr').count(), 8);
  t.equal(await page.inputValue('tr[data-date="2026-10-03"] input[name="overrides[2].label"]'), '国庆节');
  while ((await page.locator('.month').getAttribute('data-month')) !== '2026-10') {
    const month = (await page.locator('.month').getAttribute('data-month'))!;
    await page.click(`.month button[aria-label="${month > '2026-10' ? '上个月' : '下个月'}"]`);
  }
  for (const date of nationalDay) t.equal(await stateOf(page, date), 'holiday', `${date} is a holiday`);
  t.equal(await stateOf(page, '2026-10-08'), 'open', 'Thursday after the holiday is a working day');
  t.equal(await stateOf(page, '2026-10-10'), 'working-day', 'the Saturday is worked');
  t.equal(await stateOf(page, '2026-10-11'), 'closed', 'Sunday stays closed');
  t.equal(await page.locator('.month [data-date="2026-10-10"] .mark').textContent(), '班');
  t.equal(await page.locator('.month [data-date="2026-10-01"] .mark').textContent(), '休');
  t.match(await page.locator('[data-now]').getAttribute('data-now'), /^(open|closed)$/);
  await screenshot(page, 'calendars-4-october');
  // The one refused save is the browser's only complaint: Chromium logs every 4xx answer.
  t.same(pageProblems(page), ['Failed to load resource: the server responded with a status of 400 (Bad Request)']);

  const audit = (await ctx.api({ method: 'GET', url: '/api/audit?entity=calendar&entityId=default' })).json();
  t.match(audit, [{ action: 'changed', username: 'admin', detail: { summary: 'added 2026-10-01…2026-10-10 (8)' } }], 'one save, one audit entry');

  // The IVR reads the same calendar: on 10-02 at ten the caller reaches the closed branch.
  const simulate = (at: string) => ctx.api({ method: 'POST', url: '/api/menus/12345/simulate', payload: { definition: kindsMenu(), at, inputs: [] } });
  t.match((await simulate('2026-10-02T10:00:00+08:00')).json(), { steps: [{ nodeId: 'hours' }, { nodeId: 'after-hours', outcome: { type: 'message' } }], done: true });
  t.match((await simulate('2026-10-10T10:00:00+08:00')).json(), { steps: [{ nodeId: 'hours' }, { nodeId: 'main' }] }, 'the working Saturday is open');
});

t.test('the page in English; a new calendar is created by name and saved', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin', 'admin-password', 'en');
  await page.goto(`${base}/calendars.html`);
  await page.locator('input[name="weekly.mon[0].from"]').waitFor();
  await page.fill('input[name="new-calendar"]', 'enterprise-line');
  await page.click('form.row button[type=submit]');
  await page.getByText('Now: not saved yet').waitFor();
  // Saturday mornings too, copied from Monday and trimmed to the morning.
  await page.click('tr[data-day="sat"] button:has-text("Copy Mon")');
  await page.locator('tr[data-day="sat"] .range button[aria-label="Remove"]').nth(1).click();
  await page.click('button[name=save]');
  await page.locator('.banner .notice', { hasText: 'Saved' }).waitFor();
  t.same(ctx.app.calendars.get('enterprise-line')!.weekly.sat, [{ from: '08:30', to: '12:00' }]);
  t.equal(await page.inputValue('select[name=calendar]'), 'enterprise-line');
  await screenshot(page, 'calendars-5-english-new');
  t.same(pageProblems(page), []);
});
