// The daily rollups equal a recount from the raw tables (server/finance/analytics/testing/recount.ts, in
// TypeScript) after a random sequence of real payments through the API and the channel simulators —
// successes on several days, failures, unchosen checkouts, partial and full refunds, duplicate payments
// refunded automatically, splits — with refreshes at random points; also when a transaction commits
// after a refresh with an older updatedAt, when two refreshes race, and never across companies.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { db } from '@/server/db/client';
import { payEasypayTrade } from '@/server/sandbox/easypay/pay-trade';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest } from '@/server/testing/payments-api';
import { refundOver, settledRefund } from '@/server/testing/split-refunds';
import { splitTenant, type SplitTenant } from '@/server/testing/split-payments';
import { refreshDailyRollups } from './refresh-daily-rollups';
import { recountRollups, storedRollups, type Rollups } from './testing/recount';

interface Tenant extends SplitTenant {
  easypayPaymentId: string;
  easypayPid: string;
}

let server: RunningServer;
let tenants: Tenant[];

beforeAll(async () => {
  server = await startAppServer();
  tenants = [];
  for (let i = 0; i < 2; i++) {
    const tenant = await splitTenant({ baseUrl: server.baseUrl });
    const easypay = await activateChannel({ actor: tenant.companyAdmin, input: { merchantId: tenant.merchantId, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });
    const account = await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: easypay.paymentId } });
    tenants.push({ ...tenant, easypayPaymentId: easypay.paymentId, easypayPid: account.accountId });
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
});

async function expectRollupsEqualRecount(): Promise<void> {
  expect(await storedRollups()).toEqual(await recountRollups());
}

/** An attempt through the API: its serialNo and orderNo. */
async function attempt(tenant: Tenant, overrides: Record<string, unknown>): Promise<{ serialNo: string; orderNo: string }> {
  const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', ...overrides }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { serialNo: created.body.payment.serialNo, orderNo: created.body.payment.orderNo };
}

