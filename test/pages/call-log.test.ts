import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { call, lastCall, loginAgents, talkTo, until, waitForGone } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

/** 13700001111 presses 1 and talks to agent 1 for about a second; resolves once the recording is stored. */
async function recordedCall(ctx: TestContext): Promise<string> {
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001', '13700001111');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  await until(() => ctx.asterisk.recordings().live.some((r) => r.state === 'recording'), 'the bridge recording to start');
  await new Promise((r) => setTimeout(r, 1200));
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  await until(() => ctx.app.recordings.ofCall(callId)[0]?.status === 'stored', 'the recording to be stored', 5000);
  return callId;
}

t.test('a supervisor follows the undisposed count to the call log, filters, opens a call and hears its recording', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-call-log-'));
  const ctx = await build(t, { env: { RECORDINGS_DIR: dir, RETRY_BASE_MS: '20', RETRY_MAX_MS: '200' } });
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await loginAgents(ctx, 1);
  const answered = await recordedCall(ctx);
  ctx.asterisk.hangup(await call(ctx, '13600002222'));
  await lastCall(ctx);
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'boss', password: 'password-123', role: 'supervisor' } });

  const page = await loggedInPage(browser, base, 'boss', 'password-123');
  const panel = page.getByTestId('undisposed-calls');
  await panel.getByTestId('undisposed-count').filter({ hasText: '1' }).waitFor();
  t.match(await panel.getByTestId('undisposed-call').textContent(), /13700001111/, 'the answered call without a ticket');
  await screenshot(page, 'call-log-1-supervisor-undisposed');

  await panel.getByRole('link', { name: '未建单通话' }).click();
  await page.waitForURL(/\/calls\.html\?undisposed=true$/);
  await page.getByTestId('call-row').first().waitFor();
  t.equal(await page.getByTestId('call-row').count(), 1, 'only the undisposed call');
  t.ok(await page.locator('input[name=undisposed]').isChecked(), 'the filter shows as set');

  // Clear, then look the call up by the last digits the citizen quotes and by its agent.
  await page.getByRole('button', { name: '清空' }).click();
  await page.getByTestId('call-row').nth(1).waitFor();
  t.equal(await page.getByTestId('call-row').count(), 2, 'both calls, newest first');
  t.match(await page.getByTestId('call-row').first().textContent(), /13600002222.*导航中挂机/);
  await page.fill('input[name=caller]', '1111');
  await page.selectOption('select[name=agentId]', '1');
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/caller=1111&agentId=1/);
  await page.getByTestId('call-row').filter({ hasText: '13600002222' }).waitFor({ state: 'detached' });
  t.equal(await page.getByTestId('call-row').count(), 1);
  const row = page.getByTestId('call-row');
  t.match(await row.textContent(), /13700001111.*坐席 1001.*已接通.*未处置/);

  await row.click();
  await page.waitForURL(new RegExp(`call=${answered}`));
  const detail = page.getByTestId('call-detail');
  await detail.getByTestId('undisposed-flag').waitFor();
  const timeline = await detail.getByTestId('timeline').textContent();
  t.match(timeline, /来电接入，拨打 12345/);
  t.match(timeline, /按 1：普通话咨询、投诉、求助/);
  t.match(timeline, /进入队列「普通话综合服务」排队/);
  t.match(timeline, /坐席 1001 接听，排队等待/);
  t.match(timeline, /录音已保存（00:01）/);
  t.match(timeline, /通话结束：市民挂机/);

  const audio = detail.getByTestId('recording');
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLAudioElement>('[data-testid=recording]');
    return !!el && el.readyState >= 1 && el.duration > 0;
  });
  const { duration, readyState } = await audio.evaluate((el: HTMLAudioElement) => ({ duration: el.duration, readyState: el.readyState }));
  t.ok(duration > 1 && duration < 3, `the browser read ${duration} s of audio`);
  t.ok(readyState >= 1, `readyState ${readyState}`);
  await screenshot(page, 'call-log-2-call-detail');

  await page.selectOption('select[name=outcome]', 'abandoned-in-ivr');
  await page.fill('input[name=caller]', '');
  await page.selectOption('select[name=agentId]', '');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByTestId('call-row').filter({ hasText: '13600002222' }).waitFor();
  t.equal(await page.getByTestId('call-row').count(), 1, 'the call that ended in the menu');
  await page.getByTestId('call-row').click();
  t.match(await page.getByTestId('timeline').textContent(), /挂机：导航中挂机/);
  await screenshot(page, 'call-log-3-abandoned');
  t.same(pageProblems(page), []);
});

t.test('an agent’s call log holds only the calls they answered, and plays their recording', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-call-log-'));
  const ctx = await build(t, { env: { RECORDINGS_DIR: dir, RETRY_BASE_MS: '20', RETRY_MAX_MS: '200' } });
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await loginAgents(ctx, 1);
  await recordedCall(ctx);
  ctx.asterisk.hangup(await call(ctx, '13600002222'));
  await lastCall(ctx);
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'wang', password: 'password-123', role: 'agent', agentId: 1 } });

  const page = await loggedInPage(browser, base, 'wang', 'password-123', 'en');
  await page.getByRole('link', { name: 'Call log' }).click();
  await page.waitForURL(/\/calls\.html$/);
  await page.getByTestId('call-row').first().waitFor();
  t.equal(await page.getByTestId('call-row').count(), 1, 'not the call that never reached an agent');
  t.equal(await page.locator('select[name=agentId]').count(), 0, 'no choosing among agents');
  await page.getByTestId('call-row').click();
  await page.waitForFunction(() => (document.querySelector<HTMLAudioElement>('[data-testid=recording]')?.duration ?? 0) > 0);
  t.match(await page.getByTestId('timeline').textContent(), /坐席 1001 answered after a wait of/);
  await screenshot(page, 'call-log-4-agent-en');
  t.same(pageProblems(page), []);
});
