// The alerts page as staff use it: an alert raised by the monitoring (here raised directly, twice, as a
// rule would; on a day no other browser test reconciles) shows in the list with its rule's severity and count, staff acknowledge it, then resolve it
// with a note, and the audit log shows both; in Chinese and English, on a desktop and a phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, db } from '@/server/db/client';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { launchBrowser, newPage } from './support/browser';
import { desktopAndPhone, signIn } from './support/dashboard';

let browser: Browser;
let alertId: string;
const admin = inject('admin');
const note = '渠道账单已重新下载，差异为渠道延迟入账，已核对无误。';

beforeAll(async () => {
  connectDatabase(inject('databaseUrl'));
  const merchant = await db().merchant.findUniqueOrThrow({ where: { id: inject('demo').merchantId }, select: { companyId: true } });
  const fact = {
    kind: 'RECONCILIATION_DISCREPANCY' as const,
    companyId: merchant.companyId,
    subject: `reconciliation:${inject('demo').paymentIds.ALIPAY}:2026-11-15`,
    message: '2026-11-15 支付宝对账发现 3 笔差异',
    details: { date: '2026-11-15', discrepancies: 3 },
  };
  await raiseAlert(db(), fact);
  await raiseAlert(db(), fact);
  ({ id: alertId } = await db().alert.findFirstOrThrow({ where: { subject: fact.subject, status: 'OPEN' }, select: { id: true } }));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db().$disconnect();
});

describe('alerts page', () => {
  it('staff see an alert, acknowledge it, resolve it with a note, and the audit log shows both', async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, admin);

    // The menu counts the open alert; the list shows it with its severity, status and occurrences.
    const nav = page.getByRole('navigation', { name: '主导航' });
    // Other browser tests may have raised alerts of their own: at least this one is counted.
    expect(Number(await nav.getByTestId('nav-badge-alerts').innerText())).toBeGreaterThanOrEqual(1);
    await nav.getByRole('link', { name: /告警/ }).click();
    await page.getByRole('heading', { name: '告警', level: 1 }).waitFor();
    const row = page.getByTestId(`row-${alertId}`);
    await row.waitFor();
    const cells = await row.innerText();
    // Its severity is its rule's: a discrepancy is a warning unless a platform admin says otherwise.
    for (const text of ['对账差异', '警告', '待处理', '2026-11-15 支付宝对账发现 3 笔差异']) expect(cells).toContain(text);
    expect(await row.getByRole('cell').nth(4).innerText()).toBe('2');
    expect(await row.getByRole('link', { name: inject('demo').paymentIds.ALIPAY, exact: false }).getAttribute('href')).toBe(`/reconciliation/${inject('demo').paymentIds.ALIPAY}/2026-11-15`);
    await desktopAndPhone(page, 'alerts');

    // Acknowledge: someone is on it.
    await row.getByRole('link', { name: '对账差异' }).click();
    await page.getByRole('heading', { name: /对账差异/, level: 1 }).waitFor();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await page.getByText('已确认，告警会保留到解决为止。').waitFor();
    await page.getByRole('heading', { level: 1 }).getByText('已确认').waitFor();

    // Resolve: the note is required.
    await page.getByRole('button', { name: '解决', exact: true }).click();
    const dialog = page.getByTestId('resolve-dialog');
    await dialog.getByRole('button', { name: '解决', exact: true }).click();
    await dialog.getByText('请填写处理说明。').waitFor();
    await dialog.getByLabel('处理说明').fill(note);
    await desktopAndPhone(page, 'alert-resolve');
    await dialog.getByRole('button', { name: '解决', exact: true }).click();
    await page.getByText('告警已解决。').waitFor();
    expect(await page.getByTestId('resolution-note').innerText()).toBe(note);
    expect(await page.getByRole('button', { name: '确认', exact: true }).count()).toBe(0);
    await desktopAndPhone(page, 'alert-detail');

    // Resolved alerts leave the default list and show under "已解决".
    await page.goto('/alerts');
    await page.getByRole('heading', { name: '告警', level: 1 }).waitFor();
    await page.getByTestId(`row-${alertId}`).waitFor({ state: 'detached' });
    await page.getByLabel('状态').selectOption('RESOLVED');
    await page.getByTestId(`row-${alertId}`).getByRole('cell').nth(1).getByText('已解决').waitFor();
    expect(page.url()).toContain('status=RESOLVED');

    // The audit log has both changes, by this admin.
    await page.goto('/audit?action=alert.');
    await page.getByTestId('row-alert.resolve').waitFor();
    await page.getByTestId('row-alert.acknowledge').waitFor();
    expect(await page.getByTestId('row-alert.resolve').innerText()).toContain(admin.email);
    await context.close();
  });

  it('speaks English when the browser asks for it', async () => {
    const { page, context } = await newPage(browser, { locale: 'en-US' });
    await signIn(page, admin, 'en');
    await page.goto('/alerts?status=ALL');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    const row = page.getByTestId(`row-${alertId}`);
    await row.waitFor();
    const cells = await row.innerText();
    for (const text of ['Reconciliation discrepancy', 'Warning', 'Resolved']) expect(cells).toContain(text);
    await desktopAndPhone(page, 'alerts-en');
    await context.close();
  });
});
