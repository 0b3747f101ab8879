// The payments list's exports in Chromium on a production build: finance staff open the Export menu over
// the list's current filters, download the payments and their refunds as CSV (the browser's own download:
// the File System Access picker is hidden so the Blob fallback runs unattended) and count the rows
// against the list's total. Screenshots of the menu and the finished export on a desktop and a phone, in
// Chinese and in English.
import pg from 'pg';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appApiClient } from '@/server/testing/app-api-client';
import { launchBrowser, newPage } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const api = appApiClient({ baseUrl, appId: demo.appId, secret: demo.appSecret });
let browser: Browser;
let database: pg.Client;

/** A sandbox Alipay payment, paid at the simulator and, when asked, partly refunded. */
async function paidPayment(refund: boolean): Promise<string> {
  const created = await api.request('POST', '/api/v1/payments', {
    merchantId: demo.merchantId,
    paymentId: demo.paymentIds.ALIPAY,
    invokeMethod: 'QR',
    orderNo: `-E2E-EX-${Date.now()}-${refund ? 'R' : 'N'}`,
    amount: 1999,
    currency: 'CNY',
    subject: '物业费 2026年12月 3-2-101',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { serialNo } = (created.body as { payment: { serialNo: string } }).payment;
  expect((await api.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).status).toBe(200);
  if (refund) expect((await api.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `${serialNo}-R1`, amount: 500, reason: 'e2e' })).status).toBe(201);
  return serialNo;
}

beforeAll(async () => {
  browser = await launchBrowser();
  database = new pg.Client({ connectionString: inject('databaseUrl') });
  await database.connect();
  await paidPayment(true);
  await paidPayment(false);
});
afterAll(async () => {
  await browser?.close();
  await database?.end();
});

/** The downloaded file's rows after its header; it must be UTF-8 with a BOM and CRLF line ends. */
async function csvRows(download: Download): Promise<{ header: string; rows: string[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header = '', ...rows] = bytes.toString('utf8').slice(1).split('\r\n');
  expect(rows.pop()).toBe('');
  return { header, rows };
}

/** The list's total as its pagination says it ("共 N 条" / "N in total"). */
async function listTotal(page: Page): Promise<number> {
  const summary = await page.getByText(/共 \d+ 条|\d+ in total/).innerText();
  return Number(/(\d+) (?:条|in total)/.exec(summary)![1]);
}

/** A page where the File System Access picker is absent, so an export ends in the browser's download. */
async function exportPage(locale?: string) {
  const opened = await newPage(browser, locale ? { locale } : {});
  await opened.page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  return opened;
}

async function exportCsv(page: Page, item: string): Promise<Download> {
  await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item, exact: true }).click()]);
  return download;
}

describe('exports', () => {
  it('downloads the filtered payments and their refunds, every row of the list once', async () => {
    const { page, context } = await exportPage();
    await signIn(page, demo.companyAdmin);
    await page.goto('/payments?status=SUCCEEDED');
    await page.getByRole('heading', { name: '支付记录', level: 1 }).waitFor();
    const total = await listTotal(page);
    expect(total).toBeGreaterThanOrEqual(2);

    await page.getByTestId('export-menu').click();
    await page.getByRole('menuitem', { name: '支付记录 CSV', exact: true }).waitFor();
    await desktopAndPhone(page, 'exports-menu');
    await page.keyboard.press('Escape');

    const payments = await csvRows(await exportCsv(page, '支付记录 CSV'));
    expect(payments.header.startsWith('支付流水号,订单号,渠道交易号,')).toBe(true);
    expect(payments.rows).toHaveLength(total);
    expect(new Set(payments.rows.map((row) => row.split(',')[0])).size).toBe(total);
    expect(payments.rows.every((row) => row.split(',')[8] === 'SUCCEEDED')).toBe(true);
    // An order number starting with "-" is text in Excel, not a formula.
    expect(payments.rows.some((row) => row.split(',')[1]!.startsWith(`'-E2E-EX-`))).toBe(true);
    await page.getByTestId('export-status').getByText(`已导出 ${total} 行`).waitFor();
    await desktopAndPhone(page, 'exports-done');

    const refunds = await csvRows(await exportCsv(page, '这些支付的退款 CSV'));
    const { rows } = await database.query(
      `SELECT count(*)::int AS "count" FROM "Refund" r JOIN "Payment" p ON p."serialNo" = r."serialNo" WHERE p."companyId" = (SELECT "companyId" FROM "Merchant" WHERE "id" = $1) AND p."status" = 'SUCCEEDED'`,
      [demo.merchantId],
    );
    expect(refunds.header.startsWith('退款流水号,')).toBe(true);
    expect(refunds.rows).toHaveLength(rows[0].count);
    const audit = await database.query(`SELECT "action", "summary" FROM "AuditLog" WHERE "actorEmail" = $1 AND "action" LIKE '%.export' ORDER BY "createdAt" DESC LIMIT 2`, [demo.companyAdmin.email]);
    expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['refunds.export', 'payments.export']);

    // A slow export shows its progress and can be cancelled: the request is held until then.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/exports/payments?**', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    await page.getByTestId('export-menu').click();
    await page.getByRole('menuitem', { name: '支付记录 CSV', exact: true }).click();
    await page.getByTestId('export-status').getByText('正在导出：0 行（0 B）').waitFor();
    await desktopAndPhone(page, 'exports-progress');
    await page.getByRole('button', { name: '取消导出' }).click();
    await page.getByTestId('export-status').getByText('已取消导出。').waitFor();
    release();
    await context.close();
  });

  it('speaks English when the browser asks for it', async () => {
    const { page, context } = await exportPage('en-US');
    await signIn(page, demo.companyAdmin, 'en');
    await page.goto('/payments');
    await page.getByRole('heading', { name: 'Payments', level: 1 }).waitFor();
    const total = await listTotal(page);
    await page.getByTestId('export-menu').click();
    await page.getByRole('menuitem', { name: 'Payments CSV', exact: true }).waitFor();
    await desktopAndPhone(page, 'exports-menu-en');
    await page.keyboard.press('Escape');
    const payments = await csvRows(await exportCsv(page, 'Payments CSV'));
    expect(payments.header.startsWith('Serial no.,Order no.,Channel trade no.,')).toBe(true);
    expect(payments.rows).toHaveLength(total);
    await page.getByTestId('export-status').getByText(`Exported ${total} rows`).waitFor();
    await desktopAndPhone(page, 'exports-done-en');
    await context.close();
  });
});
