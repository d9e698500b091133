import t from 'tap';
import { build } from '../helpers/app.js';
import { callInto, loginAgents, tuneQueue } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

t.test('the supervisor sees queues and agents live, and signs out an agent who left', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'banzhang', password: 'password-123', role: 'supervisor' } });
  tuneQueue(ctx, 'general', { announceEverySeconds: 0 });
  await loginAgents(ctx, 1, 2);
  await ctx.api({ method: 'POST', url: '/api/agents/2/pause', payload: { reason: 'meal' } });

  const page = await loggedInPage(browser, base, 'banzhang', 'password-123');
  const agent = (id: number) => page.locator(`tr[data-agent="${id}"]`);
  const queue = (name: string) => page.locator(`tr[data-queue="${name}"]`);
  await agent(2).getByText('示忙 · 用餐').waitFor();
  t.equal(await page.locator('tr[data-agent]').count(), 10);

  // Agent 1 is rung for the first caller; the second waits, and the queue shows it.
  await callInto(ctx, '1', '13800000001');
  await ctx.asterisk.waitForOriginate('PJSIP/1001');
  await callInto(ctx, '1', '13800000002');
  await agent(1).getByText('振铃中').waitFor();
  await queue('general').getByTestId('waiting-count').filter({ hasText: '2' }).waitFor();
  await screenshot(page, 'supervisor-1-live');

  // Agent 1 walked away from a ringing phone: the supervisor signs them out.
  await agent(1).getByRole('button', { name: '强制签出' }).click();
  await agent(1).getByText('未签入').waitFor();
  t.equal(ctx.app.agentsRepository.get(1)!.state, 'offline');
  await agent(2).getByRole('button', { name: '置为示闲' }).click();
  await ctx.asterisk.waitForOriginate('PJSIP/1002');
  await agent(2).getByText('振铃中').waitFor();
  await screenshot(page, 'supervisor-2-after-force');
  t.same(pageProblems(page), []);
});

t.test('an agent who opens the supervisor page gets only what an agent may see', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'wang', password: 'password-123', role: 'agent', agentId: 3 } });
  const page = await loggedInPage(browser, base, 'wang', 'password-123');
  t.match(page.url(), /agent\.html$/, 'an agent logs in to the agent desktop');
  await page.goto(`${base}/supervisor.html`);
  await page.waitForTimeout(500);
  t.equal(await page.locator('tr[data-agent]').count(), 0, 'the socket gives an agent no one else’s state');
});
