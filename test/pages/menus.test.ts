import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Page } from 'playwright-core';
import { build, type TestContext } from '../helpers/app.js';
import { call, finishPrompt, sound, until, waitForPrompt } from '../helpers/calls.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';
import { promptTexts } from '../../src/ivr/prompt-texts.js';
import { silentWav } from '../fake-asterisk/media.js';

const welcome2026 = '您好，这里是12345热线。咨询投诉请按1，企业诉求请按3，企业开办请按5。';


/**
 * The service with the built-in welcome recorded, as scripts/make-prompts.ts leaves it on a
 * real server (the service records it as the welcome's version 1), and a 2026 welcome an admin
 * made from text, so the page has a built-in and a typed prompt to show and play.
 */
async function service(t: Test) {
  const promptsDir = mkdtempSync(join(tmpdir(), 'hotline-editor-prompts-'));
  t.teardown(() => rmSync(promptsDir, { recursive: true, force: true }));
  mkdirSync(join(promptsDir, 'zh'));
  writeFileSync(join(promptsDir, 'zh', 'welcome.wav'), silentWav(1000));
  const ctx = await build(t, { env: { PROMPTS_DIR: promptsDir } });
  const made = await ctx.api({ method: 'POST', url: '/api/prompts/welcome-2026/zh/tts', payload: { text: welcome2026 } });
  if (made.statusCode !== 201) throw new Error(`welcome-2026 not made: ${made.body}`);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, await serve(ctx), 'admin', 'admin-password');
  await page.goto(new URL('/menus.html', page.url()).href);
  await page.locator('[data-node="main"]').first().waitFor();
  return { ctx, page };
}

const token = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('hotline.session')!).token as string);

/** Plays an <audio> element (muted, as a headless browser allows) and says how far it got: its readyState, -1 on an error. */
const loadAudio = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate(async (audio: HTMLAudioElement) => {
    audio.muted = true;
    await audio.play().catch(() => undefined);
    for (let i = 0; i < 100 && audio.readyState < 1 && !audio.error; i++) await new Promise((r) => setTimeout(r, 20));
    audio.pause();
    return audio.error ? -1 : audio.readyState;
  });

/** The call from `caller`, through the API, once the service has finished with it. */
async function endedCall(ctx: TestContext, caller: string) {
  let found: { phase?: string } | undefined;
  await until(async () => {
    await ctx.app.callFlow.settled();
    found = (await ctx.api({ method: 'GET', url: `/api/calls?caller=${caller}&limit=1` })).json().items[0];
    return found?.phase === 'ended';
  }, `the call from ${caller} to end`);
  return found!;
}

/** What the citizen heard first, once a prompt is playing. */
async function heardFirst(ctx: TestContext, channelId: string) {
  await waitForPrompt(ctx, channelId, /./);
  return ctx.asterisk.played(channelId)[0];
}

