// The hosted checkout inside WeChat and inside Alipay (their User-Agents) on a production build: only
// the app's own channel is offered, with the hint to open a browser for the others; choosing it goes
// through the app's simulated web authorization (WeChat snsapi_base, Alipay auth_base) and back, the
// page opens the simulated app's payment sheet (WeixinJSBridge getBrandWCPayRequest, AlipayJSBridge
// tradePay); cancelling keeps the checkout payable, paying turns it to success and the app gets the
// signed webhook. Screenshots are kept.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { webhookReceiver } from '@/server/testing/webhook-receiver';
import { expectPaymentSucceededWebhook } from './support/app-webhooks';
import { launchBrowser, newPage, PHONE, screenshot } from './support/browser';

/** WeChat 8 on Android, as its in-app browser sends it. */
const WECHAT_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** Alipay 10.5 on iOS, as its in-app browser sends it. */
const ALIPAY_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.5.50.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|780|3.0) AlipayClient/10.5.50.6000 Language/zh-Hans Region/CN NebulaX/1.0.0';

let browser: Browser;
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function cashier(options: { orderNo: string; amount: number; notifyUrl: string; from: string }) {
  const created = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    orderNo: options.orderNo,
    amount: options.amount,
    currency: 'CNY',
    subject: '物业费 2026年12月 5-1-302',
    invokeMethod: 'CASHIER',
    notifyUrl: options.notifyUrl,
    returnUrl: `${baseUrl}/login?from=${options.from}`,
  });
  expect(created.status).toBe(201);
  return { serialNo: created.body.payment.serialNo as string, url: created.body.action.url as string };
}

describe('hosted checkout inside WeChat and Alipay', () => {
  it('WeChat, from the link to a paid order: authorization, the WeChat sheet (cancel, then pay), success and the webhook', async () => {
    const receiver = await webhookReceiver();
    const { serialNo, url } = await cashier({ orderNo: `E2E-WX-${Date.now()}`, amount: 3300, notifyUrl: receiver.url, from: 'wechat' });

    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: WECHAT_USER_AGENT });
    await page.goto(url);
    await page.getByTestId('checkout-merchant').waitFor();
    // Only what works inside WeChat, and where the rest works.
    expect(await page.getByRole('button', { name: '使用微信支付支付' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: '使用支付宝支付' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '使用易支付支付' }).count()).toBe(0);
    expect(await page.getByTestId('checkout-open-in-browser').innerText()).toContain('支付宝');
    await screenshot(page, 'checkout-in-wechat');

    await page.getByRole('button', { name: '使用微信支付支付' }).click();
    // Through WeChat's (simulated) authorization and back to the checkout, which opens the sheet at once.
    await page.waitForURL((target) => target.pathname === `/checkout/${serialNo}` && target.searchParams.get('pay') === 'app');
    const sheet = page.getByTestId('sandbox-payment-sheet');
    await sheet.waitFor();
    await screenshot(page, 'checkout-in-wechat-sheet');
    const attempt = await api.request('GET', `/api/v1/payments/${serialNo}`);
    expect(attempt.body.payment).toMatchObject({ serialNo, status: 'PENDING', channel: 'WECHATPAY', invokeMethod: 'CASHIER', paymentId: demo.paymentIds.WECHATPAY });

    await sheet.getByRole('button', { name: '取消 Cancel' }).click();
    await page.getByTestId('checkout-app-outcome').getByText('支付已取消').waitFor();
    await page.getByTestId('checkout-app-pay').click();
    await sheet.getByRole('button', { name: '确认支付 Pay' }).click();

    await page.getByTestId('checkout-final').getByText('支付成功').waitFor();
    await screenshot(page, 'checkout-in-wechat-succeeded');
    const paid = await api.request('GET', `/api/v1/payments/${serialNo}`);
    expect(paid.body.payment).toMatchObject({ serialNo, status: 'SUCCEEDED', amount: 3300, channel: 'WECHATPAY' });
    await expectPaymentSucceededWebhook(receiver, { serialNo, amount: 3300, channel: 'WECHATPAY' });
    await receiver.close();
    await page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('from') === 'wechat');
    await context.close();
  });

  it('Alipay, from the link to a paid order: authorization, tradePay on the Alipay sheet, success and the webhook', async () => {
    const receiver = await webhookReceiver();
    const { serialNo, url } = await cashier({ orderNo: `E2E-AP-${Date.now()}`, amount: 4500, notifyUrl: receiver.url, from: 'alipay' });
    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: ALIPAY_USER_AGENT });
    await page.goto(url);
    await page.getByTestId('checkout-merchant').waitFor();
    expect(await page.getByRole('button', { name: '使用支付宝支付' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: '使用微信支付支付' }).count()).toBe(0);
    expect(await page.getByTestId('checkout-open-in-browser').innerText()).toContain('微信支付');
    await screenshot(page, 'checkout-in-alipay');

    await page.getByRole('button', { name: '使用支付宝支付' }).click();
    // The demo's Alipay payment ID enables MINI_PROGRAM: JSAPI (alipay.trade.create) after Alipay's authorization.
    await page.waitForURL((target) => target.pathname === `/checkout/${serialNo}` && target.searchParams.get('pay') === 'app');
    const sheet = page.getByTestId('sandbox-payment-sheet');
    await sheet.waitFor();
    await screenshot(page, 'checkout-in-alipay-sheet');
    await sheet.getByRole('button', { name: '确认付款 Pay' }).click();

    await page.getByTestId('checkout-final').getByText('支付成功').waitFor();
    const paid = await api.request('GET', `/api/v1/payments/${serialNo}`);
    expect(paid.body.payment).toMatchObject({ serialNo, status: 'SUCCEEDED', amount: 4500, channel: 'ALIPAY', invokeMethod: 'CASHIER', paymentId: demo.paymentIds.ALIPAY });
    await expectPaymentSucceededWebhook(receiver, { serialNo, amount: 4500, channel: 'ALIPAY' });
    await receiver.close();
    await context.close();
  });
});
