// EasyPay in Chromium on a production build: page payment (submit.php, the simulated epay pay page,
// back to the app with the signed return fields) and API payment (mapi.php: its code on our checkout,
// opened on a phone and paid). Both end with the app's signed webhook; the page payment is refunded.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { expectPaymentSucceededWebhook } from './support/app-webhooks';
import { DESKTOP, launchBrowser, newPage, PHONE, PHONE_USER_AGENT, screenshot } from './support/browser';
import { decodeCheckoutQr } from './support/checkout-qr';

let browser: Browser;
let receiver: WebhookReceiver;
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

async function createPayment(fields: Record<string, unknown>) {
  const answer = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds.EASYPAY,
    orderNo: `E2E-EP-${Date.now()}-${fields.invokeMethod}`,
    currency: 'CNY',
    subject: '车位管理费 2026年12月 B2-017 & 水费',
    returnUrl: `${baseUrl}/login?from=easypay`,
    notifyUrl: receiver.url,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { payment: { serialNo: string }; action: { type: string; url: string; checkoutUrl: string } };
}

async function expectPaid(serialNo: string, amount: number) {
  const paid = await api.request('GET', `/api/v1/payments/${serialNo}`);
  expect(paid.body.payment).toMatchObject({ serialNo, status: 'SUCCEEDED', amount, channel: 'EASYPAY', livemode: false });
  await expectPaymentSucceededWebhook(receiver, { serialNo, amount, channel: 'EASYPAY' });
}

describe('EasyPay', () => {
  it('page payment: submit.php opens the epay pay page; paying returns to the app; a refund follows', async () => {
    const created = await createPayment({ invokeMethod: 'WAP', amount: 6600 });
    const { serialNo } = created.payment;
    expect(created.action.type).toBe('REDIRECT');
    expect(new URL(created.action.url).pathname).toBe('/sandbox/easypay/submit.php');

    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await page.goto(created.action.url);
    await page.getByText('沙箱 SANDBOX').first().waitFor();
    expect(await page.getByText('66.00').count()).toBeGreaterThan(0);
    await screenshot(page, 'easypay-pay-page');
    await page.getByRole('button', { name: '确认付款' }).click();
    await page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('from') === 'easypay' && target.searchParams.get('out_trade_no') === serialNo);
    expect(new URL(page.url()).searchParams.get('sign')).toMatch(/^[0-9a-f]{32}$/);
    await context.close();
    await expectPaid(serialNo, 6600);

    const refund = await api.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `${serialNo}-R1`, amount: 1600, reason: 'e2e' });
    expect(refund.status).toBe(201);
    expect(refund.body.refund).toMatchObject({ amount: 1600, status: 'SUCCEEDED' });
    expect((await api.request('GET', `/api/v1/payments/${serialNo}`)).body.payment.refundedAmount).toBe(1600);
  });

  it('API payment: the mapi.php code is shown on our checkout; opening it on a phone and paying turns the page to success', async () => {
    const created = await createPayment({ invokeMethod: 'QR', amount: 1999, payer: { clientIp: '203.0.113.7' } });
    const { serialNo } = created.payment;
    expect(created.action.type).toBe('QR_CODE');

    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await page.goto(created.action.checkoutUrl);
    await page.getByText('请使用支付宝或微信扫一扫').waitFor();
    const code = await decodeCheckoutQr(page);
    expect(new URL(code).pathname).toMatch(/^\/sandbox\/easypay\/pay\//);
    await screenshot(page, 'easypay-checkout-qr');

    const phone = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await phone.page.goto(code);
    await phone.page.getByRole('button', { name: '确认付款' }).click();
    await phone.context.close();

    await page.getByTestId('checkout-final').getByText('支付成功').waitFor();
    await context.close();
    await expectPaid(serialNo, 1999);
  });
});
