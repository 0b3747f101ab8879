// Refunds end to end: the real Alipay plugin against the simulator over HTTP, real Postgres, real races.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { alipayPlugin } from '@/server/gateway/channels/alipay';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { alipayTenant, channelSimulators, paidAlipayPayment, type ChannelSimulators } from '@/server/testing/paid-payment';
import { createRefund } from './create-refund';
import { findRefundForApp } from './find-refund';

let simulators: ChannelSimulators;
let tenant: PaymentsTenant;

beforeAll(async () => {
  simulators = await channelSimulators();
  tenant = await alipayTenant();
});
afterAll(() => simulators?.close());

const byApp = (refundNo: string, appId = tenant.app.id) => ({ kind: 'APP' as const, appId, refundNo });
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (error: unknown) => error as AppError);
const reload = (serialNo: string) => db().payment.findUniqueOrThrow({ where: { serialNo } });
const simulatorTrade = (payment: Payment) => db().sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: payment.channelTradeNo! } });
const refundCalls = (outRequestNo: string) =>
  simulators.gatewayCalls.filter((call) => call.method === 'alipay.trade.refund' && call.bizContent.out_request_no === outRequestNo).length;

async function nonFailedSum(serialNo: string): Promise<number> {
  const sum = await db().refund.aggregate({ where: { serialNo, status: { not: 'FAILED' } }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

describe('createRefund by an app', () => {
  it('refunds in part twice at the channel and locally, announces each, and refuses more than is left', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const first = await createRefund({ serialNo: payment.serialNo, amount: 300, reason: '多收退费', by: byApp('RF-1') });
    expect(first).toMatchObject({ created: true, refund: { status: 'SUCCEEDED', amount: 300, refundNo: 'RF-1', initiator: 'APP' }, payment: { refundedAmount: 300 } });
    const second = await createRefund({ serialNo: payment.serialNo, amount: 200, by: byApp('RF-2') });
    expect(second.refund.status).toBe('SUCCEEDED');
    expect(await reload(payment.serialNo)).toMatchObject({ refundedAmount: 500, refundReservedAmount: 500 });
    expect(await simulatorTrade(payment)).toMatchObject({ refundedFen: 500, status: 'TRADE_SUCCESS' });

    const events = await db().outboxEvent.findMany({ where: { serialNo: payment.serialNo }, orderBy: { cursor: 'asc' } });
    expect(events.map((e) => [e.type, e.refundSerialNo, e.appId, e.livemode])).toEqual([
      ['refund.succeeded', first.refund.refundSerialNo, tenant.app.id, false],
      ['refund.succeeded', second.refund.refundSerialNo, tenant.app.id, false],
    ]);
    expect(events[1]!.data).toMatchObject({
      refund: { refundSerialNo: second.refund.refundSerialNo, refundNo: 'RF-2', amount: 200, status: 'SUCCEEDED', serialNo: payment.serialNo },
      payment: { serialNo: payment.serialNo, refundedAmount: 500, status: 'SUCCEEDED' },
    });

    const tooMuch = await failure(createRefund({ serialNo: payment.serialNo, amount: 501, by: byApp('RF-3') }));
    expect(tooMuch).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 500 } });
    const wayTooMuch = await failure(createRefund({ serialNo: payment.serialNo, amount: 100_000_000_00, by: byApp('RF-4') }));
    expect(wayTooMuch).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 500 } });
    expect(await db().refund.count({ where: { serialNo: payment.serialNo } })).toBe(2);
    expect(refundCalls('RF-3')).toBe(0);
  });

  it('answers a repeated refundNo with the first refund, and refuses it with another amount or payment', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const first = await createRefund({ serialNo: payment.serialNo, amount: 300, by: byApp('REPEAT-1') });
    const repeat = await createRefund({ serialNo: payment.serialNo, amount: 300, by: byApp('REPEAT-1') });
    expect(repeat).toMatchObject({ created: false, refund: { refundSerialNo: first.refund.refundSerialNo, status: 'SUCCEEDED' } });
    expect(refundCalls(first.refund.refundSerialNo)).toBe(1);
    expect(await reload(payment.serialNo)).toMatchObject({ refundedAmount: 300, refundReservedAmount: 300 });

    expect(await failure(createRefund({ serialNo: payment.serialNo, amount: 301, by: byApp('REPEAT-1') }))).toMatchObject({ code: 'REFUND_CONFLICT', status: 409 });
    const other = await paidAlipayPayment({ amount: 1000, tenant });
    expect(await failure(createRefund({ serialNo: other.payment.serialNo, amount: 300, by: byApp('REPEAT-1') }))).toMatchObject({ code: 'REFUND_CONFLICT' });
    expect(await reload(other.payment.serialNo)).toMatchObject({ refundReservedAmount: 0 });
  });

  it('makes one refund of identical requests racing each other', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const results = await Promise.all(Array.from({ length: 8 }, () => createRefund({ serialNo: payment.serialNo, amount: 400, by: byApp('RACE-1') })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.refund.refundSerialNo)).size).toBe(1);
    expect(await reload(payment.serialNo)).toMatchObject({ refundedAmount: 400, refundReservedAmount: 400 });
    expect((await simulatorTrade(payment)).refundedFen).toBe(400);
  });

  it('does not know another app’s payment or refund', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const mine = await createRefund({ serialNo: payment.serialNo, amount: 100, by: byApp('MINE-1') });
    const stranger = await alipayTenant();
    expect(await failure(createRefund({ serialNo: payment.serialNo, amount: 100, by: byApp('THEIRS-1', stranger.app.id) }))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await failure(findRefundForApp({ appId: stranger.app.id, refundSerialNo: mine.refund.refundSerialNo }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await findRefundForApp({ appId: tenant.app.id, refundSerialNo: mine.refund.refundSerialNo })).toMatchObject({ amount: 100 });
    expect(await failure(findRefundForApp({ appId: tenant.app.id, refundSerialNo: 'nonsense' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(createRefund({ serialNo: 'P00000000000000000nonexistent0', amount: 100, by: byApp('NONE-1') }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await reload(payment.serialNo)).toMatchObject({ refundReservedAmount: 100 });
  });

  it('refuses payments that are not SUCCEEDED and amounts that are not positive integers, changing nothing', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant, paid: false });
    expect(await failure(createRefund({ serialNo: payment.serialNo, amount: 100, by: byApp('PENDING-1') }))).toMatchObject({ code: 'CONFLICT', status: 409 });
    const paid = (await paidAlipayPayment({ amount: 1000, tenant })).payment;
    for (const amount of [0, -5, 1.5, Number.NaN]) {
      expect(await failure(createRefund({ serialNo: paid.serialNo, amount, by: byApp('BAD-1') }))).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { amount: expect.any(String) } } });
    }
    expect(await db().refund.count({ where: { serialNo: { in: [payment.serialNo, paid.serialNo] } } })).toBe(0);
  });
});

