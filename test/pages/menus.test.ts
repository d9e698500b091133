import t from 'tap';
import type { Page, Route } from 'playwright-core';
import { build, type TestContext } from '../helpers/app.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';
import type { IvrNode, MenuDefinition } from '../../src/ivr/model.js';

// What the prompt library (being built beside this page) will answer; the page is tested against that contract.
const promptTexts: Record<string, string> = {
  welcome: '您好，欢迎致电12345政务服务便民热线。普通话服务请按1，English service press 2，企业诉求请按3，查询工单进度请按4，重听请按9，人工服务请按0。',
  'welcome-2026': '您好，这里是12345热线。咨询投诉请按1，企业诉求请按3，企业开办请按5。',
  'no-input': '您没有按键。',
  'invalid-key': '您的按键有误。',
  transferring: '正在为您转接人工服务，请稍候。',
  'transferring-en': 'Transferring you to an agent.',
  'transferring-enterprise': '正在为您转接企业诉求专线。',
  'enter-ticket-number': '请输入工单编号，以井号键结束。',
  'ticket-number-invalid': '工单编号有误。',
};
const prompts = Object.entries(promptTexts).map(([name, text]) => ({
  name,
  languages: [{ language: 'zh-CN', version: 1, source: 'tts', text, durationMs: 3000 }],
  usedBy: [],
}));

type Input = { digit: string } | { timeout: true } | { transfer: 'answered' | 'failed' };

/** A stand-in for POST /api/menus/:name/simulate (built in parallel): enough of a walk for the panel's test. */
function simulate(menu: MenuDefinition, inputs: Input[]) {
  const byId = new Map(menu.nodes.map((n) => [n.id, n]));
  const steps: Array<Record<string, unknown>> = [];
  let here: IvrNode | undefined;
  let done = false;
  const enter = (id: string, input: Input | null) => {
    for (let node = byId.get(id); node; node = undefined) {
      here = node;
      const played = ('prompt' in node ? (node.prompt ?? []) : []).map((ref) => ({ ref, text: promptTexts[ref] ?? null }));
      const outcome = node.kind === 'queue' ? { type: 'queue', queue: node.queue } : node.kind === 'hangup' ? { type: 'hangup' } : null;
      steps.push({ input, nodeId: node.id, label: node.label, kind: node.kind, language: 'zh-CN', played, outcome });
      done = outcome !== null;
      if (node.kind === 'play') return enter(node.next, null);
    }
  };
  enter(menu.start, null);
  for (const input of inputs) {
    if (done || here?.kind !== 'menu') break;
    if ('digit' in input) enter(here.keys[input.digit] ?? here.id, input);
    else if ('timeout' in input) enter(here.fallback, input);
  }
  return { steps, done, waitingFor: done ? null : 'key' };
}

/** Stand-ins only where the service has no route yet, so the test keeps testing the real one once it lands. */
async function standIns(ctx: TestContext, page: Page) {
  const has = (method: 'GET' | 'POST', url: string) => ctx.app.hasRoute({ method, url });
  if (!has('GET', '/api/prompts')) await page.route('**/api/prompts', (route: Route) => route.fulfill({ json: prompts }));
  if (!has('GET', '/api/calendars')) await page.route('**/api/calendars', (route: Route) => route.fulfill({ json: [{ name: 'default' }] }));
  if (!has('POST', '/api/menus/:name/simulate')) {
    await page.route('**/api/menus/*/simulate', (route: Route) => {
      const body = route.request().postDataJSON() as { definition: MenuDefinition; inputs: Input[] };
      return route.fulfill({ json: simulate(body.definition, body.inputs) });
    });
  }
}

t.test('an admin edits a key and a prompt, fixes the problem the editor shows, publishes, rolls back, compares and simulates', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin', 'admin-password');
  await standIns(ctx, page);
  await page.goto(`${base}/menus.html`);
  const node = (id: string) => page.locator(`[data-node="${id}"]`).first();
  await node('main').waitFor();
  await page.getByText('检查通过，可以发布').waitFor();
  await screenshot(page, 'menus-1-tree');

  // Key 0 now leads straight to the general queue, and the welcome is the 2026 recording.
  await node('main').click();
  const form = page.locator('[data-node-form="main"]');
  await form.locator('select[name="key-0-target"]').selectOption('general');
  await form.locator('select[name="prompt[0]"]').selectOption('welcome-2026');
  await form.getByText(promptTexts['welcome-2026']!).waitFor();
  t.equal(await form.locator('audio').first().getAttribute('src'), `/api/prompts/welcome-2026/zh-CN/audio?token=${await token(page)}`);

  // A new key with nowhere to go: the node and the key's row say so.
  await form.getByRole('button', { name: '添加按键' }).click();
  await node('main').getByTestId('node-problems').waitFor();
  await form.locator('tr[data-key="5"]').getByText('还没有选择去向').waitFor();
  await screenshot(page, 'menus-2-problem-on-node');

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
  const published = (await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json();
  t.match(published, { version: 2, definition: { nodes: [{ id: 'main', prompt: ['welcome-2026'], keys: { '0': 'general', '5': 'queue-1' } }] } });
  await screenshot(page, 'menus-3-published');

  // Roll back to version 1 from the versions list; calls from now on get version 1, and the editor shows it.
  await page.getByRole('button', { name: '版本' }).click();
  await page.locator('tr[data-version="1"]').getByRole('button', { name: '回滚到此版本' }).click();
  await page.getByRole('status').getByText('已回滚到版本 v1').waitFor();
  await page.locator('tr[data-version="1"]').getByText('已发布').waitFor();
  t.equal((await ctx.api({ method: 'GET', url: '/api/menus/12345' })).json().version, 1);
  await page.getByTestId('menu-tree').getByText('企业开办').waitFor({ state: 'detached' });

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
  await sim.getByText(promptTexts.welcome!).waitFor();
  await sim.locator('.key-map').getByText('企业诉求/营商环境专线').waitFor();
  await key('9').click();
  await sim.locator('[data-step="1"]').getByText(promptTexts.welcome!).waitFor();
  await key('3').click();
  await sim.getByText('进入队列 企业诉求/营商环境专线').waitFor();
  await sim.getByText('通话结束').waitFor();
  t.equal(await sim.locator('[data-step]').count(), 3);
  t.ok(await key('1').isDisabled(), 'the keypad is off once the call has ended');
  await screenshot(page, 'menus-5-simulator');
  t.same(pageProblems(page), []);
});

const token = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('hotline.session')!).token as string);

t.test('every kind of node has its form, in English too, with lists to pick from', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin', 'admin-password', 'en');
  await standIns(ctx, page);
  await page.goto(`${base}/menus.html`);
  await page.locator('[data-node="main"]').waitFor();

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
  await page.locator('[data-node="hours-1"]').click();
  await page.locator('[data-node-form="hours-1"] select[name="calendar"]').selectOption('default');
  await page.getByText('Not connected (callers cannot reach these)').waitFor();
  await page.getByTestId('problems-count').getByText(/^\d+ problem/).waitFor();
  t.ok(await page.locator('[data-node="hours-1"]').getByTestId('node-problems').isVisible(), 'the new hours node shows its problems');
  await screenshot(page, 'menus-6-kinds-en');
  t.same(pageProblems(page), []);
});
