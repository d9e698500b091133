import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestContext } from './app.js';

/** Screenshots land here for a person to look at; CI keeps them with the test output. */
export const screenshotDir = join(process.cwd(), '.tap', 'screenshots');

/** Debian's Chromium, headless, with nothing that would reach for the network on its own. */
export async function launchBrowser(t: Test): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  t.teardown(() => browser.close());
  return browser;
}

/** The service on a real port, for a real browser. */
export async function serve(ctx: TestContext): Promise<string> {
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the service is not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}

/** A fresh browser context at the common agent screen size, logged in through the login page. */
export async function loggedInPage(browser: Browser, base: string, username: string, password: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang === 'en' ? 'en-US' : 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(base);
  if (lang === 'en') await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/(agent|supervisor|tickets)\.html(\?.*)?$/);
  return page;
}

/** Errors the page logged or threw: a test ends by checking there were none. */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