describe('a refund the channel refuses', () => {
  it('fails, gives its amount back, alerts staff and announces refund.failed', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    // Refunded in full at Alipay directly (its merchant console): the trade is closed there.
    await alipayPlugin.refund({
      account: await loadChannelAccount(payment.paymentChannelId!),
      serialNo: payment.serialNo,
      channelTradeNo: payment.channelTradeNo,
      refundSerialNo: 'CONSOLE-REFUND-1',
      amount: 1000,
      totalAmount: 1000,
    });
    const result = await createRefund({ serialNo: payment.serialNo, amount: 300, by: byApp('FAIL-1') });
    expect(result).toMatchObject({ created: true, refund: { status: 'FAILED', failureCode: 'ACQ.TRADE_HAS_CLOSE', nextQueryAt: null }, payment: { refundedAmount: 0, refundReservedAmount: 0 } });
    expect(result.refund.failedAt).toBeInstanceOf(Date);
    const alerts = await db().alert.findMany({ where: { serialNo: payment.serialNo } });
    expect(alerts).toEqual([expect.objectContaining({ kind: 'REFUND_FAILED', companyId: tenant.companyId })]);
    const events = await db().outboxEvent.findMany({ where: { serialNo: payment.serialNo } });
    expect(events).toEqual([expect.objectContaining({ type: 'refund.failed', refundSerialNo: result.refund.refundSerialNo })]);
    expect(events[0]!.data).toMatchObject({ refund: { status: 'FAILED' }, payment: { refundedAmount: 0 } });

    // The freed amount is refundable again (the channel still refuses, but the center reserves it).
    const repeat = await createRefund({ serialNo: payment.serialNo, amount: 300, by: byApp('FAIL-1') });
    expect(repeat).toMatchObject({ created: false, refund: { status: 'FAILED' } });
    const again = await createRefund({ serialNo: payment.serialNo, amount: 1000, by: byApp('FAIL-2') });
    expect(again.refund.status).toBe('FAILED');
    expect(await reload(payment.serialNo)).toMatchObject({ refundReservedAmount: 0, refundedAmount: 0 });
  });
});

describe('50 concurrent refunds of a tenth plus one fen', () => {
  it('never pass the paid amount: exactly 9 succeed, the rest are REFUND_AMOUNT_EXCEEDED', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createRefund({ serialNo: payment.serialNo, amount: 101, by: byApp(`CONC-${i}`) })),
    );
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as AppError);
    expect(succeeded).toHaveLength(9);
    for (const o of succeeded) expect(o.value).toMatchObject({ created: true, refund: { status: 'SUCCEEDED' } });
    expect(refused).toHaveLength(41);
    for (const error of refused) expect(error).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: expect.any(Number) } });

    const after = await reload(payment.serialNo);
    expect(after).toMatchObject({ refundedAmount: 909, refundReservedAmount: 909 });
    expect(await nonFailedSum(payment.serialNo)).toBe(909);
    expect((await simulatorTrade(payment)).refundedFen).toBe(909);
    expect(await db().outboxEvent.count({ where: { serialNo: payment.serialNo, type: 'refund.succeeded' } })).toBe(9);
    expect(await failure(createRefund({ serialNo: payment.serialNo, amount: 92, by: byApp('CONC-LAST') }))).toMatchObject({ details: { refundableAmount: 91 } });
  });
});

describe('refund of a duplicate payment', () => {
  it('refunds the full amount once, however often and concurrently it is asked', async () => {
    const { payment } = await paidAlipayPayment({ amount: 1500, tenant });
    const by = { kind: 'DUPLICATE_PAYMENT' as const };
    const results = await Promise.all([1, 2, 3].map(() => createRefund({ serialNo: payment.serialNo, amount: 1500, by })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.map((r) => r.refund.refundNo)).toEqual(Array(3).fill(`DUP-${payment.serialNo}`));
    const later = await createRefund({ serialNo: payment.serialNo, amount: 1500, by });
    expect(later).toMatchObject({ created: false, refund: { status: 'SUCCEEDED', initiator: 'DUPLICATE_PAYMENT', reason: 'Duplicate payment' } });
    expect(await reload(payment.serialNo)).toMatchObject({ refundedAmount: 1500, refundReservedAmount: 1500 });
    expect(await simulatorTrade(payment)).toMatchObject({ refundedFen: 1500, status: 'TRADE_CLOSED' });
    expect(await failure(createRefund({ serialNo: payment.serialNo, amount: 100, by }))).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
