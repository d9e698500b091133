import t from 'tap';
import { build } from '../helpers/app.js';
import { callInto, lastCall, waitForBridged } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';

t.test('a citizen who gave up waiting is on the supervisor’s and the agent’s callback list; the agent calls back with a click', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  for (const [username, role, agentId] of [['wang', 'agent', 1], ['boss', 'supervisor', undefined]] as const) {
    const res = await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username, password: 'password-123', role, ...(agentId ? { agentId } : {}) } });
    t.equal(res.statusCode, 201, res.body);
  }
  const supervisor = await loggedInPage(browser, base, 'boss', 'password-123');
  const agent = await loggedInPage(browser, base, 'wang', 'password-123');
  const problems = [...pageProblems(supervisor), ...pageProblems(agent)];
  await agent.getByRole('button', { name: '签入' }).click();
  await agent.getByTestId('agent-state').filter({ hasText: '示闲' }).waitFor();
  await ctx.api({ method: 'POST', url: '/api/agents/1/pause', payload: { reason: 'meal' } });

  const citizen = await callInto(ctx, '1', '13500002222');
  ctx.asterisk.hangup(citizen);
  await lastCall(ctx);
  const row = supervisor.getByTestId('callback').filter({ hasText: '13500002222' });
  await row.waitFor();
  t.match(await row.textContent(), /排队中挂机/);
  t.equal(await row.getByRole('button', { name: '回拨' }).count(), 0, 'supervisors see the list; agents call');
  await screenshot(supervisor, 'callbacks-1-supervisor');

  await agent.getByTestId('callback').filter({ hasText: '13500002222' }).getByRole('button', { name: '回拨' }).click();
  const agentLeg = await ctx.asterisk.waitForOriginate('PJSIP/1001');
  ctx.asterisk.answerLeg(agentLeg.id);
  const citizenLeg = await ctx.asterisk.waitForOriginate('PJSIP/13500002222@carrier');
  ctx.asterisk.answerLeg(citizenLeg.id);
  await waitForBridged(ctx, agentLeg.id, citizenLeg.id);
  await agent.getByTestId('screen-pop').getByText('当前通话').waitFor();
  t.equal(await agent.getByTestId('caller').textContent(), '13500002222');
  await agent.getByTestId('callbacks').getByText('无').waitFor();
  await supervisor.getByTestId('callbacks').getByText('无').waitFor();
  await screenshot(agent, 'callbacks-2-agent-connected');
  t.same(problems, []);
});
