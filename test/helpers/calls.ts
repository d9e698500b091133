import type { TestContext } from './app.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';
import type { Queue } from '../../src/queues/repository.js';

/** Agents log in one after another, so the first listed has been idle longest. */
export async function loginAgents(ctx: TestContext, ...ids: number[]): Promise<void> {
  for (const id of ids) {
    const res = await ctx.api({ method: 'POST', url: `/api/agents/${id}/login` });
    if (res.statusCode !== 200) throw new Error(`agent ${id} could not log in: ${res.body}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** The default menu with a short timeout, so silence scenarios take a second, not eight. */
export async function publishFastMenu(ctx: TestContext, timeoutSeconds = 1): Promise<void> {
  const menu = structuredClone(defaultMenu);
  for (const node of menu.nodes) if ('timeoutSeconds' in node) node.timeoutSeconds = timeoutSeconds;
  const res = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: menu });
  if (res.statusCode !== 200) throw new Error(`menu refused: ${res.body}`);
}

/** Queue settings straight in the database: tests want waits of a second, which the API rightly refuses. */
export function tuneQueue(ctx: TestContext, name: string, settings: Partial<Queue>): void {
  const queue = ctx.app.queuesRepository.get(name)!;
  ctx.app.queuesRepository.upsert({ ...queue, ...settings });
}

export const sound = (name: string) => `sound:hotline/zh/${name}`;

/** A citizen calls and waits for the welcome prompt. */
export async function call(ctx: TestContext, caller = '13800001234'): Promise<string> {
  const channelId = ctx.asterisk.placeCall(caller);
  await ctx.asterisk.waitForPlayback(channelId, sound('welcome'));
  return channelId;
}

/** A citizen calls, presses `key` during the welcome prompt and hears the transfer prompt to its end. */
export async function callInto(ctx: TestContext, key: string, caller?: string): Promise<string> {
  const channelId = await call(ctx, caller);
  ctx.asterisk.press(channelId, key);
  await ctx.asterisk.waitForPlayback(channelId, /transferring/);
  await ctx.asterisk.finishPrompt(channelId);
  await ctx.asterisk.waitFor(() => ctx.asterisk.bridgeOf(channelId)?.bridge_type === 'holding', 'the caller in a holding bridge');
  return channelId;
}

export async function agentState(ctx: TestContext, id: number): Promise<{ state: string; pauseReason: string | null }> {
  return (await ctx.api({ method: 'GET', url: `/api/agents/${id}` })).json();
}

export async function lastCall(ctx: TestContext) {
  await ctx.app.callFlow.settled();
  const list = (await ctx.api({ method: 'GET', url: '/api/calls?limit=1' })).json();
  const id = list.items[0].id as string;
  return (await ctx.api({ method: 'GET', url: `/api/calls/${id}` })).json();
}

export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
