// The dashboard's reconciliation services end to end: real PostgreSQL, the real Alipay plugin and
// simulator (the app's routes on this file's base URL), a day with a seeded discrepancy reconciled through
// the finance services; tenant isolation, audit rows, resolution and sync, exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDiscrepancy, type ReasonedLine } from '@/app/(dashboard)/reconciliation/describe-discrepancy';
import { zhCN } from '@/components/i18n/messages/zh-CN';
import { createTranslator } from '@/components/i18n/translate';
import { createCaller } from '@/server/api/root';
import { downloadResponse } from '@/server/api/staff-download';
import { db } from '@/server/db/client';
import { addDays, beijingDay } from '@/server/gateway/beijing-time';
import { startAppServer } from '@/server/testing/app-server';
import { contextFor, makeUser } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { alipayTenant, paidAlipayPayment } from '@/server/testing/paid-payment';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { exportDiscrepanciesCsv, exportDiscrepanciesCsvInput } from './export-discrepancies-csv';
import { listReconciliationDays } from './list-reconciliation-days';
import { readBillFile, readBillFileInput } from './read-bill-file';

const yesterday = addDays(beijingDay(new Date()), -1);
const paidAt = new Date(Date.parse(`${yesterday}T10:11:12+08:00`));
let server: RunningServer;
let tenant: PaymentsTenant;
let other: PaymentsTenant;
let serialNo: string;

/** Yesterday: one payment the channel took 1234 fen for, which our books say was 1300 (AMOUNT_MISMATCH). */
async function seedDay(of: PaymentsTenant): Promise<string> {
  const { payment } = await paidAlipayPayment({ amount: 1234, tenant: of });
  await db().sandboxAlipayTrade.updateMany({ where: { outTradeNo: payment.serialNo }, data: { paidAt, createdAt: paidAt } });
  await db().payment.update({ where: { serialNo: payment.serialNo }, data: { amount: 1300, paidAt, createdAt: paidAt } });
  return payment.serialNo;
}

const inChinese = (line: ReasonedLine) => describeDiscrepancy({ t: createTranslator(zhCN), locale: 'zh-CN', line });
const staff = async (role: 'COMPANY_ADMIN' | 'COMPANY_STAFF' | 'AUDITOR', of: PaymentsTenant) => makeUser(role, of.companyId);
const callerFor = async (user: Awaited<ReturnType<typeof makeUser>>) => createCaller(contextFor(user.user));

beforeAll(async () => {
  server = await startAppServer();
  tenant = await alipayTenant();
  other = await alipayTenant();
  serialNo = await seedDay(tenant);
});
afterAll(() => server?.close());

