// The dashboard's overview on a production build: the demo company's finance staff read today's figures,
// then an app takes two real sandbox payments (Alipay and WeChat Pay, paid at the simulators) and refunds
// part of one, the rollups are refreshed (as the every-minute job does), and the overview moves by exactly
// those amounts. Screenshots on a desktop and a phone, in Chinese and in English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatFen, parseYuanToFen } from '@/components/money/fen';
import { getOverview } from '@/server/backend/analytics/get-overview';
import { connectDatabase, db } from '@/server/db/client';
import { refreshDailyRollups } from '@/server/finance/analytics/refresh-daily-rollups';
import { appApiClient } from '@/server/testing/app-api-client';
import { launchBrowser, newPage } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

const demo = inject('demo');
const api = appApiClient({ baseUrl: inject('baseUrl'), appId: demo.appId, secret: demo.appSecret });
let browser: Browser;

beforeAll(async () => {
  connectDatabase(inject('databaseUrl'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db().$disconnect();
});

/** A sandbox payment created through the app API and paid at the channel's simulator. */
async function paidPayment(channel: 'ALIPAY' | 'WECHATPAY', amount: number): Promise<string> {
  const created = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds[channel],
    invokeMethod: 'QR',
    orderNo: `E2E-OV-${channel}-${Date.now()}`,
    amount,
    currency: 'CNY',
    subject: '物业费 2026年12月 3-2-1101',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { serialNo } = (created.body as { payment: { serialNo: string } }).payment;
  expect((await api.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).status).toBe(200);
  return serialNo;
}

/** A KPI card's figure in fen (or a count), read from the page as a person reads it. */
async function figure(page: Page, key: 'collected' | 'refundAmount' | 'payments'): Promise<number> {
  const text = (await page.getByTestId(`kpi-${key}-value`).textContent()) ?? '';
  const value = key === 'payments' ? Number(text.replace(/[,\s]/g, '')) : parseYuanToFen(text);
  expect(value, `${key}: ${text}`).not.toBeNull();
  return value!;
}

/** ECharts loads after the figures: the day chart and both donuts have drawn their SVG. */
async function chartsDrawn(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[role="img"] svg').count()).toBe(3);
}

describe('overview', () => {
  it("moves by exactly the day's payments and refunds, split by channel", async () => {
    // The figures before, as the service reads them (a fresh demo tenant has none: its home shows the getting-started steps).
    await refreshDailyRollups();
    const user = await db().user.findUniqueOrThrow({ where: { email: demo.companyAdmin.email } });
    const { totals } = await getOverview({ actor: { userId: user.id, email: user.email, role: user.role, companyId: user.companyId }, input: { period: '7d' } });
    const before = { collected: totals.collected, refunded: totals.refundAmount, payments: totals.payments };
    const { page, context } = await newPage(browser);
    await signIn(page, demo.companyAdmin);

    const alipay = await paidPayment('ALIPAY', 123_456);
    await paidPayment('WECHATPAY', 8_800);
    const refund = await api.request('POST', `/api/v1/payments/${alipay}/refunds`, { refundNo: `E2E-OV-RF-${Date.now()}`, amount: 1_000 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    await expect.poll(async () => (await db().refund.findFirstOrThrow({ where: { serialNo: alipay } })).status).toBe('SUCCEEDED');
    await refreshDailyRollups();

    await page.reload();
    await page.getByTestId('kpi-collected-value').waitFor();
    expect(await figure(page, 'collected')).toBe(before.collected + 132_256);
    expect(await figure(page, 'refundAmount')).toBe(before.refunded + 1_000);
    expect(await figure(page, 'payments')).toBe(before.payments + 2);
    await page.getByTestId('overview-by-channel').getByText('支付宝').waitFor();
    await page.getByTestId('overview-by-channel').getByText('微信支付').waitFor();
    await page.getByTestId('overview-updated-at').waitFor();
    await chartsDrawn(page);
    await desktopAndPhone(page, 'overview');

    // One channel only: the Alipay payment's figures, formatted with thousands separators.
    await page.getByLabel('支付渠道', { exact: true }).selectOption('WECHATPAY');
    await expect.poll(() => figure(page, 'payments')).toBeGreaterThanOrEqual(1);
    await page.getByLabel('支付渠道', { exact: true }).selectOption('ALIPAY');
    await expect.poll(async () => (await page.getByTestId('kpi-collected-value').textContent()) ?? '').toMatch(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(formatFen(await figure(page, 'collected'))).toBe(await page.getByTestId('kpi-collected-value').textContent());
    await context.close();
  });

  it('tells what to do when the chosen period is empty, and speaks English', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await signIn(page, demo.companyAdmin, 'en');
    await page.getByTestId('kpi-collected-value').waitFor();
    await chartsDrawn(page);
    await desktopAndPhone(page, 'overview-en');
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From').fill('2001-01-01');
    await page.getByLabel('To').fill('2001-01-31');
    await page.getByRole('heading', { name: 'No payments in this period' }).waitFor();
    await desktopAndPhone(page, 'overview-empty-en');
    await context.close();
  });
});
