// The receipt in Chromium on a production build, on a phone: a QR payment paid while its checkout is open
// turns into a receipt without a reload; it prints alone and saves as a PNG; its link shows it again, in
// Chinese and English, with nothing of the order beyond what a receipt needs; an unpaid serial has none.
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { launchBrowser, newPage, PHONE, PHONE_USER_AGENT, screenshot } from './support/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function qrPayment(amount: number) {
  const orderNo = `E2E-RC-${Date.now()}`;
  const answer = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds.ALIPAY,
    orderNo,
    amount,
    currency: 'CNY',
    subject: '物业费 2026年12月 3-2-1201',
    invokeMethod: 'QR',
    metadata: { room: '3-2-1201' },
  });
  expect(answer.status).toBe(201);
  return { serialNo: answer.body.payment.serialNo as string, url: answer.body.action.checkoutUrl as string, orderNo };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the checkout receipt', () => {
  it('appears when the payment succeeds, prints alone, saves as an image and is found again by its link (zh-CN, phone)', async () => {
    const { serialNo, url, orderNo } = await qrPayment(12_345);
    const { context, page } = await newPage(browser, { viewport: PHONE, userAgent: PHONE_USER_AGENT });
    await page.goto(url);
    await page.getByText('请使用支付宝扫一扫').waitFor();
    expect(await page.getByTestId('receipt').count()).toBe(0);

    const paid = await api.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`);
    expect(paid.body.payment.status).toBe('SUCCEEDED');
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 10_000 });
    await page.getByTestId('checkout-final').getByText('支付成功').waitFor();
    expect(await page.getByTestId('receipt-amount').innerText()).toBe('¥123.45');
    const text = await receipt.innerText();
    for (const expected of ['电子回单', '收款方', '物业费 2026年12月 3-2-1201', '支付时间', '支付宝', serialNo, paid.body.payment.channelTradeNo, 'UTC+8']) {
      expect(text).toContain(expected);
    }
    await screenshot(page, 'receipt-checkout-phone');

    // Printing keeps the receipt and drops the page around it.
    await page.emulateMedia({ media: 'print' });
    expect(await receipt.isVisible()).toBe(true);
    for (const testId of ['checkout-final', 'receipt-save', 'receipt-link', 'checkout-sandbox']) expect(await page.getByTestId(testId).isVisible(), testId).toBe(false);
    await screenshot(page, 'receipt-print');
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-save').click()]);
    expect(download.suggestedFilename()).toBe(`receipt-${serialNo}.png`);
    const image = await readFile((await download.path())!);
    const size = pngSize(image);
    expect(size.width).toBe(720);
    expect(size.height).toBeGreaterThan(600);

    await page.getByTestId('receipt-link').click();
    await page.waitForURL(`**/checkout/${serialNo}/receipt`);
    expect(await page.getByTestId('receipt-amount').innerText()).toBe('¥123.45');
    const html = await page.content();
    expect(html).not.toContain(orderNo);
    await screenshot(page, 'receipt-page-phone');
    await context.close();

    // Looked up again in English by the same link.
    const english = await newPage(browser, { viewport: PHONE, locale: 'en-US', userAgent: PHONE_USER_AGENT });
    await english.page.goto(`/checkout/${serialNo}/receipt`);
    const englishText = await english.page.getByTestId('receipt').innerText();
    for (const expected of ['Payment receipt', 'Amount paid', 'Paid at', 'Alipay', 'Channel transaction no.', serialNo, 'Save as image', 'Print']) {
      expect(englishText).toContain(expected);
    }
    await screenshot(english.page, 'receipt-page-phone-en');
    await english.context.close();
  });

  it('has none for a payment not paid or a serial that does not exist', async () => {
    const { serialNo } = await qrPayment(500);
    const { context, page } = await newPage(browser, { viewport: PHONE });
    for (const serial of [serialNo, 'P20261207000000000AAAAAAAAAAAAA']) {
      const response = await page.goto(`/checkout/${serial}/receipt`);
      expect(response!.status()).toBe(404);
      await page.getByText('暂无回单').waitFor();
      expect(await page.getByTestId('receipt').count()).toBe(0);
    }
    await context.close();
  });
});