describe('reconciliation for finance staff', () => {
  it('shows PENDING before the run, then the discrepancy with both sides; others see none of it', async () => {
    const finance = await callerFor(await staff('COMPANY_STAFF', tenant));
    const before = await finance.reconciliation.days({ days: 2 });
    expect(before.accounts.map((account) => account.id)).toEqual([tenant.paymentId]);
    // Activated today: yesterday was before the account existed.
    expect(before.accounts[0]!.cells).toEqual([null, null]);
    await db().paymentChannel.updateMany({ where: { id: { in: [tenant.paymentId, other.paymentId] } }, data: { createdAt: paidAt } });
    expect((await finance.reconciliation.days({ days: 1 })).accounts[0]!.cells[0]).toMatchObject({ date: yesterday, status: 'PENDING' });

    const run = await finance.reconciliation.reconcileNow({ paymentChannelId: tenant.paymentId, date: yesterday });
    expect(run).toMatchObject({ status: 'DISCREPANCIES', discrepancies: 1, unresolved: 1, ours: { paymentCount: 1, paymentAmount: 1300 }, channel: { paymentCount: 1, paymentAmount: 1234 } });
    const day = await finance.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday });
    expect(day.bills).toMatchObject([{ billType: 'TRADE', status: 'DOWNLOADED', hasFile: true }]);
    expect(day.discrepancies).toMatchObject([{ kind: 'AMOUNT_MISMATCH', ours: { serialNo, amount: 1300 }, channel: { amount: 1234 }, resolution: null }]);

    // Another company's staff, and an admin of it, cannot see or act on this day.
    const outsider = await callerFor(await staff('COMPANY_ADMIN', other));
    expect((await outsider.reconciliation.days({ days: 1 })).accounts.map((account) => account.id)).toEqual([other.paymentId]);
    await expect(outsider.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(outsider.reconciliation.resolve({ discrepancyId: day.discrepancies[0]!.id, note: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(outsider.reconciliation.reconcileNow({ paymentChannelId: tenant.paymentId, date: yesterday })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A platform admin sees every company's accounts.
    const platform = await callerFor(await makeUser('PLATFORM_ADMIN', null));
    expect((await platform.reconciliation.days({ days: 1 })).accounts.map((account) => account.id)).toEqual(expect.arrayContaining([tenant.paymentId, other.paymentId]));
  });

  it('resolves with a note once, audited; an auditor reads but cannot act; the resolution outlives a re-run', async () => {
    const user = await staff('COMPANY_STAFF', tenant);
    const finance = await callerFor(user);
    const [line] = (await finance.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday })).discrepancies;
    const auditor = await callerFor(await staff('AUDITOR', tenant));
    expect((await auditor.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday })).discrepancies).toHaveLength(1);
    await expect(auditor.reconciliation.resolve({ discrepancyId: line!.id, note: '核对' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(finance.reconciliation.resolve({ discrepancyId: line!.id, note: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const resolved = await finance.reconciliation.resolve({ discrepancyId: line!.id, note: '订单金额录入错误，已与业务系统核对' });
    expect(resolved).toMatchObject({ resolvedBy: user.email, note: '订单金额录入错误，已与业务系统核对' });
    await finance.reconciliation.resolve({ discrepancyId: line!.id, note: 'again' });
    const audits = await db().auditLog.findMany({ where: { targetId: line!.id } });
    expect(audits.map((row) => [row.action, row.actorEmail, row.companyId])).toEqual([['reconciliation.discrepancy.resolve', user.email, tenant.companyId]]);

    const alerts = () => db().alert.count({ where: { companyId: tenant.companyId, kind: 'RECONCILIATION_DISCREPANCY' } });
    const alertsBefore = await alerts();
    const rerun = await finance.reconciliation.reconcileNow({ paymentChannelId: tenant.paymentId, date: yesterday });
    expect(rerun).toMatchObject({ status: 'DISCREPANCIES', discrepancies: 1, unresolved: 0 });
    // Nothing new to tell: the only line is resolved.
    expect(await alerts()).toBe(alertsBefore);
    const [kept] = (await finance.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday })).discrepancies;
    expect(kept!.resolution).toMatchObject({ resolvedBy: user.email, note: '订单金额录入错误，已与业务系统核对' });
    expect(await db().auditLog.count({ where: { action: 'reconciliation.run', targetId: tenant.paymentId } })).toBe(2);
  });

  it('syncs a line from the channel through the active query, then reconciles the day again, audited', async () => {
    // A payment the channel took yesterday that our books still have PENDING: the query makes it SUCCEEDED.
    const { payment } = await paidAlipayPayment({ amount: 500, tenant });
    await db().sandboxAlipayTrade.updateMany({ where: { outTradeNo: payment.serialNo }, data: { paidAt } });
    await db().payment.update({ where: { serialNo: payment.serialNo }, data: { status: 'PENDING', paidAt: null, channelTradeNo: null, createdAt: paidAt } });
    await db().order.update({ where: { id: payment.orderId }, data: { status: 'OPEN', paidSerialNo: null } });
    const finance = await callerFor(await staff('COMPANY_ADMIN', tenant));
    await finance.reconciliation.reconcileNow({ paymentChannelId: tenant.paymentId, date: yesterday });
    const line = (await finance.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday })).discrepancies.find((row) => row.ours.serialNo === payment.serialNo);
    expect(line).toMatchObject({ kind: 'STATUS_MISMATCH' });

    const synced = await finance.reconciliation.sync({ discrepancyId: line!.id });
    expect(synced).toMatchObject({ record: { type: 'Payment', id: payment.serialNo, before: 'PENDING', after: 'SUCCEEDED' }, runStatus: 'DISCREPANCIES' });
    const after = await finance.reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday });
    expect(after.discrepancies.map((row) => row.kind)).toEqual(['AMOUNT_MISMATCH']);
    expect(await db().auditLog.findFirst({ where: { action: 'reconciliation.discrepancy.sync', targetId: line!.id } })).toMatchObject({ companyId: tenant.companyId });
  });

  it('exports the day as CSV with a BOM for Excel, and the raw bill as the channel served it, to staff who may see them', async () => {
    const user = await staff('AUDITOR', tenant);
    const csv = await exportDiscrepanciesCsv({ actor: { userId: user.userId, email: user.email, role: user.role, companyId: user.companyId }, input: { paymentChannelId: tenant.paymentId, date: yesterday }, describe: inChinese });
    const text = csv.content.toString('utf8');
    expect(text.startsWith('\uFEFF差异类型,说明,我方支付流水号')).toBe(true);
    // The reason in the requester's language, its code in the last column.
    expect(text).toContain('AMOUNT_MISMATCH,本中心金额 ¥13.00，渠道金额 ¥12.34,');
    expect(text).toMatch(/,AMOUNT_DIFFERS\r\n$/);
    expect(text).toContain(`AMOUNT_MISMATCH,`);
    expect(text).toContain(`,${serialNo},,13.00,`);
    expect(text).toContain(',12.34,');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);

    const url = (query: string) => new Request(`${server.baseUrl}/api/reconciliation/bill?${query}`);
    const [bill] = (await (await callerFor(user)).reconciliation.day({ paymentChannelId: tenant.paymentId, date: yesterday })).bills;
    const raw = await downloadResponse(url(`billId=${bill!.id}`), user.user, readBillFileInput, readBillFile);
    expect(raw.status).toBe(200);
    // As Alipay served it (its bill host says application/oct-stream).
    const row = await db().channelBill.findUniqueOrThrow({ where: { id: bill!.id } });
    expect(row.contentType).not.toBeNull();
    expect(raw.headers.get('content-type')).toBe(row.contentType);
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.zip"; filename\*=UTF-8''/);
    const stored = await db().channelBillFile.findUniqueOrThrow({ where: { billId: bill!.id } });
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(Buffer.from(stored.content));
    expect(await db().auditLog.count({ where: { action: { in: ['reconciliation.bill.download', 'reconciliation.discrepancies.export'] }, actorId: user.userId } })).toBe(2);

    // Bad input and no access answer the contract's error shape, never a 500.
    const outsider = await staff('COMPANY_STAFF', other);
    for (const [response, status, code] of [
      [await downloadResponse(url(`billId=${bill!.id}`), outsider.user, readBillFileInput, readBillFile), 404, 'NOT_FOUND'],
      [await downloadResponse(url(`billId=${bill!.id}`), null, readBillFileInput, readBillFile), 401, 'UNAUTHENTICATED'],
      [await downloadResponse(url(''), user.user, readBillFileInput, readBillFile), 400, 'INVALID_REQUEST'],
      [await downloadResponse(url(`paymentChannelId=${tenant.paymentId}&date=2026-02-30`), user.user, exportDiscrepanciesCsvInput, (options) => exportDiscrepanciesCsv({ ...options, describe: inChinese })), 400, 'INVALID_REQUEST'],
    ] as const) {
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
    }
  });

  it('refuses to reconcile a day that is not over', async () => {
    const finance = await callerFor(await staff('COMPANY_ADMIN', tenant));
    await expect(finance.reconciliation.reconcileNow({ paymentChannelId: tenant.paymentId, date: beijingDay(new Date()) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await listReconciliationDays({ actor: { userId: 'x', email: 'x', role: 'PLATFORM_ADMIN', companyId: null }, input: { companyId: other.companyId, days: 1 } })).accounts).toHaveLength(1);
  });
});
