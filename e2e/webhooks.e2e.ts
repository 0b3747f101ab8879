// The webhook delivery log in Chromium on a production build: a sandbox payment whose notify URL is a
// loopback address (refused in production) shows its failed attempt; staff resend it from the dashboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { DESKTOP, launchBrowser, newPage, screenshot } from './support/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const admin = inject('admin');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('webhooks', () => {
  it('lists the delivery of a paid payment with its refused attempt, and resends it', async () => {
    const created = await api.request('POST', '/api/v1/payments', {
      merchantId: demo.merchantId,
      paymentId: demo.paymentIds.ALIPAY,
      orderNo: `E2E-WH-${Date.now()}`,
      amount: 100,
      currency: 'CNY',
      subject: '物业费 webhook',
      invokeMethod: 'QR',
      notifyUrl: 'http://127.0.0.1:9/paycenter/webhook',
    });
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;
    expect((await api.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).body.payment.status).toBe('SUCCEEDED');

    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(admin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('dashboard-home-heading').waitFor();

    await page.getByRole('link', { name: '通知' }).first().click();
    await page.waitForURL('**/webhooks');
    await page.getByLabel('事件 ID / 支付流水号 / 退款流水号').fill(serialNo);
    const link = page.getByRole('link', { name: 'payment.succeeded' });
    await link.waitFor();
    await link.click();
    await page.waitForURL('**/webhooks/evt_*');
    const attempts = page.getByTestId('webhook-attempts');
    await attempts.getByText(/refused: .*non-public address 127\.0\.0\.1/).waitFor();
    await screenshot(page, 'webhook-detail');

    await page.getByRole('button', { name: '立即重发' }).click();
    await page.getByText(/已重发，但应用未确认/).waitFor();
    await expect.poll(() => attempts.getByText(/refused: /).count()).toBe(2);
    await context.close();
  });
});
