// The payments list's exports end to end through the door kit: real PostgreSQL, the list's own filter,
// tenant scope, the CSV as Excel reads it, bad input, audit; batches crossed by more rows than one batch.
import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '@/components/i18n/messages/zh-CN';
import { createTranslator } from '@/components/i18n/translate';
import { downloadResponse } from '@/server/api/staff-download';
import type { Actor } from '@/server/backend/audit/record-audit';
import { listPayments, listPaymentsInput } from '@/server/backend/payments/list-payments';
import { insertPayment, makeShop, type Shop } from '@/server/backend/payments/testing/payment-rows';
import { newSerialNo } from '@/server/core/serial-numbers';
import { db } from '@/server/db/client';
import type { SessionUser } from '@/server/auth/current-user';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { exportPaymentsCsv } from './export-payments-csv';
import { exportQuery } from './export-file';
import { exportRefundsCsv } from './export-refunds-csv';
import { readCsv } from './testing/read-csv';

const t = createTranslator(zhCN);
const T0 = new Date('2026-12-01T02:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let staffA: Awaited<ReturnType<typeof makeUser>>;
let shopA: Shop;
let shopB: Shop;
let refundsOfA: string[];
let refundOfB: string;

const exportPayments = (user: SessionUser | null, query: string) =>
  downloadResponse(new Request(`http://localhost/api/exports/payments?${query}`), user, exportQuery, (options) =>
    exportPaymentsCsv({ ...options, heading: (column) => t(`exports.paymentColumns.${column}`) }),
  );
const exportRefunds = (user: SessionUser | null, query: string) =>
  downloadResponse(new Request(`http://localhost/api/exports/refunds?${query}`), user, exportQuery, (options) =>
    exportRefundsCsv({ ...options, heading: (column) => t(`exports.refundColumns.${column}`) }),
  );

async function insertRefund(payment: { serialNo: string; appId: string; merchantId: string; companyId: string }, amount: number, createdAt: Date) {
  const refundSerialNo = newSerialNo('R', createdAt);
  await db().refund.create({
    data: { refundSerialNo, refundNo: `RF-${refundSerialNo.slice(-6)}`, serialNo: payment.serialNo, appId: payment.appId, merchantId: payment.merchantId, companyId: payment.companyId, amount, status: 'SUCCEEDED', initiator: 'APP', succeededAt: createdAt, createdAt },
  });
  return refundSerialNo;
}

/** The rows of a downloaded CSV after its header; the file must start with the BOM. */
async function rowsOf(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return readCsv(bytes.toString('utf8').slice(1));
}

/** Every serial number the list shows for a filter, all pages. */
async function listed(actor: Actor, input: Record<string, unknown>): Promise<string[]> {
  const page = await listPayments({ actor, input: listPaymentsInput.parse({ ...input, pageSize: 100 }) });
  expect(page.total).toBeLessThanOrEqual(100);
  return page.items.map((item) => item.serialNo);
}

beforeAll(async () => {
  const admin = await platformAdmin();
  const companyA = await makeCompany(admin, 'A 物业');
  const companyB = await makeCompany(admin, 'B 物业');
  const adminA = await makeUser('COMPANY_ADMIN', companyA.id);
  const adminB = await makeUser('COMPANY_ADMIN', companyB.id);
  staffA = await makeUser('COMPANY_STAFF', companyA.id);
  shopA = await makeShop(admin, { ...adminA, companyId: companyA.id }, '翠湖小区');
  shopB = await makeShop(admin, { ...adminB, companyId: companyB.id }, '碧水湾');
  const paid = await insertPayment(shopA, { orderNo: '=HYPERLINK("http://evil","点我")', status: 'SUCCEEDED', amount: 10_005, channelTradeNo: '2026120122001400000001', createdAt: minutes(0), refundedAmount: 3_000, refundReservedAmount: 3_000 });
  await insertPayment(shopA, { orderNo: 'FEE-1002', createdAt: minutes(10), expiresAt: minutes(40) });
  const later = await insertPayment(shopA, { orderNo: '+FEE-1003', status: 'SUCCEEDED', amount: 99, createdAt: minutes(24 * 60) });
  const ofB = await insertPayment(shopB, { orderNo: 'FEE-1001', status: 'SUCCEEDED', createdAt: minutes(5) });
  refundsOfA = [await insertRefund(paid.payment, 1_000, minutes(30)), await insertRefund(paid.payment, 2_000, minutes(31)), await insertRefund(later.payment, 99, minutes(24 * 60 + 5))];
  refundOfB = await insertRefund(ofB.payment, 1, minutes(6));
});

describe('payments export', () => {
  it('holds every row the list shows for the filter exactly once, nothing of another company, as Excel reads it', async () => {
    const response = await exportPayments(staffA.user, `status=SUCCEEDED&companyId=${shopB.companyId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="payments-\d{12}\.csv"/);
    expect(response.headers.get('x-total-count')).toBe('2');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual(['支付流水号', '订单号', '渠道交易号', '物业公司', '商户', '应用', '支付渠道', '调用方式', '状态', '金额(元)', '已退款金额(元)', '商品描述', '模式', '创建时间(北京时间)', '支付时间(北京时间)']);
    // A company user asking for another company still gets their own: the list's scope.
    expect(rows.map((row) => row[0]).sort()).toEqual((await listed(staffA, { status: 'SUCCEEDED', companyId: shopB.companyId })).sort());
    expect(rows.map((row) => row[0])).toHaveLength(2);
    expect(rows[0]).toEqual([
      rows[0]![0], `'=HYPERLINK("http://evil","点我")`, '2026120122001400000001', 'A 物业', '翠湖小区', '翠湖小区 缴费', 'ALIPAY', 'PC', 'SUCCEEDED',
      '100.05', '30.00', '物业费 2026-12', 'TEST', '2026-12-01 10:00:00', '2026-12-01 10:01:00',
    ]);
    expect(rows[1]![1]).toBe(`'+FEE-1003`);
  });

  it('applies the date range and the search as the list does', async () => {
    const query = `from=${minutes(-1).toISOString()}&to=${minutes(60).toISOString()}`;
    const rows = (await rowsOf(await exportPayments(staffA.user, query))).slice(1);
    expect(rows.map((row) => row[0]).sort()).toEqual((await listed(staffA, { from: minutes(-1), to: minutes(60) })).sort());
    expect(rows.map((row) => row[1])).toEqual([`'=HYPERLINK("http://evil","点我")`, 'FEE-1002']);
    const found = (await rowsOf(await exportPayments(staffA.user, 'search=FEE-1002'))).slice(1);
    expect(found.map((row) => row[1])).toEqual(['FEE-1002']);
  });

  it('records who exported what filter and how many rows', async () => {
    await (await exportPayments(staffA.user, 'channel=ALIPAY')).text();
    const audit = await db().auditLog.findFirstOrThrow({ where: { actorId: staffA.userId, action: 'payments.export' }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ companyId: shopA.companyId, targetType: 'Payment', summary: { filter: { channel: 'ALIPAY' }, rows: 3 } });
  });

  it('answers bad input with 400 naming the field and no session with 401, never a 500', async () => {
    for (const [query, field] of [
      ['channel=PAYPAL', 'channel'],
      ['status=DONE', 'status'],
      ['from=yesterday', 'from'],
      [`from=${minutes(10).toISOString()}&to=${minutes(0).toISOString()}`, 'to'],
      ['page=2', 'page'],
      ['merchant=x', 'merchant'],
      [`search=${'9'.repeat(101)}`, 'search'],
      ['search=P%00', 'search'],
      ['search=a&x%01=1', 'x\u0001'],
    ] as const) {
      const response = await exportPayments(staffA.user, query);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error.code, query).toBe('INVALID_REQUEST');
      expect(Object.keys(body.error.details.fields), query).toContain(field);
    }
    for (const answer of [await exportPayments(null, ''), await exportRefunds(null, '')]) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });
});

describe('refunds export', () => {
  it('holds every refund of the payments the filter selects, whenever made, and none of another company', async () => {
    const response = await exportRefunds(staffA.user, '');
    expect(response.headers.get('x-total-count')).toBe('3');
    const [header, ...rows] = await rowsOf(response);
    expect(header![0]).toBe('退款流水号');
    expect(rows.map((row) => row[0])).toEqual(refundsOfA);
    expect(rows.map((row) => row[0])).not.toContain(refundOfB);
    expect(rows[0]!.slice(9, 16)).toEqual(['ALIPAY', 'SUCCEEDED', '10.00', '', 'APP', '2026-12-01 10:30:00', '2026-12-01 10:30:00']);
    // The day's payments only: the later payment's refund is not theirs.
    const ofDay = (await rowsOf(await exportRefunds(staffA.user, `to=${minutes(60).toISOString()}`))).slice(1);
    expect(ofDay.map((row) => row[0])).toEqual(refundsOfA.slice(0, 2));
    const audit = await db().auditLog.findFirstOrThrow({ where: { actorId: staffA.userId, action: 'refunds.export' }, orderBy: { createdAt: 'desc' } });
    expect(audit.summary).toMatchObject({ rows: 2 });
  });
});
