// The hosted checkout in Chromium on a production build: a CASHIER payment on a phone (choose Alipay,
// pay on the simulated Alipay cashier, back at the app's returnUrl, the app's receiver got the signed
// webhook), a QR payment whose code decodes to the channel's own code, and an expired payment that can
// no longer be paid. Screenshots are kept.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyWebhook } from '@paycenter/node';
import { appApiClient } from '@/server/testing/app-api-client';
import { webhookReceiver } from '@/server/testing/webhook-receiver';
import { expectPaymentSucceededWebhook } from './support/app-webhooks';
import { DESKTOP, launchBrowser, newPage, PHONE, PHONE_USER_AGENT, screenshot } from './support/browser';
import { decodeCheckoutQr } from './support/checkout-qr';

let browser: Browser;
let database: pg.Client;
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: inject('databaseUrl') });
  await database.connect();
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

async function createPayment(fields: Record<string, unknown>) {
  const answer = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    orderNo: `E2E-CO-${Date.now()}-${fields.invokeMethod}`,
    currency: 'CNY',
    subject: '物业费 2026年12月 3-2-1201',
    returnUrl: `${baseUrl}/login?from=checkout`,
    ...fields,
  });
  expect(answer.status).toBe(201);
  // QR answers the raw code with our checkout beside it; CASHIER answers the checkout alone.
  expect(answer.body.action.type).toBe(fields.invokeMethod === 'QR' ? 'QR_CODE' : 'CHECKOUT');
  return { serialNo: answer.body.payment.serialNo as string, url: (answer.body.action.checkoutUrl ?? answer.body.action.url) as string };
}

/** Bytes of the first load as transferred (HTML, JS, CSS), and when the page became interactive. */
async function pageWeight(page: Page) {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const of = (kind: (entry: PerformanceResourceTiming) => boolean) => resources.filter(kind).reduce((sum, entry) => sum + entry.transferSize, 0);
    return {
      htmlBytes: navigation!.transferSize,
      jsBytes: of((entry) => entry.name.endsWith('.js')),
      cssBytes: of((entry) => entry.name.endsWith('.css')),
      domInteractiveMs: Math.round(navigation!.domInteractive),
      domContentLoadedMs: Math.round(navigation!.domContentLoadedEventEnd),
    };
  });
}

