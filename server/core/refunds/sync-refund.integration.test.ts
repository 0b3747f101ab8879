// Refunds whose outcome is unknown (the channel was unreachable or its answer was lost) stay PROCESSING
// and are settled by the scheduled refund query, against the simulator over HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { evaluateRule } from '@/server/monitoring/run-monitoring';
import type { PaymentsTenant } from '@/server/testing/payments-api';
import { alipayTenant, channelSimulators, paidAlipayPayment, type ChannelSimulators } from '@/server/testing/paid-payment';
import { createRefund } from './create-refund';
import { queryDueRefunds, syncRefund } from './sync-refund';

let simulators: ChannelSimulators;
let tenant: PaymentsTenant;

beforeAll(async () => {
  simulators = await channelSimulators();
  tenant = await alipayTenant();
});
afterEach(() => {
  simulators.gatewayFault = null;
});
afterAll(() => simulators?.close());

const MINUTE = 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const calls = (method: string, outRequestNo: string) =>
  simulators.gatewayCalls.filter((call) => call.method === method && call.bizContent.out_request_no === outRequestNo).length;

/** A refund sent while the channel fails as `fault`: it is left PROCESSING. */
async function unsettledRefund(fault: 'DOWN' | 'ANSWER_LOST', amount = 300) {
  const { payment } = await paidAlipayPayment({ amount: 1000, tenant });
  const now = new Date();
  simulators.gatewayFault = fault;
  const { refund } = await createRefund({ serialNo: payment.serialNo, amount, by: { kind: 'APP', appId: tenant.app.id, refundNo: `U-${payment.serialNo}` }, now });
  simulators.gatewayFault = null;
  return { payment, refund, now };
}

