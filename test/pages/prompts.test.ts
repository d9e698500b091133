import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t, { type Test } from 'tap';
import type { Locator, Page } from 'playwright-core';
import { build, type TestContext } from '../helpers/app.js';
import { launchBrowser, loggedInPage, pageProblems, screenshot, serve } from '../helpers/browser.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';

const run = promisify(execFile);

/** A folder for the files an admin would pick, gone when the test ends. */
function workDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-prompts-page-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The default menu, its greeting followed by the prompt, published. */
async function publishMenuUsing(ctx: TestContext, prompt: string): Promise<void> {
  const menu = structuredClone(defaultMenu);
  const main = menu.nodes.find((n) => n.id === 'main')!;
  if (main.kind === 'menu') main.prompt = ['welcome', prompt];
  const res = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: menu });
  if (res.statusCode !== 200) throw new Error(`menu refused: ${res.body}`);
}

/** What a listener would notice: the player has loaded the recording and knows how long it is. */
async function playable(audio: Locator): Promise<number> {
  await audio.waitFor();
  const handle = await audio.elementHandle();
  await audio.page().waitForFunction((el) => (el as HTMLAudioElement).readyState >= 1 && (el as HTMLAudioElement).duration > 0, handle, { timeout: 10_000 });
  return audio.evaluate((el) => (el as HTMLAudioElement).duration);
}

const versionsOf = async (ctx: TestContext, name: string, language: string) =>
  (await ctx.api({ method: 'GET', url: `/api/prompts/${name}/${language}/versions` })).json() as Array<{ version: number; source: string; text: string | null; restoredFrom: number | null }>;

/** The page's refusals arrive as 4xx responses, which Chromium also logs; anything else is a fault. */
const faults = (page: Page) => pageProblems(page).filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p));

t.test('an admin makes a prompt from text, listens, uploads a recording, restores version 1, and cannot delete one the menu plays', async (t) => {
  const ctx = await build(t);
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'admin', 'admin-password');
  await page.getByRole('navigation').getByRole('link', { name: '语音提示' }).click();
  await page.waitForURL(/\/prompts\.html$/);

  // A new prompt for the Spring Festival, in both languages; a name with capitals and a space is refused before anything is sent.
  await page.getByRole('button', { name: '新建语音' }).click();
  const form = page.getByTestId('new-prompt');
  await form.locator('input[name=name]').fill('Holiday Notice');
  await form.locator('textarea[name=text-zh]').fill('春节期间热线照常服务，祝您新年快乐。');
  await form.locator('textarea[name=text-en]').fill('The hotline is open over the Spring Festival.');
  await form.getByRole('button', { name: '创建' }).click();
  await form.getByTestId('name-error').getByText('名称只能用小写字母').waitFor();
  await form.locator('input[name=name]').fill('holiday-notice');
  await form.getByRole('button', { name: '创建' }).click();

  const detail = page.getByTestId('prompt-detail');
  const zh = detail.locator('.language-panel[data-language=zh]');
  await detail.locator('.prompt-name').getByText('holiday-notice').waitFor();
  t.ok((await playable(zh.getByTestId('current-audio'))) > 1, 'the synthesised Mandarin plays in the browser');
  t.ok((await playable(detail.locator('.language-panel[data-language=en]').getByTestId('current-audio'))) > 1, 'and the English');
  const row = page.locator('tr[data-prompt="holiday-notice"]');
  await row.locator('td[data-language=zh]').getByText('春节期间热线照常服务').waitFor();
  await row.getByText('未使用').waitFor();
  await screenshot(page, 'prompts-1-created');

  // Not audio at all: the refusal is beside the upload, in words.
  const dir = workDir(t);
  writeFileSync(join(dir, 'notes.wav'), 'these are meeting notes, not a recording');
  await zh.locator('input[name=upload-zh]').setInputFiles(join(dir, 'notes.wav'));
  await zh.getByTestId('upload-error').getByText(/^操作失败：.+/).waitFor();

  // A real recording, as a studio would send it: 44.1 kHz stereo WAV.
  const recording = join(dir, 'holiday.wav');
  await run('sox', ['-n', '-r', '44100', '-c', '2', recording, 'synth', '2.5', 'sine', '440', 'vol', '0.5']);
  await zh.locator('input[name=upload-zh]').setInputFiles(recording);
  await zh.getByText('已上传新版本：v2').waitFor();
  t.equal(await zh.getByTestId('upload-error').count(), 0, 'the earlier refusal is gone');
  const uploaded = await playable(zh.getByTestId('current-audio'));
  t.ok(Math.abs(uploaded - 2.5) < 0.1, `the uploaded version plays, 2.5 s long (${uploaded})`);
  await row.locator('td[data-language=zh] .words').getByText('录音上传').waitFor();
  t.match(await versionsOf(ctx, 'holiday-notice', 'zh'), [{ version: 2, source: 'upload', text: null }, { version: 1, source: 'tts' }]);

  // Back to the synthesised words: version 1 comes back as version 3.
  await zh.locator('[data-version="1"]').getByRole('button', { name: '恢复' }).click();
  await zh.getByText('已恢复为新版本：v3').waitFor();
  await zh.locator('[data-version="3"]').getByText('恢复自版本 v1').waitFor();
  t.equal(await zh.locator('[data-version="3"]').getByText('admin').count(), 1, 'who made it');
  t.ok((await playable(zh.getByTestId('current-audio'))) > 1, 'the restored version plays');
  await row.locator('td[data-language=zh]').getByText('春节期间热线照常服务').waitFor();
  t.match((await versionsOf(ctx, 'holiday-notice', 'zh'))[0], { version: 3, source: 'tts', text: '春节期间热线照常服务，祝您新年快乐。', restoredFrom: 1 });
  await screenshot(page, 'prompts-2-restored');

  // The search finds it by its words.
  await page.locator('input[name=search]').fill('春节');
  t.equal(await page.locator('tr[data-prompt]').count(), 1, 'only the prompt with those words is listed');
  await page.locator('input[name=search]').fill('');

  // Once the published menu plays it, it cannot be deleted, and the page says where it is played.
  await publishMenuUsing(ctx, 'holiday-notice');
  await page.reload();
  await page.locator('tr[data-prompt="holiday-notice"]').click();
  await detail.getByRole('button', { name: '删除语音' }).click();
  await detail.getByRole('button', { name: '确定删除' }).click();
  const refusal = detail.getByTestId('delete-error');
  await refusal.waitFor();
  t.match(await refusal.innerText(), /无法删除.*菜单“12345”的节点“main”.*请先在语音导航中去掉它/);
  await page.locator('tr[data-prompt="holiday-notice"]').getByText('菜单“12345”的节点“main”').waitFor();
  t.equal((await ctx.api({ method: 'GET', url: '/api/prompts/holiday-notice/zh/versions' })).statusCode, 200, 'still there');
  await screenshot(page, 'prompts-3-delete-refused');

  // From the menu editor, a prompt list opens this page in a tab of its own, leaving the menu as it was.
  await page.goto(`${base}/menus.html`);
  await page.locator('[data-node="main"]').first().click();
  const manage = page.locator('[data-node-form="main"]').getByRole('link', { name: '管理语音' }).first();
  t.equal(await manage.getAttribute('href'), '/prompts.html');
  t.equal(await manage.getAttribute('target'), '_blank');
  t.same(faults(page), []);
});

