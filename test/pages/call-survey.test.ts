import t from 'tap';
import { build } from '../helpers/app.js';
import { finishPrompt, lastCall, loginAgents, sound, talkTo, waitForPrompt } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

t.test('a supervisor opens a call whose citizen keyed 2 after the agent hung up: 满意度 基本满意 and the survey in the time line', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await loginAgents(ctx, 1);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001', '13700003333');
  ctx.asterisk.hangup(leg.id);
  await waitForPrompt(ctx, citizen, sound('survey-ask'));
  ctx.asterisk.press(citizen, '2');
  await finishPrompt(ctx, citizen, sound('survey-thanks'));
  const call = await lastCall(ctx);
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'boss', password: 'password-123', role: 'supervisor' } });

  const page = await loggedInPage(browser, base, 'boss', 'password-123');
  await page.goto(`${base}/calls.html?call=${call.id}`);
  const detail = page.getByTestId('call-detail');
  await detail.waitFor();
  t.equal(await detail.getByTestId('survey-result').textContent(), '基本满意');
  const timeline = await detail.getByTestId('timeline').textContent();
  t.match(timeline, /坐席挂机，市民留线进行满意度评价/);
  t.match(timeline, /满意度评价：按 2，基本满意/);
  await screenshot(page, 'call-survey-detail');
  t.same(pageProblems(page), []);
});