t.test('edit, validate, publish: a new call follows the new menu while a call already in it finishes on the old; rollback; compare; simulate', async (t) => {
  const { ctx, page } = await service(t);
  const node = (id: string) => page.locator(`[data-node="${id}"]`).first();
  await page.getByText('检查通过，可以发布').waitFor();
  await node('main').getByText(promptTexts.welcome!.zh).waitFor();
  await screenshot(page, 'menus-1-tree');

  // Call A arrives while version 1 is published, and stays in the menu, hearing the welcome.
  const callA = await call(ctx, '13800000001');

  // The built-in welcome shows its words and its recording plays.
  await node('main').click();
  const form = page.locator('[data-node-form="main"]');
  await form.getByText(promptTexts.welcome!.zh).waitFor();
  t.equal(await form.locator('audio').first().getAttribute('src'), `/api/prompts/welcome/zh/audio?token=${await token(page)}`);
  t.ok((await loadAudio(page, '[data-node-form="main"] audio')) >= 1, 'the built-in welcome loads in the player');

  // Key 0 now leads straight to the general queue, and the welcome is the 2026 one made from text.
  await form.locator('select[name="key-0-target"]').selectOption('general');
  await form.locator('select[name="prompt[0]"]').selectOption('welcome-2026');
  await form.getByText(welcome2026).waitFor();
  t.equal(await form.locator('audio').first().getAttribute('src'), `/api/prompts/welcome-2026/zh/audio?token=${await token(page)}`);
  t.ok((await loadAudio(page, '[data-node-form="main"] audio')) >= 1, 'the new welcome loads in the player');

  // A new key with nowhere to go: the node and the key's row say so, and publishing is refused.
  await form.getByRole('button', { name: '添加按键' }).click();
  await node('main').getByTestId('node-problems').waitFor();
  await form.locator('tr[data-key="5"]').getByText('还没有选择去向').waitFor();
  await page.getByTestId('problems-count').getByText('1 个问题').waitFor();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('alert').getByText('未发布：草稿已保存，还有 1 个问题').waitFor();
  await screenshot(page, 'menus-2-problem-on-node');
  t.equal((await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json().version, 1, 'a menu with a problem is not published');

  // Key 5 gets a new node: the business-registration line, a queue.
  await page.locator('select[name="new-kind"]').selectOption('queue');
  await page.getByRole('button', { name: '添加节点' }).click();
  const added = page.locator('[data-node-form="queue-1"]');
  await added.locator('input[name="label"]').fill('企业开办');
  await added.locator('select[name="queue"]').selectOption('enterprise');
  await node('main').click();
  await form.locator('select[name="key-5-target"]').selectOption('queue-1');
  await page.getByText('检查通过，可以发布').waitFor();
  t.equal(await node('main').getByTestId('node-problems').count(), 0);

  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('status').getByText('已发布 v2').waitFor();
  t.match((await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json(), {
    version: 2,
    definition: { nodes: [{ id: 'main', prompt: ['welcome-2026'], keys: { '0': 'general', '5': 'queue-1' } }] },
  });
  await screenshot(page, 'menus-3-published');

  // Call B hears the 2026 welcome and 5 puts it in the enterprise queue.
  const callB = ctx.asterisk.placeCall({ caller: '13800000002' }).id;
  t.equal(await heardFirst(ctx, callB), sound('welcome-2026'), 'call B hears the new welcome');
  ctx.asterisk.press(callB, '5');
  await finishPrompt(ctx, callB, sound('transferring'));
  ctx.asterisk.hangup(callB);
  t.match(await endedCall(ctx, '13800000002'), { menuVersion: 2, queue: 'enterprise' });

  // Call A, still on version 1: 5 is no key there, and 3 is the enterprise line, as it was.
  t.equal(ctx.asterisk.played(callA)[0], sound('welcome'));
  ctx.asterisk.press(callA, '5');
  await waitForPrompt(ctx, callA, sound('invalid-key'));
  ctx.asterisk.press(callA, '3');
  await finishPrompt(ctx, callA, sound('transferring-enterprise'));
  ctx.asterisk.hangup(callA);
  t.match(await endedCall(ctx, '13800000001'), { menuVersion: 1, queue: 'enterprise' });

  // Roll back to version 1 from the versions list; the next call gets version 1, and the editor shows it.
  await page.getByRole('button', { name: '版本' }).click();
  await page.locator('tr[data-version="1"]').getByRole('button', { name: '回滚到此版本' }).click();
  await page.getByRole('status').getByText('已回滚到版本 v1').waitFor();
  await page.locator('tr[data-version="1"]').getByText('已发布').waitFor();
  t.equal((await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json().version, 1);
  await page.getByTestId('menu-tree').getByText('企业开办').waitFor({ state: 'detached' });

  const callC = ctx.asterisk.placeCall({ caller: '13800000003' }).id;
  t.equal(await heardFirst(ctx, callC), sound('welcome'), 'call C hears the rolled-back welcome');
  ctx.asterisk.press(callC, '5');
  await waitForPrompt(ctx, callC, sound('invalid-key'));
  ctx.asterisk.hangup(callC);
  t.match(await endedCall(ctx, '13800000003'), { menuVersion: 1 });

  const compare = page.getByTestId('compare');
  await compare.locator('select[name="from"]').selectOption('1');
  await compare.locator('select[name="to"]').selectOption('2');
  await compare.getByRole('button', { name: '对比' }).click();
  const main = page.locator('[data-diff-node="main"]');
  await main.locator('[data-field="keys.0"]').waitFor();
  t.match(await main.innerText(), /按键 5: — → 企业开办/);
  await page.locator('[data-diff-node="queue-1"]').getByText('新增').waitFor();
  await page.getByTestId('audit').getByText('回滚 v1').waitFor();
  await screenshot(page, 'menus-4-versions-compare');

  // A pretend call through what is on screen: the welcome is read out, 9 repeats it, 3 reaches the enterprise line.
  await page.getByRole('button', { name: '模拟来电' }).click();
  const sim = page.getByTestId('simulator');
  const key = (k: string) => sim.locator('.keypad').getByRole('button', { name: k, exact: true });
  await sim.getByRole('button', { name: /拨打/ }).click();
  await sim.getByText(promptTexts.welcome!.zh).waitFor();
  await sim.locator('.key-map').getByText('企业诉求/营商环境专线').waitFor();
  await key('9').click();
  await sim.locator('[data-step="1"]').getByText(promptTexts.welcome!.zh).waitFor();
  await key('3').click();
  await sim.getByText('进入队列 企业诉求/营商环境专线').waitFor();
  await sim.getByText('通话结束').waitFor();
  t.equal(await sim.locator('[data-step]').count(), 3);
  t.ok(await key('1').isDisabled(), 'the keypad is off once the call has ended');
  await screenshot(page, 'menus-5-simulator');
  t.same(pageProblems(page), []);
});

t.test('an admin puts working hours and an English key in front of the menu; the simulator sends a Saturday call to the message', async (t) => {
  const { ctx, page } = await service(t);
  const node = (id: string) => page.locator(`[data-node="${id}"]`).first();
  const formOf = (id: string) => page.locator(`[data-node-form="${id}"]`);
  const add = async (kind: string) => {
    await page.locator('select[name="new-kind"]').selectOption(kind);
    await page.getByRole('button', { name: '添加节点' }).click();
    await formOf(`${kind}-1`).waitFor();
    return formOf(`${kind}-1`);
  };

  // Out of hours, a message; in hours, the menu.
  const message = await add('message');
  await message.locator('input[name="label"]').fill('非工作时间留言');
  await message.locator('[data-field="prompt"]').getByRole('button', { name: '添加语音' }).click();
  await message.locator('select[name="prompt[0]"]').selectOption('after-hours');
  await message.locator('[data-field="thanksPrompt"]').getByRole('button', { name: '添加语音' }).click();
  await message.locator('select[name="thanksPrompt[0]"]').selectOption('message-thanks');
  const hours = await add('hours');
  await hours.locator('input[name="label"]').fill('工作时间');
  await hours.locator('select[name="calendar"]').selectOption('default');
  await hours.locator('select[name="open"]').selectOption('main');
  await hours.locator('select[name="closed"]').selectOption('message-1');
  await hours.getByRole('button', { name: '设为开始节点' }).click();

  // Key 2 now switches the call to English and plays the menu again; the English queue is left unconnected.
  const language = await add('language');
  await language.locator('input[name="label"]').fill('English');
  await language.locator('select[name="language"]').selectOption('en');
  await language.locator('select[name="next"]').selectOption('main');
  await node('main').click();
  await formOf('main').locator('select[name="key-2-target"]').selectOption('language-1');
  await node('english').getByTestId('node-problems').waitFor();
  await node('english').click();
  t.equal(await formOf('english').locator('.field-error').first().innerText(), '来电到不了这个节点：没有按键或出口通向它', 'the reason in Chinese, with no English left over');
  await screenshot(page, 'menus-7-unreachable');
  await formOf('english').getByRole('button', { name: '删除节点' }).click();
  await page.getByText('检查通过，可以发布').waitFor();

  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('status').getByText('已发布 v2').waitFor();
  t.match((await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json(), {
    version: 2,
    definition: { start: 'hours-1', nodes: [{ id: 'main', keys: { '2': 'language-1' } }] },
  });
  await node('hours-1').getByText('开始节点').waitFor();
  await node('language-1').getByText('英语 English').waitFor();
  await screenshot(page, 'menus-8-hours-language');

  // Saturday morning: straight to the message.
  const sim = page.getByTestId('simulator');
  await sim.locator('input[name="at"]').fill('2026-11-28T10:00');
  await sim.getByRole('button', { name: /拨打/ }).click();
  await sim.locator('[data-step="1"]').getByText('非工作时间留言').waitFor();
  await sim.getByText(promptTexts['after-hours']!.zh).waitFor();
  await sim.getByText('留言后挂机').waitFor();
  await sim.getByText('通话结束').waitFor();
  await screenshot(page, 'menus-9-simulator-weekend');

  // Thursday morning: the menu, and 2 plays it again in English.
  await sim.locator('input[name="at"]').fill('2026-11-26T10:00');
  await sim.getByRole('button', { name: /拨打/ }).click();
  await sim.locator('[data-step="1"]').getByText(promptTexts.welcome!.zh).waitFor();
  await sim.locator('.keypad').getByRole('button', { name: '2', exact: true }).click();
  await sim.locator('[data-step="3"]').getByText(promptTexts.welcome!.en).waitFor();
  t.match(await sim.getByTestId('sim-steps').innerText(), /按键 2/);
  await screenshot(page, 'menus-10-simulator-english');
  t.same(pageProblems(page), []);
});

t.test('every kind of node has its form, in English too, with lists to pick from', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin', 'admin-password', 'en');
  await page.goto(`${base}/menus.html`);
  await page.locator('[data-node="main"]').waitFor();
  await page.locator('[data-node="main"]').getByText(promptTexts.welcome!.en).waitFor();

  const fields: Record<string, string[]> = {
    menu: ['prompt', 'keys', 'timeoutSeconds', 'maxTries', 'timeoutPrompt', 'invalidPrompt', 'fallback'],
    queue: ['queue', 'prompt'],
    play: ['prompt', 'next'],
    collect: ['prompt', 'minDigits', 'maxDigits', 'terminator', 'timeoutSeconds', 'maxTries', 'invalidPrompt', 'action', 'next'],
    hangup: ['prompt'],
    transfer: ['target', 'prompt', 'fallback'],
    hours: ['calendar', 'open', 'closed'],
    language: ['language', 'next'],
    message: ['prompt', 'maxSeconds', 'thanksPrompt'],
  };
  for (const [kind, names] of Object.entries(fields)) {
    await page.locator('select[name="new-kind"]').selectOption(kind);
    await page.getByRole('button', { name: 'Add node' }).click();
    const form = page.locator(`[data-node-form="${kind}-1"]`);
    await form.waitFor();
    for (const name of names) t.equal(await form.locator(`[data-field="${name}"]`).count(), 1, `${kind} has ${name}`);
  }
  const transfer = page.locator('[data-node-form="transfer-1"]');
  await page.locator('[data-node="transfer-1"]').click();
  t.match(await transfer.locator('select[name="target"] option').allInnerTexts(), ['Choose…', '110 公安', '119 消防', '120 急救', '122 交警', '12315 市场监管']);
  await transfer.locator('select[name="target"]').selectOption('12315');
  await page.locator('[data-node="language-1"]').click();
  t.same(await page.locator('[data-node-form="language-1"] select[name="language"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['', 'zh', 'en'], 'the languages prompts are kept in');
  await page.locator('[data-node="hours-1"]').click();
  await page.locator('[data-node-form="hours-1"] select[name="calendar"]').selectOption('default');
  await page.getByText('Not connected (callers cannot reach these)').waitFor();
  await page.getByTestId('problems-count').getByText(/^\d+ problem/).waitFor();
  t.ok(await page.locator('[data-node="hours-1"]').getByTestId('node-problems').isVisible(), 'the new hours node shows its problems');
  await screenshot(page, 'menus-6-kinds-en');
  t.same(pageProblems(page), []);
});
