// The hosted checkout inside WeChat (WeChat's User-Agent) on a production build: only WeChat Pay is
// offered, with the hint to open a browser for Alipay; choosing it goes through the simulated WeChat
// web authorization (snsapi_base) and back, the page opens the simulated WeChat payment sheet
// (WeixinJSBridge getBrandWCPayRequest); cancelling keeps the checkout payable, paying turns it to
// success and the app gets the signed webhook. Screenshots are kept.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { webhookReceiver } from '@/server/testing/webhook-receiver';
import { expectPaymentSucceededWebhook } from './support/app-webhooks';
import { launchBrowser, newPage, PHONE, screenshot } from './support/browser';

/** WeChat 8 on Android, as its in-app browser sends it. */
const WECHAT_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

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

describe('hosted checkout inside WeChat', () => {
  it('from the link to a paid order: authorization, the WeChat sheet (cancel, then pay), success and the webhook', async () => {
    const receiver = await webhookReceiver();
    const created = await api.request('POST', '/api/v1/payments', {
      merchantId: demo.merchantId,
      orderNo: `E2E-WX-${Date.now()}`,
      amount: 3300,
      currency: 'CNY',
      subject: '物业费 2026年12月 5-1-302',
      invokeMethod: 'CASHIER',
      notifyUrl: receiver.url,
      returnUrl: `${baseUrl}/login?from=wechat`,
    });
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;

    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: WECHAT_USER_AGENT });
    await page.goto(created.body.action.url as string);
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
});
