import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
/** A phone's browser as servers see it (the checkout picks WAP pay for phones by User-Agent). */
export const PHONE_USER_AGENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string; userAgent?: string; headers?: Record<string, string> } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? 'zh-CN',
    baseURL: inject('baseUrl'),
    userAgent: options.userAgent,
    extraHTTPHeaders: options.headers,
  });
  const page = await context.newPage();
  return { context, page };
}

/** Screenshots are kept in test-results/e2e as test artifacts. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(inject('artifactsDir'), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
