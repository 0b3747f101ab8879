import { beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { newId } from '@/server/lib/ids';
import type { Actor } from '@/server/backend/audit/record-audit';
import { newSerialNo } from '@/server/core/serial-numbers';
import { contextFor, makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { getPaymentDetail } from './get-payment-detail';
import { listPayments, listPaymentsInput } from './list-payments';
import { insertAttempt, insertPayment, makeShop, type Shop } from './testing/payment-rows';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const list = (actor: Actor, input: Record<string, unknown> = {}, now?: Date) => listPayments({ actor, input: listPaymentsInput.parse(input), now });
const serials = (page: Awaited<ReturnType<typeof list>>) => page.items.map((item) => item.serialNo);

const T0 = new Date('2026-12-01T02:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let admin: Awaited<ReturnType<typeof platformAdmin>>;
let staffA: Awaited<ReturnType<typeof makeUser>>;
let auditorA: Awaited<ReturnType<typeof makeUser>>;
let staffB: Awaited<ReturnType<typeof makeUser>>;
let shopA: Shop;
let shopA2: Shop;
let shopB: Shop;
let paid: Awaited<ReturnType<typeof insertPayment>>;
let pending: Awaited<ReturnType<typeof insertPayment>>;
let expired: Awaited<ReturnType<typeof insertPayment>>;
let other: Awaited<ReturnType<typeof insertPayment>>;
let ofB: Awaited<ReturnType<typeof insertPayment>>;

beforeAll(async () => {
  admin = await platformAdmin();
  const companyA = await makeCompany(admin, 'A 物业');
  const companyB = await makeCompany(admin, 'B 物业');
  const adminA = await makeUser('COMPANY_ADMIN', companyA.id);
  const adminB = await makeUser('COMPANY_ADMIN', companyB.id);
  staffA = await makeUser('COMPANY_STAFF', companyA.id);
  auditorA = await makeUser('AUDITOR', companyA.id);
  staffB = await makeUser('COMPANY_STAFF', companyB.id);
  shopA = await makeShop(admin, { ...adminA, companyId: companyA.id }, '翠湖小区');
  shopA2 = await makeShop(admin, { ...adminA, companyId: companyA.id }, '金桂苑');
  shopB = await makeShop(admin, { ...adminB, companyId: companyB.id }, '碧水湾');
  paid = await insertPayment(shopA, { orderNo: 'FEE-1001', status: 'SUCCEEDED', amount: 10_000, channelTradeNo: '2026120122001400000001', createdAt: minutes(0), refundReservedAmount: 3_000, refundedAmount: 1_000 });
  pending = await insertPayment(shopA, { orderNo: 'FEE-1002', createdAt: minutes(10), expiresAt: minutes(40) });
  expired = await insertPayment(shopA, { orderNo: 'FEE-1003', createdAt: minutes(20), expiresAt: minutes(25) });
  other = await insertPayment(shopA2, { orderNo: 'FEE-2001', status: 'FAILED', createdAt: minutes(24 * 60) });
  ofB = await insertPayment(shopB, { orderNo: 'FEE-1001', status: 'SUCCEEDED', createdAt: minutes(5) });
});

describe('listPayments', () => {
  const now = minutes(30);

  it('shows company users their own company only, newest first, whatever company they ask for', async () => {
    const page = await list(staffA, {}, now);
    expect(serials(page)).toEqual([other.payment.serialNo, expired.payment.serialNo, pending.payment.serialNo, paid.payment.serialNo]);
    expect(page.total).toBe(4);
    expect(serials(await list(staffA, { companyId: shopB.companyId }, now))).not.toContain(ofB.payment.serialNo);
    expect(serials(await list(staffB, {}, now))).toEqual([ofB.payment.serialNo]);
  });

  it('shows platform admins every company, and filters by company', async () => {
    expect((await list(admin, {}, now)).total).toBe(5);
    expect(serials(await list(admin, { companyId: shopB.companyId }, now))).toEqual([ofB.payment.serialNo]);
    const row = (await list(admin, { search: ofB.payment.serialNo }, now)).items[0]!;
    expect(row).toMatchObject({ orderNo: 'FEE-1001', amount: 1234, merchant: { name: '碧水湾' }, company: { name: 'B 物业' }, app: { id: shopB.appId } });
  });

  it('matches orderNo, serialNo or channelTradeNo exactly, never a fragment', async () => {
    expect(serials(await list(staffA, { search: 'FEE-1001' }, now))).toEqual([paid.payment.serialNo]);
    expect(serials(await list(staffA, { search: paid.payment.serialNo }, now))).toEqual([paid.payment.serialNo]);
    expect(serials(await list(staffA, { search: '2026120122001400000001' }, now))).toEqual([paid.payment.serialNo]);
    expect((await list(staffA, { search: 'FEE-100' }, now)).total).toBe(0);
    expect((await list(staffB, { search: paid.payment.serialNo }, now)).total).toBe(0);
  });

  it('shows a PENDING attempt past its expiry as CLOSED, in the list and in the status filter', async () => {
    const page = await list(staffA, {}, now);
    expect(page.items.find((item) => item.serialNo === expired.payment.serialNo)?.status).toBe('CLOSED');
    expect(page.items.find((item) => item.serialNo === pending.payment.serialNo)?.status).toBe('PENDING');
    expect(serials(await list(staffA, { status: 'PENDING' }, now))).toEqual([pending.payment.serialNo]);
    expect(serials(await list(staffA, { status: 'CLOSED' }, now))).toEqual([expired.payment.serialNo]);
    expect(serials(await list(staffA, { status: 'SUCCEEDED' }, now))).toEqual([paid.payment.serialNo]);
  });

  it('filters by merchant, app, channel and creation time, and pages', async () => {
    expect(serials(await list(staffA, { merchantId: shopA2.merchantId }, now))).toEqual([other.payment.serialNo]);
    expect(serials(await list(staffA, { appId: shopA2.appId }, now))).toEqual([other.payment.serialNo]);
    expect((await list(staffA, { channel: 'WECHATPAY' }, now)).total).toBe(0);
    expect(serials(await list(staffA, { from: minutes(5), to: minutes(20) }, now))).toEqual([expired.payment.serialNo, pending.payment.serialNo]);
    const second = await list(staffA, { page: 2, pageSize: 3 }, now);
    expect(serials(second)).toEqual([paid.payment.serialNo]);
    expect(second.total).toBe(4);
  });
});

describe('getPaymentDetail', () => {
  beforeAll(async () => {
    const { serialNo } = paid.payment;
    const base = { serialNo, appId: shopA.appId, merchantId: shopA.merchantId, companyId: shopA.companyId };
    const retry = await insertAttempt(shopA, paid.order.id, { status: 'FAILED', createdAt: minutes(-5) });
    expect(retry.orderId).toBe(paid.order.id);
    await db().refund.create({ data: { ...base, refundSerialNo: newSerialNo('R', minutes(3)), refundNo: 'RF-1', amount: 1_000, status: 'SUCCEEDED', initiator: 'APP', createdAt: minutes(3), succeededAt: minutes(4) } });
    await db().refund.create({ data: { ...base, refundSerialNo: newSerialNo('R', minutes(6)), refundNo: 'RF-2', amount: 2_000, initiator: 'STAFF', reason: '重复缴费', createdAt: minutes(6) } });
    await db().channelNotification.create({
      data: { id: newId('ntf'), channel: 'ALIPAY', paymentChannelId: shopA.paymentChannelId, companyId: shopA.companyId, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, query: '', body: 'trade_status=TRADE_SUCCESS&total_amount=100.00', verified: true, outcome: 'APPLIED', serialNo, receivedAt: minutes(1) },
    });
    await db().outboxEvent.create({ data: { id: newId('evt'), appId: shopA.appId, companyId: shopA.companyId, type: 'payment.succeeded', livemode: false, serialNo, data: { serialNo }, createdAt: minutes(1) } });
    await db().alert.create({ data: { id: newId('alr'), kind: 'AMOUNT_MISMATCH', companyId: shopA.companyId, serialNo, subject: serialNo, message: 'amount differs', createdAt: minutes(2) } });
  });

  it('gives the attempt with its order, sibling attempts, refunds, callbacks, events and a timeline in time order', async () => {
    const detail = await getPaymentDetail({ actor: auditorA, serialNo: paid.payment.serialNo, now: minutes(30) });
    expect(detail.payment).toMatchObject({ serialNo: paid.payment.serialNo, status: 'SUCCEEDED', amount: 10_000, mode: 'SANDBOX', channelTradeNo: '2026120122001400000001' });
    expect(detail.order).toMatchObject({ orderNo: 'FEE-1001', status: 'PAID', paidSerialNo: paid.payment.serialNo });
    expect(detail.attempts.map((attempt) => attempt.status)).toEqual(['FAILED', 'SUCCEEDED']);
    expect(detail.refunds.map((refund) => [refund.refundNo, refund.status, refund.initiator])).toEqual([
      ['RF-1', 'SUCCEEDED', 'APP'],
      ['RF-2', 'PROCESSING', 'STAFF'],
    ]);
    expect(detail.callbacks).toEqual([expect.objectContaining({ outcome: 'APPLIED', body: 'trade_status=TRADE_SUCCESS&total_amount=100.00' })]);
    expect(detail.events.map((event) => event.type)).toEqual(['payment.succeeded']);
    expect(detail.alerts.map((alert) => alert.kind)).toEqual(['AMOUNT_MISMATCH']);
    expect(detail.alerts[0]).toMatchObject({ severity: 'WARNING', status: 'OPEN', occurrences: 1 });
    // Reserved, not refunded: the processing refund already holds its 20 yuan.
    expect(detail.refundableAmount).toBe(7_000);
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(['attempt.created', 'attempt.succeeded', 'callback', 'event', 'alert', 'refund.created', 'refund.succeeded', 'refund.created']);
    const times = detail.timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(JSON.stringify(detail)).not.toContain('requestHash');
  });

  it('shows an expired PENDING attempt as CLOSED with nothing refundable', async () => {
    const detail = await getPaymentDetail({ actor: staffA, serialNo: expired.payment.serialNo, now: minutes(30) });
    expect(detail.payment.status).toBe('CLOSED');
    expect(detail.refundableAmount).toBe(0);
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(['attempt.created', 'attempt.expired']);
  });

  it("answers another company's attempt, and an unknown one, as not found", async () => {
    expect(await codeOf(getPaymentDetail({ actor: staffB, serialNo: paid.payment.serialNo }))).toBe('NOT_FOUND');
    expect(await codeOf(getPaymentDetail({ actor: staffB, serialNo: newSerialNo('P') }))).toBe('NOT_FOUND');
    expect(await codeOf(getPaymentDetail({ actor: admin, serialNo: paid.payment.serialNo }))).toBe('ok');
  });
});

describe('payments router', () => {
  it('lists and shows through tRPC with the session as the only source of scope', async () => {
    const callerB = createCaller(contextFor(staffB.user));
    const pageB = await callerB.payments.list({ companyId: shopA.companyId });
    expect(pageB.items.map((item) => item.serialNo)).toEqual([ofB.payment.serialNo]);
    await expect(callerB.payments.get({ serialNo: paid.payment.serialNo })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const auditor = createCaller(contextFor(auditorA.user));
    expect((await auditor.payments.get({ serialNo: paid.payment.serialNo })).payment.serialNo).toBe(paid.payment.serialNo);
  });

  it('rejects a bad refund request before touching anything', async () => {
    const caller = createCaller(contextFor(staffA.user));
    await expect(caller.payments.refund({ serialNo: paid.payment.serialNo, amount: 1.5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.payments.refund({ serialNo: paid.payment.serialNo, amount: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db().refund.count({ where: { serialNo: paid.payment.serialNo } })).toBe(2);
  });

  it('refunds only for staff of the payment\'s company, within the refundable amount, before any channel call', async () => {
    const { serialNo } = paid.payment;
    const auditor = createCaller(contextFor(auditorA.user));
    await expect(auditor.payments.refund({ serialNo, amount: 100 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createCaller(contextFor(staffB.user)).payments.refund({ serialNo, amount: 100 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const staff = createCaller(contextFor(staffA.user));
    await expect(staff.payments.refund({ serialNo, amount: 7_001 })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT', cause: { code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 7_000 } } });
    await expect(staff.payments.refund({ serialNo: pending.payment.serialNo, amount: 100 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db().refund.count({ where: { serialNo } })).toBe(2);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).refundReservedAmount).toBe(3_000);
  });
});
