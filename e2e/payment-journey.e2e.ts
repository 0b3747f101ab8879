// The whole payment journey in Chromium on a production build: an app creates a sandbox Alipay
// payment through the signed API, the buyer pays on the simulated Alipay cashier on a phone, the
// simulator's signed notify settles it, and staff see it and refund part of it in the dashboard; with
// the demo's Alipay app in public key mode, and with its app in public-key-certificate mode.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot } from './support/browser';
import { signIn } from './support/dashboard';

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

async function createPayment(paymentId: string, invokeMethod: 'PC' | 'WAP', amount: number) {
  const answer = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId,
    orderNo: `E2E-${Date.now()}-${paymentId.slice(-6)}-${invokeMethod}`,
    amount,
    currency: 'CNY',
    subject: '物业费 2026年12月 3-2-1201',
    invokeMethod,
    returnUrl: `${baseUrl}/login?from=alipay`,
  });
  expect(answer.status).toBe(201);
  expect(answer.body.action.type).toBe('REDIRECT');
  return { serialNo: answer.body.payment.serialNo as string, url: answer.body.action.url as string };
}

describe.each([
  { mode: 'public key', slug: 'public-key', paymentId: demo.paymentIds.ALIPAY, certMode: false },
  { mode: 'certificate', slug: 'cert', paymentId: demo.paymentIds.ALIPAY_CERT, certMode: true },
])('payment journey (Alipay $mode mode)', ({ slug, paymentId, certMode }) => {
  it('WAP: the buyer cancels on the cashier; the payment stays PENDING and payable', async () => {
    const { serialNo, url } = await createPayment(paymentId, 'WAP', 1);
    const { context, page } = await newPage(browser, { viewport: PHONE });
    await page.goto(url);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByText('已取消支付，订单仍在等待付款。').waitFor();
    expect((await api.request('GET', `/api/v1/payments/${serialNo}`)).body.payment.status).toBe('PENDING');
    await context.close();
  });

  it('PC: pays on the simulated Alipay cashier, returns to the app, reads SUCCEEDED; staff refund 3.00 in the dashboard', async () => {
    const { serialNo, url } = await createPayment(paymentId, 'PC', 12800);
    const phone = await newPage(browser, { viewport: PHONE });
    await phone.page.goto(url);
    await phone.page.getByText('沙箱 SANDBOX').waitFor();
    expect(await phone.page.getByText(serialNo).count()).toBe(1);
    expect(await phone.page.locator('main').innerText()).toContain('128.00');
    await screenshot(phone.page, `alipay-${slug}-cashier-phone`);
    await phone.page.getByRole('button', { name: '确认付款' }).click();
    await phone.page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('out_trade_no') === serialNo);
    const returned = new URL(phone.page.url()).searchParams;
    expect(returned.get('sign')).toBeTruthy();
    // In certificate mode the signed return names the Alipay certificate it was signed with.
    expect(!!returned.get('alipay_cert_sn')).toBe(certMode);
    await phone.context.close();

    const paid = await api.request('GET', `/api/v1/payments/${serialNo}`);
    expect(paid.body.payment).toMatchObject({ status: 'SUCCEEDED', amount: 12800, livemode: false, paymentId });
    expect(paid.body.payment.channelTradeNo).toMatch(/^\d{28}$/);

    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await signIn(page, admin);
    await page.goto('/payments');
    // Staff know the app's order number (the payer quotes it): that finds the payment.
    await page.getByLabel('订单号 / 支付流水号 / 渠道交易号').fill(paid.body.payment.orderNo);
    await page.getByRole('link', { name: serialNo }).click();
    await page.waitForURL(`**/payments/${serialNo}`);
    await page.getByTestId('payment-amount').getByText('128.00').waitFor();
    await page.getByTestId('open-refund').click();
    expect(await page.getByTestId('refundable-amount').innerText()).toContain('128.00');
    await page.getByTestId('refund-amount').fill('3.00');
    await page.getByTestId('refund-submit').click();
    await page.getByTestId('refund-dialog').waitFor({ state: 'hidden' });
    await screenshot(page, `payment-detail-refunded-${slug}`);
    await context.close();

    const refunded = await api.request('GET', `/api/v1/payments/${serialNo}`);
    expect(refunded.body.payment.refundedAmount).toBe(300);
  });
});
