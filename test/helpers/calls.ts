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

/** The playback now playing to the channel, once one whose media matches is. */
export function waitForPrompt(ctx: TestContext, channelId: string, media: string | RegExp, timeoutMs = 2000) {
  const matches = (uri: string) => (typeof media === 'string' ? uri === media : media.test(uri));
  return ctx.asterisk.waitFor(
    () => ctx.asterisk.playbacksOn(channelId).find((p) => p.state === 'playing' && matches(p.media_uri)),
    timeoutMs,
    `${String(media)} playing on ${channelId}`,
  );
}

/** The prompt now playing plays to its end. */
export async function finishPrompt(ctx: TestContext, channelId: string, media: string | RegExp = /./, timeoutMs = 2000): Promise<void> {
  const playback = await waitForPrompt(ctx, channelId, media, timeoutMs);
  ctx.asterisk.finishPlayback(playback.id);
}

/** A citizen calls and waits for the welcome prompt. */
export async function call(ctx: TestContext, caller = '13800001234'): Promise<string> {
  const { id } = ctx.asterisk.placeCall({ caller });
  await waitForPrompt(ctx, id, sound('welcome'));
  return id;
}

export function bridgeOf(ctx: TestContext, channelId: string) {
  const bridgeId = ctx.asterisk.channel(channelId)?.bridgeId;
  return bridgeId ? ctx.asterisk.bridge(bridgeId) : undefined;
}

/** A citizen calls, presses `key` during the welcome prompt and hears the transfer prompt to its end. */
export async function callInto(ctx: TestContext, key: string, caller?: string): Promise<string> {
  const channelId = await call(ctx, caller);
  ctx.asterisk.press(channelId, key);
  await finishPrompt(ctx, channelId, /transferring/);
  await ctx.asterisk.waitFor(() => bridgeOf(ctx, channelId)?.type === 'holding', 2000, 'the caller in a holding bridge');
  return channelId;
}

export function waitForBridged(ctx: TestContext, a: string, b: string) {
  return ctx.asterisk.waitFor(() => {
    const bridge = bridgeOf(ctx, a);
    return bridge?.channels.includes(b) ? bridge : undefined;
  }, 2000, `${a} and ${b} in one bridge`);
}

/** A citizen calls with `key`, the agent's phone at `endpoint` rings and answers: they talk. */
export async function talkTo(ctx: TestContext, key: string, endpoint: string, caller?: string) {
  const citizen = await callInto(ctx, key, caller);
  const leg = await ctx.asterisk.waitForOriginate(endpoint);
  ctx.asterisk.answerLeg(leg.id);
  await waitForBridged(ctx, citizen, leg.id);
  return { citizen, leg };
}

export function waitForGone(ctx: TestContext, channelId: string) {
  return ctx.asterisk.waitFor(() => !ctx.asterisk.channel(channelId), 2000, `${channelId} hung up`);
}

export async function agentState(ctx: TestContext, id: number): Promise<{ state: string; pauseReason: string | null }> {
  return (await ctx.api({ method: 'GET', url: `/api/agents/${id}` })).json();
}

/** The newest call, through the API, once the service has finished with it. */
export async function lastCall(ctx: TestContext) {
  let id = '';
  await until(async () => {
    await ctx.app.callFlow.settled();
    const newest = (await ctx.api({ method: 'GET', url: '/api/calls?limit=1' })).json().items[0];
    id = newest?.id ?? '';
    return newest?.phase === 'ended';
  }, 'the newest call to end');
  return (await ctx.api({ method: 'GET', url: `/api/calls/${id}` })).json();
}

export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