describe('a refund whose outcome is unknown', () => {
  it('keeps its amount reserved while PROCESSING; the query finds a refund whose answer was lost, without refunding twice', async () => {
    const { payment, refund, now } = await unsettledRefund('ANSWER_LOST');
    expect(refund).toMatchObject({ status: 'PROCESSING', queryCount: 0, nextQueryAt: later(now, MINUTE) });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } })).toMatchObject({ refundedAmount: 0, refundReservedAmount: 300 });
    expect(await db().outboxEvent.count({ where: { serialNo: payment.serialNo } })).toBe(0);

    expect(await queryDueRefunds({ now: later(now, 30_000) })).toEqual({ queried: 0, failed: 0 });
    expect(await queryDueRefunds({ now: later(now, MINUTE) })).toEqual({ queried: 1, failed: 0 });
    expect(await db().refund.findUniqueOrThrow({ where: { refundSerialNo: refund.refundSerialNo } })).toMatchObject({ status: 'SUCCEEDED', nextQueryAt: null });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } })).toMatchObject({ refundedAmount: 300, refundReservedAmount: 300 });
    expect(calls('alipay.trade.refund', refund.refundSerialNo)).toBe(1);
    expect(await db().sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: payment.channelTradeNo! } })).toMatchObject({ refundedFen: 300 });
    expect(await db().outboxEvent.findMany({ where: { serialNo: payment.serialNo } })).toEqual([expect.objectContaining({ type: 'refund.succeeded' })]);
  });

  it('sends again, under the same refund serial, a refund that never reached the channel', async () => {
    const { payment, refund, now } = await unsettledRefund('DOWN');
    expect(refund.status).toBe('PROCESSING');
    expect(await db().sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: payment.channelTradeNo! } })).toMatchObject({ refundedFen: 0 });
    const synced = await syncRefund({ refundSerialNo: refund.refundSerialNo, now: later(now, MINUTE) });
    expect(synced).toMatchObject({ status: 'SUCCEEDED' });
    expect(await db().sandboxAlipayTrade.findUniqueOrThrow({ where: { tradeNo: payment.channelTradeNo! } })).toMatchObject({ refundedFen: 300 });
    // A final refund is not asked again.
    const before = simulators.gatewayCalls.length;
    expect(await syncRefund({ refundSerialNo: refund.refundSerialNo })).toMatchObject({ status: 'SUCCEEDED' });
    expect(simulators.gatewayCalls.length).toBe(before);
  });

  it('backs off while the channel stays unreachable, and the monitoring job alerts staff once when it is stuck', async () => {
    const { payment, refund, now } = await unsettledRefund('DOWN');
    simulators.gatewayFault = 'DOWN';
    const offsets: number[] = [];
    let at = later(now, MINUTE);
    for (let i = 0; i < 5; i++) {
      const synced = await syncRefund({ refundSerialNo: refund.refundSerialNo, now: at });
      expect(synced).toMatchObject({ status: 'PROCESSING', queryCount: i + 1 });
      offsets.push((synced.nextQueryAt!.getTime() - at.getTime()) / MINUTE);
      at = synced.nextQueryAt!;
    }
    expect(offsets).toEqual([5, 15, 60, 360, 360]);
    // Processing for less than the rule's 24 hours: not stuck yet.
    await evaluateRule('REFUND_STUCK', { now: at, jobs: [] });
    expect(await db().alert.count({ where: { serialNo: payment.serialNo } })).toBe(0);

    const threeDays = later(now, 3 * 24 * 60 * MINUTE);
    await syncRefund({ refundSerialNo: refund.refundSerialNo, now: threeDays });
    await evaluateRule('REFUND_STUCK', { now: threeDays, jobs: [] });
    await syncRefund({ refundSerialNo: refund.refundSerialNo, now: later(threeDays, 6 * 60 * MINUTE) });
    await evaluateRule('REFUND_STUCK', { now: later(threeDays, 6 * 60 * MINUTE), jobs: [] });
    expect(await db().alert.findMany({ where: { serialNo: payment.serialNo } })).toEqual([
      expect.objectContaining({ kind: 'REFUND_STUCK', companyId: tenant.companyId, subject: `refund:${refund.refundSerialNo}`, occurrences: 1, status: 'OPEN' }),
    ]);
    expect(await db().refund.findUniqueOrThrow({ where: { refundSerialNo: refund.refundSerialNo } })).toMatchObject({ status: 'PROCESSING', queryCount: 7 });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } })).toMatchObject({ refundedAmount: 0, refundReservedAmount: 300 });

    simulators.gatewayFault = null;
    expect(await syncRefund({ refundSerialNo: refund.refundSerialNo, now: later(threeDays, 12 * 60 * MINUTE) })).toMatchObject({ status: 'SUCCEEDED' });
    // Settled: the next evaluation resolves the alert, saying so.
    await evaluateRule('REFUND_STUCK', { now: later(threeDays, 13 * 60 * MINUTE), jobs: [] });
    expect(await db().alert.findFirstOrThrow({ where: { serialNo: payment.serialNo } })).toMatchObject({ status: 'RESOLVED', resolutionNote: expect.stringContaining('automatically') });
  });
});

describe('queryDueRefunds', () => {
  it('lets two concurrent runs query each due refund exactly once', async () => {
    await db().refund.updateMany({ where: { status: 'PROCESSING' }, data: { nextQueryAt: null } });
    const pending = [await unsettledRefund('DOWN', 100), await unsettledRefund('DOWN', 200), await unsettledRefund('DOWN', 300)];
    const now = later(new Date(), 2 * MINUTE);
    const runs = await Promise.all([queryDueRefunds({ now }), queryDueRefunds({ now }), queryDueRefunds({ now })]);
    expect(runs.reduce((sum, run) => sum + run.queried, 0)).toBe(3);
    for (const { refund } of pending) {
      expect(calls('alipay.trade.fastpay.refund.query', refund.refundSerialNo)).toBe(1);
      expect(await db().refund.findUniqueOrThrow({ where: { refundSerialNo: refund.refundSerialNo } })).toMatchObject({ status: 'SUCCEEDED' });
    }
    expect(await queryDueRefunds({ now: later(now, 60 * MINUTE) })).toEqual({ queried: 0, failed: 0 });
  });
});
