// The hourly reconciliation job's service: which days of which channels it picks, at the channels' real
// publishing hours, through the real plugins and simulators (the app's routes on this file's base URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { addDays, beijingDay, beijingDayStart } from '@/server/gateway/beijing-time';
import { startAppServer } from '@/server/testing/app-server';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { dueDays, LOOKBACK_DAYS, reconcileDueDays } from './reconcile-due-days';

const today = beijingDay(new Date());
const yesterday = addDays(today, -1);
/** Today at a Beijing hour and minute. */
const at = (hour: number, minute = 30) => new Date(beijingDayStart(today).getTime() + (hour * 60 + minute) * 60_000);
let server: RunningServer;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

/** A sandbox payment channel activated `daysAgo` days ago. */
async function channelSince(channel: Channel, daysAgo: number): Promise<string> {
  const admin = await makeUser('COMPANY_ADMIN', (await makeCompany(await platformAdmin())).id);
  const merchant = await createMerchant({ actor: admin, input: { name: '花园小区', description: null } });
  const { paymentId } = await activateChannel({ actor: admin, input: { merchantId: merchant.id, channel, mode: 'SANDBOX', invokeMethods: ['QR'] } });
  await db().paymentChannel.update({ where: { id: paymentId }, data: { createdAt: beijingDayStart(addDays(today, -daysAgo)) } });
  return paymentId;
}

describe('dueDays', () => {
  it("is yesterday from the channel's publishing hour, and the days before back to the lookback or the channel's first day", () => {
    expect(dueDays({ since: addDays(today, -2), publishedFromHour: 10, now: at(9) })).toEqual([addDays(today, -2)]);
    expect(dueDays({ since: addDays(today, -2), publishedFromHour: 10, now: at(10, 0) })).toEqual([addDays(today, -2), yesterday]);
    expect(dueDays({ since: today, publishedFromHour: 9, now: at(23) })).toEqual([]);
    expect(dueDays({ since: '2020-01-01', publishedFromHour: 9, now: at(9) })).toHaveLength(LOOKBACK_DAYS);
  });
});

describe('reconcileDueDays', () => {
  it("reconciles each channel's published days once, and retries a day left PENDING", async () => {
    const alipay = await channelSince('ALIPAY', 2);
    const wechatpay = await channelSince('WECHATPAY', 1);
    const disabled = await channelSince('WECHATPAY', 1);
    await db().paymentChannel.update({ where: { id: disabled }, data: { status: 'DISABLED' } });

    // 09:30: Alipay has published yesterday's bill, WeChat Pay not yet.
    const morning = await reconcileDueDays({ now: at(9) });
    expect(morning).toEqual({ failed: 0, runs: [`${alipay} ${addDays(today, -2)} MATCHED`, `${alipay} ${yesterday} MATCHED`] });
    // 10:30: WeChat Pay's turn; Alipay's days are done.
    expect(await reconcileDueDays({ now: at(10) })).toEqual({ failed: 0, runs: [`${wechatpay} ${yesterday} MATCHED`] });
    expect(await reconcileDueDays({ now: at(11) })).toEqual({ failed: 0, runs: [] });
    expect(await db().channelBill.count({ where: { paymentChannelId: disabled } })).toBe(0);

    // A day whose bill was not ready is tried again on the next run.
    await db().reconciliationRun.updateMany({ where: { paymentChannelId: wechatpay }, data: { status: 'PENDING' } });
    expect(await reconcileDueDays({ now: at(12) })).toEqual({ failed: 0, runs: [`${wechatpay} ${yesterday} MATCHED`] });
    expect(await db().reconciliationRun.count({ where: { paymentChannelId: { in: [alipay, wechatpay] } } })).toBe(3);
  });
});
