// The overview's arithmetic on DailyRollup rows written here directly (that rollups equal a recount of
// payments and refunds is refresh-daily-rollups' test): totals, previous period, zero-filled days,
// breakdowns, failure codes and the scope filters.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import type { Prisma } from '@/server/db/generated/client';
import { newId } from '@/server/lib/ids';
import { firstRollupDay, readOverview } from './read-overview';

const A = 'co_overviewA';
const B = 'co_overviewB';
let feeApp: string;
let shopApp: string;

function rollup(row: Partial<Prisma.DailyRollupCreateManyInput> & { day: string }): Prisma.DailyRollupCreateManyInput {
  return { companyId: A, merchantId: 'mch_a1', appId: feeApp, channel: 'ALIPAY', invokeMethod: 'PC', livemode: true, ...row, day: new Date(`${row.day}T00:00:00Z`) };
}

beforeAll(async () => {
  const apps = await Promise.all(
    ['物业费', '商城'].map((name) => db().app.create({ data: { id: newId('app'), name }, select: { id: true } })),
  );
  [feeApp, shopApp] = apps.map((app) => app.id) as [string, string];
  await db().dailyRollup.createMany({
    data: [
      // The period 2026-11-04 … 2026-11-06.
      rollup({ day: '2026-11-04', orders: 4, attempts: 5, succeededCount: 3, succeededAmount: 30_000n, failedCount: 1, failureCodes: { 'ACQ.TRADE_HAS_CLOSE': 1 }, refundCount: 1, refundAmount: 5_000n }),
      rollup({ day: '2026-11-04', channel: 'WECHATPAY', invokeMethod: 'QR', appId: shopApp, orders: 2, attempts: 3, succeededCount: 3, succeededAmount: 1_234_567n, duplicateCount: 1, duplicateAmount: 600n, failedCount: 2, failureCodes: { NOTENOUGH: 2 } }),
      rollup({ day: '2026-11-06', merchantId: 'mch_a2', orders: 1, attempts: 2, failedCount: 2, failureCodes: { 'ACQ.TRADE_HAS_CLOSE': 1, SYSTEMERROR: 1 } }),
      rollup({ day: '2026-11-06', livemode: false, orders: 1, attempts: 1, succeededCount: 1, succeededAmount: 99n }),
      // The previous period 2026-11-01 … 2026-11-03, and a day after the period.
      rollup({ day: '2026-11-01', orders: 2, attempts: 2, succeededCount: 2, succeededAmount: 20_000n }),
      rollup({ day: '2026-11-03', orders: 1, attempts: 1, refundCount: 1, refundAmount: 1_000n }),
      rollup({ day: '2026-10-31', orders: 50, succeededCount: 50, succeededAmount: 500_000n }),
      rollup({ day: '2026-11-07', orders: 70, succeededCount: 70, succeededAmount: 700_000n }),
      // Another company on the same days.
      rollup({ day: '2026-11-04', companyId: B, merchantId: 'mch_b1', orders: 9, succeededCount: 9, succeededAmount: 90_000n, failedCount: 3, failureCodes: { B_ONLY: 3 } }),
    ],
  });
});

const period = { from: '2026-11-04', to: '2026-11-06' };

