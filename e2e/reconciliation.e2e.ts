// Reconciliation in Chromium on a production build: a sandbox Alipay payment made through the app API and
// paid at the simulator yesterday, which our books then record one yuan higher; finance staff open the
// day, reconcile it now (the real bill downloaded from the simulator), see the amount mismatch with both
// records side by side, and resolve it with a note. Screenshots of the pages on a desktop and a phone, in
// Chinese and in English.
import pg from 'pg';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { launchBrowser, newPage } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

const PHONE_375 = { width: 375, height: 812 };
const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });
/** Yesterday in Beijing, the day the channels have published. */
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const paidAt = `${yesterday}T10:11:12+08:00`;
let browser: Browser;
let database: pg.Client;

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: inject('databaseUrl') });
  await database.connect();
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

/** A sandbox Alipay payment of 25.00 paid yesterday at the channel, that our books recorded as 26.00. */
async function seedAmountMismatch(): Promise<string> {
  const created = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds.ALIPAY,
    invokeMethod: 'QR',
    orderNo: `E2E-RC-${Date.now()}`,
    amount: 2500,
    currency: 'CNY',
    subject: '物业费 2026年11月 5-1-302',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { serialNo } = (created.body as { payment: { serialNo: string } }).payment;
  expect((await api.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).status).toBe(200);
  // Move the trade to yesterday on both sides, and let our record drift by one yuan.
  await database.query(`UPDATE "SandboxAlipayTrade" SET "paidAt" = $2, "createdAt" = $2 WHERE "outTradeNo" = $1`, [serialNo, paidAt]);
  await database.query(`UPDATE "Payment" SET "amount" = 2600, "paidAt" = $2, "createdAt" = $2 WHERE "serialNo" = $1`, [serialNo, paidAt]);
  await database.query(`UPDATE "PaymentChannel" SET "createdAt" = $2 WHERE "id" = $1`, [demo.paymentIds.ALIPAY, `${yesterday}T00:00:00+08:00`]);
  return serialNo;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('reconciliation', () => {
  it('finance staff open the day, see the seeded discrepancy with both records, and resolve it with a note', async () => {
    const started = new Date();
    const serialNo = await seedAmountMismatch();
    const { page, context } = await newPage(browser);
    await signIn(page, demo.companyAdmin);

    await page.getByRole('link', { name: '对账', exact: true }).first().click();
    await page.getByRole('heading', { name: '对账', level: 1 }).waitFor();
    const account = page.getByTestId(`reconciliation-account-${demo.paymentIds.ALIPAY}`);
    await account.getByRole('link', { name: `查看 ${yesterday}` }).waitFor();
    await desktopAndPhone(page, 'reconciliation-days', PHONE_375);

    await account.getByRole('link', { name: `查看 ${yesterday}` }).click();
    await page.getByRole('heading', { name: new RegExp(yesterday), level: 1 }).waitFor();
    await page.getByRole('button', { name: '立即对账' }).click();
    await page.getByText('已重新对账：有差异。').waitFor({ timeout: 30_000 });

    const line = page.getByTestId('reconciliation-discrepancies').locator('li').filter({ hasText: serialNo });
    await line.getByText('金额不符').waitFor();
    expect(await line.innerText()).toContain('¥26.00');
    expect(await line.innerText()).toContain('¥25.00');
    await desktopAndPhone(page, 'reconciliation-day', PHONE_375);

    await line.getByRole('button', { name: '标记已处理' }).click();
    await line.getByRole('button', { name: '确认处理' }).click();
    await line.getByText('请填写处理备注。').waitFor();
    const note = '业务系统订单金额录入多 1 元，已更正，以渠道为准';
    await line.getByLabel('处理备注').fill(note);
    await line.getByRole('button', { name: '确认处理' }).click();
    await line.getByTestId('discrepancy-resolution').getByText(note).waitFor();
    expect(await line.getByRole('button', { name: '标记已处理' }).count()).toBe(0);
    await desktopAndPhone(page, 'reconciliation-day-resolved', PHONE_375);

    // The day's discrepancies as CSV for Excel (UTF-8 with a BOM), and the raw bill as Alipay served it.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出差异 CSV' }).click()]);
    const csvText = (await bytesOf(csv)).toString('utf8');
    expect(csvText.startsWith('\uFEFF差异类型,')).toBe(true);
    expect(csvText).toContain(`,${serialNo},,26.00,SUCCEEDED,`);
    expect(csvText).toContain(note);
    const [bill] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载原始账单/ }).click()]);
    expect(bill.suggestedFilename()).toMatch(/\.zip$/);
    const zip = await bytesOf(bill);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');

    const { rows } = await database.query(
      `SELECT d."note", d."resolvedBy" FROM "ReconciliationDiscrepancy" d JOIN "ReconciliationRun" r ON r."id" = d."runId" WHERE d."serialNo" = $1`,
      [serialNo],
    );
    expect(rows).toEqual([{ note, resolvedBy: demo.companyAdmin.email }]);
    const audit = await database.query(`SELECT "action" FROM "AuditLog" WHERE "actorEmail" = $1 AND "action" LIKE 'reconciliation.%' AND "createdAt" >= $2 ORDER BY "createdAt"`,
      [demo.companyAdmin.email, started],);
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['reconciliation.run', 'reconciliation.discrepancy.resolve', 'reconciliation.discrepancies.export', 'reconciliation.bill.download']);
    await context.close();
  });

  it('speaks English when the browser asks for it', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await signIn(page, demo.companyAdmin, 'en');
    await page.goto('/reconciliation');
    await page.getByRole('heading', { name: 'Reconciliation', level: 1 }).waitFor();
    await page.getByTestId(`reconciliation-account-${demo.paymentIds.ALIPAY}`).getByRole('link', { name: `Open ${yesterday}` }).waitFor();
    await desktopAndPhone(page, 'reconciliation-days-en', PHONE_375);
    await page.goto(`/reconciliation/${demo.paymentIds.ALIPAY}/${yesterday}`);
    await page.getByText('Amount mismatch').first().waitFor();
    await desktopAndPhone(page, 'reconciliation-day-en', PHONE_375);
    await context.close();
  });
});