t.test('a supervisor listens to the prompts but changes nothing; the page speaks English too', async (t) => {
  const ctx = await build(t);
  await ctx.api({ method: 'POST', url: '/api/prompts/holiday-notice/zh/tts', payload: { text: '春节期间热线照常服务。' } });
  await ctx.api({ method: 'POST', url: '/api/prompts/holiday-notice/en/tts', payload: { text: 'The hotline is open over the Spring Festival.' } });
  await ctx.api({ method: 'POST', url: '/api/auth/users', payload: { username: 'banzhang', password: 'password-123', role: 'supervisor' } });
  const base = await serve(ctx);
  const browser = await launchBrowser(t);
  const page = await loggedInPage(browser, base, 'banzhang', 'password-123', 'en');
  await page.goto(`${base}/prompts.html#holiday-notice`);

  const detail = page.getByTestId('prompt-detail');
  await detail.locator('.prompt-name').getByText('holiday-notice').waitFor();
  await page.getByTestId('read-only').getByText('Read only: only admins change prompts').waitFor();
  t.ok((await playable(detail.locator('.language-panel[data-language=en]').getByTestId('current-audio'))) > 1, 'the English version plays');
  await detail.getByText('“The hotline is open over the Spring Festival.”').waitFor();
  await detail.locator('.language-panel[data-language=zh] [data-version="1"]').getByText('From text').waitFor();
  for (const [what, locator] of [
    ['new prompt', page.getByRole('button', { name: 'New prompt' })],
    ['text to synthesise', page.locator('textarea')],
    ['upload', page.locator('input[type=file]')],
    ['restore', page.getByRole('button', { name: 'Restore' })],
    ['delete', page.getByRole('button', { name: 'Delete prompt' })],
  ] as const) {
    t.equal(await locator.count(), 0, `no ${what}`);
  }
  await screenshot(page, 'prompts-4-supervisor-en');
  t.same(faults(page), []);
});