describe('readOverview', () => {
  it('sums the period and derives rates, net and average ticket', async () => {
    const overview = await readOverview({ companyIds: [A], ...period });
    expect(overview.totals).toEqual({
      collected: 30_000 + 1_234_567 + 99,
      payments: 7,
      orders: 8,
      failed: 5,
      // Seven paid attempts, one of them a second payment of a paid order: six orders paid of eight.
      successRate: 6 / 8,
      refundCount: 1,
      refundAmount: 5_000,
      net: 30_000 + 1_234_567 + 99 - 5_000,
      averageTicket: Math.round((30_000 + 1_234_567 + 99) / 7),
      refundRate: 5_000 / (30_000 + 1_234_567 + 99),
    });
    expect(overview.updatedAt).toBeInstanceOf(Date);
  });

  it("dates the figures by the refresh's watermark once there is one", async () => {
    const scannedTo = new Date('2026-11-07T01:02:03.000Z');
    await db().dailyRollupWatermark.create({ data: { id: 'daily-rollups', scannedTo } });
    try {
      expect((await readOverview({ companyIds: [A], ...period })).updatedAt).toEqual(scannedTo);
    } finally {
      await db().dailyRollupWatermark.deleteMany();
    }
  });

  it('compares with the days just before, as many as the period has', async () => {
    const { previous } = await readOverview({ companyIds: [A], ...period });
    expect(previous).toMatchObject({ from: '2026-11-01', to: '2026-11-03', collected: 20_000, payments: 2, orders: 3, refundAmount: 1_000, net: 19_000, successRate: 2 / 3 });
  });

  it('lists every day of the period, days without rollups as zeros', async () => {
    const { days } = await readOverview({ companyIds: [A], ...period });
    expect(days.map((day) => [day.day, day.collected, day.orders])).toEqual([
      ['2026-11-04', 1_264_567, 6],
      ['2026-11-05', 0, 0],
      ['2026-11-06', 99, 2],
    ]);
    expect(days[1]).toMatchObject({ successRate: null, averageTicket: null, refundRate: null, net: 0 });
  });

  it('splits by channel, invoke method and app (with its name), largest first', async () => {
    const overview = await readOverview({ companyIds: [A], ...period });
    expect(overview.byChannel.map((row) => [row.channel, row.collected, row.orders])).toEqual([
      ['WECHATPAY', 1_234_567, 2],
      ['ALIPAY', 30_099, 6],
    ]);
    expect(overview.byInvokeMethod.map((row) => [row.invokeMethod, row.collected])).toEqual([
      ['QR', 1_234_567],
      ['PC', 30_099],
    ]);
    expect(overview.byApp.map((row) => [row.name, row.collected, row.refundAmount])).toEqual([
      ['商城', 1_234_567, 0],
      ['物业费', 30_099, 5_000],
    ]);
  });

  it('ranks the channels failure codes of the period', async () => {
    const { failureCodes } = await readOverview({ companyIds: [A], ...period });
    expect(failureCodes).toEqual([
      { code: 'ACQ.TRADE_HAS_CLOSE', count: 2 },
      { code: 'NOTENOUGH', count: 2 },
      { code: 'SYSTEMERROR', count: 1 },
    ]);
  });

  it('applies the merchant, app, channel and mode filters', async () => {
    expect((await readOverview({ companyIds: [A], ...period, merchantId: 'mch_a2' })).totals).toMatchObject({ orders: 1, failed: 2, collected: 0 });
    expect((await readOverview({ companyIds: [A], ...period, appId: shopApp })).totals.collected).toBe(1_234_567);
    expect((await readOverview({ companyIds: [A], ...period, channel: 'ALIPAY' })).failureCodes.map((row) => row.code)).toEqual(['ACQ.TRADE_HAS_CLOSE', 'SYSTEMERROR']);
    expect((await readOverview({ companyIds: [A], ...period, livemode: false })).totals.collected).toBe(99);
  });

  it('reads only the companies asked for: all of them for null, none for an empty list', async () => {
    const all = await readOverview({ companyIds: null, ...period });
    expect(all.totals.collected).toBe(1_264_666 + 90_000);
    expect(all.failureCodes).toContainEqual({ code: 'B_ONLY', count: 3 });
    const onlyB = await readOverview({ companyIds: [B], ...period, merchantId: 'mch_a1' });
    expect(onlyB.totals).toMatchObject({ collected: 0, orders: 0, successRate: null });
    expect(onlyB.byApp).toEqual([]);
    expect(onlyB.updatedAt).toBeNull();
    expect((await readOverview({ companyIds: [], ...period })).totals.orders).toBe(0);
  });

  it('finds the first day with rollups of the companies, whatever the period', async () => {
    expect(await firstRollupDay([A])).toBe('2026-10-31');
    expect(await firstRollupDay([B])).toBe('2026-11-04');
    expect(await firstRollupDay(null)).toBe('2026-10-31');
    expect(await firstRollupDay(['co_none'])).toBeNull();
  });
});