describe('hosted checkout', () => {
  it('CASHIER on a phone: choose Alipay, pay on its cashier, return to the app; the app gets the signed webhook', async () => {
    const receiver = await webhookReceiver();
    const { serialNo, url } = await createPayment({ invokeMethod: 'CASHIER', amount: 12800, notifyUrl: receiver.url });
    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await page.goto(url);
    await page.getByTestId('checkout-merchant').waitFor();
    expect(await page.getByTestId('checkout-amount').innerText()).toBe('¥128.00');
    expect(await page.getByText('支付宝', { exact: true }).count()).toBe(1);
    // Every channel of the merchant is offered.
    for (const name of ['使用支付宝支付', '使用微信支付支付', '使用易支付支付']) expect(await page.getByRole('button', { name }).isEnabled(), name).toBe(true);
    await page.getByTestId('checkout-time-left').getByText(/\d+ 分 \d{2} 秒/).waitFor();
    // Residents can keep it on the home screen: the manifest is linked and nothing is indexed.
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/checkout.webmanifest');
    const weight = await pageWeight(page);
    await writeFile(path.join(inject('artifactsDir'), 'checkout-page-weight.json'), JSON.stringify(weight, null, 2));
    console.log('[e2e] checkout page weight', weight);
    await screenshot(page, 'checkout-cashier-phone');

    await page.getByRole('button', { name: '使用支付宝支付' }).click();
    await page.getByText('沙箱 SANDBOX').waitFor();
    expect(await page.getByText(serialNo).count()).toBe(1);
    await page.getByRole('button', { name: '确认付款' }).click();
    await page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('from') === 'checkout' && target.searchParams.get('out_trade_no') === serialNo);

    const paid = await api.request('GET', `/api/v1/payments/${serialNo}`);
    expect(paid.body.payment).toMatchObject({ serialNo, status: 'SUCCEEDED', amount: 12800, channel: 'ALIPAY', invokeMethod: 'CASHIER', paymentId: demo.paymentIds.ALIPAY });
    // The app's receiver: exactly one payment.succeeded, signed with the app's secret over the raw body.
    const { webhook } = await expectPaymentSucceededWebhook(receiver, { serialNo, amount: 12800, channel: 'ALIPAY' });
    expect(() => verifyWebhook({ secret: demo.appSecret, timestamp: webhook.timestamp, signature: webhook.signature, rawBody: webhook.rawBody.replace('12800', '12801') })).toThrow(/signature/);
    await receiver.close();

    // Back on the checkout (the browser's back button): it shows the success and returns to the app.
    await page.goto(url);
    await page.getByTestId('checkout-final').getByText('支付成功').waitFor();
    await screenshot(page, 'checkout-cashier-succeeded');
    await page.waitForURL((target) => target.pathname === '/login' && target.searchParams.get('from') === 'checkout');
    await context.close();
  });

  it.each([
    { mode: 'public key', slug: 'desktop', paymentId: demo.paymentIds.ALIPAY },
    { mode: 'certificate', slug: 'desktop-alipay-cert', paymentId: demo.paymentIds.ALIPAY_CERT },
  ])('QR (Alipay $mode mode): the code decodes to the channel’s own code; paying it turns the page to success without a reload', async ({ slug, paymentId }) => {
    const { serialNo, url } = await createPayment({ invokeMethod: 'QR', paymentId, amount: 2550 });
    const { rows } = await database.query<{ action: { channel: { type: string; content: string } } }>('SELECT "action" FROM "Payment" WHERE "serialNo" = $1', [serialNo]);
    expect(rows[0]!.action.channel.type).toBe('QR_CODE');

    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    const response = await page.goto(url);
    // The production CSP: no framing, no eval (development alone allows it for React's debugging).
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response!.headers()['x-frame-options']).toBe('DENY');
    expect(await page.getByTestId('checkout-amount').innerText()).toBe('¥25.50');
    expect(await decodeCheckoutQr(page)).toBe(rows[0]!.action.channel.content);
    await page.getByText('请使用支付宝扫一扫').waitFor();
    await screenshot(page, `checkout-qr-${slug}`);

    // The "phone" that scanned it: the decoded code opens the simulated Alipay cashier of this trade.
    const scanner = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await scanner.page.goto(await decodeCheckoutQr(page));
    expect(await scanner.page.getByText(serialNo).count()).toBe(1);
    await scanner.page.getByRole('button', { name: '确认付款' }).click();
    await scanner.page.getByText('支付成功').waitFor();
    await scanner.context.close();

    await page.getByTestId('checkout-final').getByText('支付成功').waitFor({ timeout: 10_000 });
    expect((await api.request('GET', `/api/v1/payments/${serialNo}`)).body.payment).toMatchObject({ status: 'SUCCEEDED', paymentId });
    await context.close();
  });

  it('an expired payment shows expired and offers no way to pay', async () => {
    const cashier = await createPayment({ invokeMethod: 'CASHIER', amount: 5000 });
    const qr = await createPayment({ invokeMethod: 'QR', paymentId: demo.paymentIds.ALIPAY, amount: 5000 });
    await database.query(`UPDATE "Payment" SET "expiresAt" = now() - interval '1 second' WHERE "serialNo" = ANY($1)`, [[cashier.serialNo, qr.serialNo]]);

    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    for (const { url } of [qr, cashier]) {
      await page.goto(url);
      await page.getByTestId('checkout-final').getByText('订单已过期').waitFor();
      expect(await page.getByTestId('checkout-qr').count()).toBe(0);
      expect(await page.getByRole('button', { name: /使用.*支付/ }).count()).toBe(0);
    }
    await screenshot(page, 'checkout-expired-phone');
    // A browser that asks for English gets it.
    const english = await newPage(browser, { viewport: PHONE, locale: 'en-US' });
    await english.page.goto(cashier.url);
    await english.page.getByTestId('checkout-final').getByText('This payment has expired').waitFor();
    expect(await english.page.getByText('Amount due').count()).toBe(1);
    await english.context.close();

    // A stale form posted anyway is refused: no attempt reaches a channel.
    const posted = await page.request.post(`/checkout/${cashier.serialNo}/choose`, { form: { channel: 'ALIPAY' }, headers: { origin: baseUrl }, maxRedirects: 0 });
    expect(posted.status()).toBe(303);
    const { rows } = await database.query<{ paymentChannelId: string | null }>('SELECT "paymentChannelId" FROM "Payment" WHERE "serialNo" = $1', [cashier.serialNo]);
    expect(rows[0]!.paymentChannelId).toBeNull();
    await context.close();
  });
});
