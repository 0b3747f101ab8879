// The API reference (/docs/api) on the production build: Swagger UI renders every operation and
// webhook of /api/v1/openapi.json under the page's strict policy (no inline script), from
// PayCenter's own files only, so it works offline.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the API reference', () => {
  it('renders the document’s operations and webhooks with nothing refused and nothing fetched from elsewhere', async () => {
    const document = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>>; webhooks: Record<string, unknown> };
    const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);

    const { page, context } = await newPage(browser);
    const problems: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    const response = await page.goto('/docs/api');
    expect(response!.status()).toBe(200);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp.split('; ')).toContain("script-src 'self'");
    expect(response!.headers()['x-frame-options']).toBe('DENY');

    await page.locator('.opblock-summary').first().waitFor({ timeout: 30_000 });
    // Swagger UI draws one summary per operation and one per webhook.
    await expect.poll(() => page.locator('.opblock-summary').count()).toBe(operations + Object.keys(document.webhooks).length);
    expect(await page.locator('.opblock-summary-path').allTextContents()).toContain('/api/v1/payments/{serialNo}/refunds');
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
    await context.close();
  });
});