const sandbox = (tenant: Tenant, serialNo: string, outcome: 'pay' | 'fail') => tenant.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/${outcome}`);

/**
 * As if the attempt and its order had happened `hours` earlier: their times moved back before any refresh
 * saw them (times of record never move in production), so the sequence spans several Beijing days.
 */
async function happenedEarlier(serialNo: string, hours: number): Promise<void> {
  if (hours === 0) return;
  const shift = `${hours} hours`;
  await db().$executeRaw`
    UPDATE "Payment" SET "createdAt" = "createdAt" - ${shift}::interval, "paidAt" = "paidAt" - ${shift}::interval,
      "failedAt" = "failedAt" - ${shift}::interval, "updatedAt" = now() WHERE "serialNo" = ${serialNo}`;
  await db().$executeRaw`
    UPDATE "Order" SET "createdAt" = "createdAt" - ${shift}::interval, "updatedAt" = now()
    WHERE "id" = (SELECT "orderId" FROM "Payment" WHERE "serialNo" = ${serialNo})`;
}

/** A second attempt of an order another attempt already paid is paid too: refunded in full at once. */
async function duplicatePayment(tenant: Tenant): Promise<void> {
  const first = await attempt(tenant, { paymentId: tenant.easypayPaymentId });
  await db().order.updateMany({ where: { orderNo: first.orderNo }, data: { lastAttemptAt: new Date(Date.now() - 16_000) } });
  // EasyPay has no close: its attempt is closed locally and can still be paid at the channel.
  const second = await attempt(tenant, { paymentId: tenant.paymentId, orderNo: first.orderNo });
  expect((await sandbox(tenant, second.serialNo, 'pay')).body.payment.status).toBe('SUCCEEDED');
  await payEasypayTrade({ pid: tenant.easypayPid, outTradeNo: first.serialNo });
  const duplicate = await db().payment.findUniqueOrThrow({ where: { serialNo: first.serialNo } });
  expect(duplicate.duplicateOf).toBe(second.serialNo);
  const refunds = await db().refund.findMany({ where: { serialNo: first.serialNo } });
  expect(refunds).toHaveLength(1);
  await settledRefund(refunds[0]!.refundSerialNo);
}

type Op =
  | { kind: 'pay'; tenant: number; channel: 'ALIPAY' | 'WECHATPAY'; amount: number; hoursEarlier: number }
  | { kind: 'fail'; tenant: number; hoursEarlier: number }
  | { kind: 'checkout'; tenant: number }
  | { kind: 'refund'; pick: number; full: boolean }
  | { kind: 'split'; pick: number }
  | { kind: 'duplicate'; tenant: number }
  | { kind: 'refresh' };

const tenantIndex = fc.integer({ min: 0, max: 1 });
const hoursEarlier = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('pay' as const), tenant: tenantIndex, channel: fc.constantFrom('ALIPAY' as const, 'WECHATPAY' as const), amount: fc.integer({ min: 100, max: 50_000 }), hoursEarlier }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('fail' as const), tenant: tenantIndex, hoursEarlier }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('checkout' as const), tenant: tenantIndex }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), full: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate' as const), tenant: tenantIndex }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('refresh' as const) }), weight: 2 },
);

/**
 * One fact of every kind, between each run's two random sequences: a short random sequence may make no
 * split or no failure, and the equality would then say nothing about them. `pick` 0 is the newest payment:
 * the one made here.
 */
const EVERY_KIND: Op[] = [
  { kind: 'pay', tenant: 0, channel: 'WECHATPAY', amount: 10_000, hoursEarlier: 0 },
  { kind: 'split', pick: 0 },
  { kind: 'refund', pick: 0, full: false },
  { kind: 'fail', tenant: 1, hoursEarlier: 30 },
  { kind: 'checkout', tenant: 1 },
  { kind: 'duplicate', tenant: 0 },
];

/** The `pick`-th newest of `entries` (0: the last one made). */
function newest<T>(entries: T[], pick: number): T {
  return entries[entries.length - 1 - (pick % entries.length)]!;
}

/** The paid attempts made so far, with their tenant: what refunds and splits pick from. */
const paid: Array<{ tenant: Tenant; serialNo: string; channel: 'ALIPAY' | 'WECHATPAY' }> = [];

async function apply(step: Op): Promise<void> {
  switch (step.kind) {
    case 'pay': {
      const tenant = tenants[step.tenant]!;
      const paymentId = step.channel === 'ALIPAY' ? tenant.paymentId : tenant.wechatPaymentId;
      const { serialNo } = await attempt(tenant, { paymentId, amount: step.amount, ...(step.channel === 'WECHATPAY' ? { profitSharing: true } : {}) });
      expect((await sandbox(tenant, serialNo, 'pay')).body.payment.status).toBe('SUCCEEDED');
      await happenedEarlier(serialNo, step.hoursEarlier);
      paid.push({ tenant, serialNo, channel: step.channel });
      return;
    }
    case 'fail': {
      const tenant = tenants[step.tenant]!;
      const { serialNo } = await attempt(tenant, { paymentId: tenant.wechatPaymentId });
      expect((await sandbox(tenant, serialNo, 'fail')).body.payment.status).toBe('FAILED');
      await happenedEarlier(serialNo, step.hoursEarlier);
      return;
    }
    case 'checkout': {
      // The payer never chooses a channel: an attempt without one (channel NONE).
      const tenant = tenants[step.tenant]!;
      await attempt(tenant, { paymentId: undefined, invokeMethod: 'CASHIER' });
      return;
    }
    case 'refund': {
      if (paid.length === 0) return;
      const { tenant, serialNo } = newest(paid, step.pick);
      const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
      const free = payment.amount - payment.refundReservedAmount - payment.splitAmount;
      if (free <= 0) return;
      const answer = await refundOver(tenant, serialNo, `RF${payment.refundReservedAmount}`, step.full ? free : Math.max(1, Math.floor(free / 3)));
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      await settledRefund(answer.body.refund.refundSerialNo);
      return;
    }
    case 'split': {
      const wechat = paid.filter((entry) => entry.channel === 'WECHATPAY');
      if (wechat.length === 0) return;
      const { tenant, serialNo } = newest(wechat, step.pick);
      const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
      const amount = Math.floor((payment.amount - payment.refundReservedAmount - payment.splitAmount) / 10);
      if (amount <= 0) return;
      const answer = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, {
        splitNo: `SP${payment.splitAmount}-${serialNo.slice(-8)}`,
        receivers: [{ receiverId: tenant.receiverIds[0], amount, description: '保洁分成' }],
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return;
    }
    case 'duplicate':
      return duplicatePayment(tenants[step.tenant]!);
    case 'refresh':
      await refreshDailyRollups();
      await expectRollupsEqualRecount();
  }
}

describe('refreshDailyRollups', () => {
  it('keeps the rollups equal to a recount through random payments, failures, refunds, duplicates and splits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), fc.array(op, { maxLength: 8 }), async (before, after) => {
        for (const step of [...before, ...EVERY_KIND, ...after]) await apply(step);
        await refreshDailyRollups();
        await expectRollupsEqualRecount();
      }),
      { numRuns: 4, endOnFailure: true },
    );
    // EVERY_KIND made each kind of fact at least once, whatever the random steps around it were.
    const rows = Object.values(await storedRollups());
    for (const measure of ['orders', 'succeededCount', 'duplicateCount', 'failedCount', 'refundCount', 'splitCount'] as const) {
      expect(rows.some((row) => row[measure] > 0), measure).toBe(true);
    }
  }, 120_000);

  it('folds in a transaction that commits after a refresh although its updatedAt is before that refresh', async () => {
    const tenant = tenants[0]!;
    const { serialNo } = await attempt(tenant, { paymentId: tenant.wechatPaymentId });
    await refreshDailyRollups();
    let updated!: () => void;
    let release!: () => void;
    const didUpdate = new Promise<void>((resolve) => (updated = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // The update is stamped a minute ago and stays uncommitted while the next refresh runs.
    const late = db().$transaction(
      async (tx) => {
        await tx.$executeRaw`
          UPDATE "Payment" SET "status" = 'FAILED', "failedAt" = now() - interval '1 minute', "failureCode" = 'LATE_COMMIT',
            "updatedAt" = now() - interval '1 minute' WHERE "serialNo" = ${serialNo}`;
        updated();
        await released;
      },
      { timeout: 30_000 },
    );
    await didUpdate;
    const during = await refreshDailyRollups();
    release();
    await late;
    // The refresh that ran meanwhile could not see it, and its watermark is past the row's updatedAt.
    const updatedAt = (await db().payment.findUniqueOrThrow({ where: { serialNo } })).updatedAt;
    expect(updatedAt.getTime()).toBeLessThan(during.scannedTo.getTime());
    expect(JSON.stringify(await storedRollups())).not.toContain('LATE_COMMIT');

    await refreshDailyRollups();
    expect(JSON.stringify(await storedRollups())).toContain('LATE_COMMIT');
    await expectRollupsEqualRecount();
  });

  it('ends equal to a recount when two refreshes race, incremental or rebuilding all history', async () => {
    for (const tenant of tenants) {
      const { serialNo } = await attempt(tenant, { paymentId: tenant.paymentId });
      await sandbox(tenant, serialNo, 'pay');
    }
    await Promise.all([refreshDailyRollups(), refreshDailyRollups()]);
    await expectRollupsEqualRecount();

    await db().dailyRollupWatermark.deleteMany();
    await db().dailyRollup.deleteMany();
    const [first] = await Promise.all([refreshDailyRollups(), refreshDailyRollups()]);
    expect(first.days).toBeGreaterThan(2);
    await expectRollupsEqualRecount();
  });

  it("puts no company's payments in another company's rows", async () => {
    await refreshDailyRollups();
    const rows = await db().dailyRollup.findMany();
    const merchants = new Map((await db().merchant.findMany()).map((m) => [m.id, m.companyId]));
    expect(new Set(rows.map((row) => row.companyId))).toEqual(new Set(tenants.map((tenant) => tenant.companyId)));
    for (const row of rows) expect(merchants.get(row.merchantId)).toBe(row.companyId);
    // And each company's rows are exactly the recount of its own raw rows.
    const [stored, recount] = [await storedRollups(), await recountRollups()];
    for (const tenant of tenants) {
      const own = (rollups: Rollups) => Object.entries(rollups).filter(([key]) => key.startsWith(`${tenant.companyId}|`));
      expect(own(recount).length).toBeGreaterThan(0);
      expect(own(stored)).toEqual(own(recount));
    }
  });
});
