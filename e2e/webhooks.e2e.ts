// The webhook delivery log in Chromium on a production build: the app's receiver answers the first
// delivery of a paid payment with 500; staff see the failed attempt and resend it; the receiver gets
// the same signed event again and acknowledges it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyWebhook } from '@paycenter/node';
import { appApiClient } from '@/server/testing/app-api-client';
import { webhookReceiver } from '@/server/testing/webhook-receiver';
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
  it('lists the delivery of a paid payment with its failed attempt, and resends it to the app', async () => {
    const receiver = await webhookReceiver({ script: [{ status: 500, body: 'busy' }] });
    const created = await api.request('POST', '/api/v1/payments', {
      merchantId: demo.merchantId,
      paymentId: demo.paymentIds.ALIPAY,
      orderNo: `E2E-WH-${Date.now()}`,
      amount: 100,
      currency: 'CNY',
      subject: '物业费 webhook',
      invokeMethod: 'QR',
      notifyUrl: receiver.url,
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
    // The receiver already got (and refused) the first delivery: its event is the row to open.
    const first = await receiver.nth(1);
    const link = page.getByTestId(`row-${first.eventId}`).getByRole('link', { name: 'payment.succeeded' });
    await link.waitFor();
    await link.click();
    await page.waitForURL('**/webhooks/evt_*');
    const attempts = page.getByTestId('webhook-attempts');
    await attempts.getByText('500', { exact: true }).waitFor();
    await screenshot(page, 'webhook-detail');

    await page.getByRole('button', { name: '立即重发' }).click();
    await page.getByText('已重发：应用已确认（HTTP 200）。').waitFor();
    await attempts.getByText('手动重发').waitFor();
    await page.getByText('已送达').first().waitFor();
    // The same event, signed afresh for each delivery.
    const second = await receiver.nth(2);
    expect(second.eventId).toBe(first.eventId);
    expect(second.rawBody).toBe(first.rawBody);
    const event = verifyWebhook({ secret: demo.appSecret, timestamp: second.timestamp, signature: second.signature, rawBody: second.rawBody });
    expect(event).toMatchObject({ id: first.eventId, type: 'payment.succeeded', data: { payment: { serialNo, status: 'SUCCEEDED' } } });
    expect(receiver.received).toHaveLength(2);
    await context.close();
    await receiver.close();
  });
});
