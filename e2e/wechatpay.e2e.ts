// WeChat Pay in Chromium on a production build, for both of WeChat's verification modes (the demo
// merchant has a public-key payment ID and a platform-certificate one): NATIVE (the QR code on our
// checkout, "scanned" into the simulated WeChat), H5 (the simulated H5 cashier, back to the app),
// JSAPI (the WeChat client's payment sheet), and a CASHIER payment choosing WeChat Pay on a phone.
// Each journey ends with the app's receiver holding the signed payment.succeeded webhook.
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
/** What a reverse proxy in front of PayCenter would add: the payer's address (WeChat Pay H5 needs it). */
const PROXY_HEADERS = { 'X-Forwarded-For': '203.0.113.7' };

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
    orderNo: `E2E-WX-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    currency: 'CNY',
    subject: '物业费 2026年12月 5-1-302',
    returnUrl: `${baseUrl}/login?from=wechatpay`,
    notifyUrl: receiver.url,
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { payment: { serialNo: string; status: string }; action: Record<string, unknown> & { type: string } };
}

async function expectSucceeded(serialNo: string, paymentId: string, amount: number) {
  const paid = await api.request('GET', `/api/v1/payments/${serialNo}`);
  expect(paid.body.payment).toMatchObject({ serialNo, status: 'SUCCEEDED', amount, channel: 'WECHATPAY', paymentId, livemode: false });
  expect(paid.body.payment.channelTradeNo).toMatch(/^42\d{26}$/);
  await expectPaymentSucceededWebhook(receiver, { serialNo, amount, channel: 'WECHATPAY' });
}

describe.each([
  { mode: 'public key', slug: 'public-key', paymentId: demo.paymentIds.WECHATPAY },
  { mode: 'platform certificate', slug: 'platform-cert', paymentId: demo.paymentIds.WECHATPAY_PLATFORM_CERT },
])('WeChat Pay ($mode mode)', ({ slug, paymentId }) => {
  it('NATIVE: the checkout shows the weixin:// code; scanning and paying turns the page to success', async () => {
    const created = await createPayment({ paymentId, invokeMethod: 'QR', amount: 3300 });
    const { serialNo } = created.payment;
    expect(created.action).toMatchObject({ type: 'QR_CODE', content: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/) });

    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await page.goto(created.action.checkoutUrl as string);
    await page.getByText('请使用微信扫一扫').waitFor();
    const code = await decodeCheckoutQr(page);
    expect(code).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=[A-Za-z0-9]+$/);
    // No "open the app" button: a browser cannot open WeChat's weixin:// code.
    expect(await page.getByTestId('checkout-open-app').count()).toBe(0);
    await screenshot(page, `wechatpay-${slug}-native-checkout`);

    // The phone that scanned it: the simulated WeChat shows the order of that code.
    const scanner = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await scanner.page.goto(`/sandbox/wechatpay/scan/${new URL(code).searchParams.get('pr')}`);
    await scanner.page.getByText('沙箱 SANDBOX').first().waitFor();
    expect(await scanner.page.getByText(serialNo).count()).toBe(1);
    await screenshot(scanner.page, `wechatpay-${slug}-native-scanned`);
    await scanner.page.getByRole('button', { name: '确认支付' }).click();
    await scanner.page.getByText('支付成功').waitFor();
    await scanner.context.close();

    await page.getByTestId('checkout-final').getByText('支付成功').waitFor();
    await screenshot(page, `wechatpay-${slug}-native-succeeded`);
    await context.close();
    await expectSucceeded(serialNo, paymentId, 3300);
  });

  it('H5: the payer pays on the H5 cashier and is sent back to the app', async () => {
    const created = await createPayment({ paymentId, invokeMethod: 'WAP', amount: 1250, payer: { clientIp: '203.0.113.7' } });
    const { serialNo } = created.payment;
    expect(created.action.type).toBe('REDIRECT');

    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await page.goto(created.action.url as string);
    expect(await page.getByText(serialNo).count()).toBe(1);
    await screenshot(page, `wechatpay-${slug}-h5`);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('from') === 'wechatpay');
    await context.close();
    await expectSucceeded(serialNo, paymentId, 1250);
  });

  it('JSAPI: the WeChat client opens the payment sheet of the prepay id the app received', async () => {
    const created = await createPayment({ paymentId, invokeMethod: 'MINI_PROGRAM', amount: 880, payer: { openId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } });
    const { serialNo } = created.payment;
    expect(created.action.type).toBe('SDK_PARAMS');
    const params = created.action.params as Record<string, string>;
    expect(params).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx\w+$/) });
    expect(params.paySign).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: `${PHONE_USER_AGENT} MicroMessenger/8.0.50` });
    await page.goto(`/sandbox/wechatpay/jsapi/${params.package!.slice('prepay_id='.length)}`);
    expect(await page.getByText(serialNo).count()).toBe(1);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.getByText('支付成功').waitFor();
    await screenshot(page, `wechatpay-${slug}-jsapi-paid`);
    await context.close();
    await expectSucceeded(serialNo, paymentId, 880);
  });
});

describe('hosted checkout with WeChat Pay', () => {
  it('CASHIER on a phone: choosing WeChat Pay opens its H5 cashier (the proxy names the payer), then returns to the app', async () => {
    const created = await createPayment({ invokeMethod: 'CASHIER', amount: 4500 });
    const { serialNo } = created.payment;
    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT, headers: PROXY_HEADERS });
    await page.goto(created.action.url as string);
    await page.getByRole('button', { name: '使用微信支付支付' }).click();
    await page.getByRole('button', { name: '确认支付' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/sandbox\/wechatpay\/h5\//);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('from') === 'wechatpay');
    await context.close();
    // The app's serial number is the one paid: the first choice binds the CASHIER attempt.
    await expectSucceeded(serialNo, demo.paymentIds.WECHATPAY, 4500);
  });
});
