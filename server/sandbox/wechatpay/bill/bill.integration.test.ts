import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { toWechatTime } from '@/server/gateway/channels/wechatpay/wechatpay-time';
import { payWechatpayTrade } from '../pay-trade';
import { startWechatpaySandbox, type RawOutput, type WechatpaySandboxHarness } from '../testing/wechatpay-sandbox-harness';

let sandbox: WechatpaySandboxHarness;
beforeAll(async () => {
  sandbox = await startWechatpaySandbox();
});
afterAll(async () => sandbox.server.close());

const DAY = 24 * 3600_000;
const raw = (output: unknown) => output as RawOutput;
const beijingDate = (date: Date) => toWechatTime(date).slice(0, 10);

describe('trade bill', () => {
  it("answers yesterday's bill with its SHA1, downloadable in WeChat's backtick text layout", async () => {
    const yesterday = new Date(Date.now() - DAY);
    const billDate = beijingDate(yesterday);
    const paidAt = new Date(Date.parse(`${billDate}T10:11:12+08:00`));
    const orders = [
      { no: `B${Date.now()}1`, total: 12_345, description: '物业费' },
      { no: `B${Date.now()}2`, total: 99, description: '停车费, 月卡' },
    ];
    for (const order of orders) {
      await sandbox.sdk.transactions_native({ description: order.description, out_trade_no: order.no, notify_url: sandbox.notifyUrl, amount: { total: order.total } });
      await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: order.no }, paidAt);
    }
    await sandbox.sdk.refunds({ out_trade_no: orders[0]!.no, out_refund_no: `RB${orders[0]!.no}`, amount: { refund: 345, total: 12_345, currency: 'CNY' } });
    // The refund went through yesterday too.
    await db().sandboxWechatRefund.updateMany({ where: { outRefundNo: `RB${orders[0]!.no}` }, data: { successAt: new Date(paidAt.getTime() + 3600_000) } });

    const applied = raw(await sandbox.sdk.tradebill({ bill_date: billDate, bill_type: 'ALL' }));
    expect(applied.status).toBe(200);
    const { hash_type: hashType, hash_value: hashValue, download_url: downloadUrl } = applied.data as { hash_type: string; hash_value: string; download_url: string };
    expect(hashType).toBe('SHA1');
    expect(downloadUrl).toMatch(/\/sandbox\/wechatpay\/v3\/billdownload\/file\?token=/);

    // As the plugin must: the download URL is signed as WeChat sees it (/v3/billdownload/file?token=…).
    const link = new URL(downloadUrl);
    const file = raw(await sandbox.sdk.downloadBill(`https://api.mch.weixin.qq.com${link.pathname.replace('/sandbox/wechatpay', '')}${link.search}`));
    expect(file.status).toBe(200);
    const text = file.data as string;
    expect(createHash('sha1').update(text, 'utf8').digest('hex')).toBe(hashValue);

    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,/);
    expect(lines[0]!.split(',')).toHaveLength(27);
    const rows = lines.slice(1, -2).map((line) => line.split(/,(?=`)/));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toHaveLength(27);
      expect(row.every((field) => field.startsWith('`'))).toBe(true);
    }
    const [payment] = rows;
    expect(payment!.slice(0, 3)).toEqual([`\`${billDate} 10:11:12`, `\`${sandbox.merchant.appId}`, `\`${sandbox.merchant.mchId}`]);
    expect([payment![6], payment![8], payment![9], payment![12], payment![20]]).toEqual([`\`${orders[0]!.no}`, '`NATIVE', '`SUCCESS', '`123.45', '`物业费']);
    const refund = rows[2]!;
    expect([refund[9], refund[15], refund[16], refund[19], refund[25]]).toEqual(['`REFUND', `\`RB${orders[0]!.no}`, '`3.45', '`SUCCESS', '`3.45']);
    expect(lines.at(-2)).toBe('总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额');
    expect(lines.at(-1)).toBe('`3,`124.44,`3.45,`0.00,`0.00000,`124.44,`3.45');
  });

  it("has no bill for today (not over yet) nor for a day without trades, and opens no other merchant's bill", async () => {
    for (const billDate of [beijingDate(new Date()), beijingDate(new Date(Date.now() - 30 * DAY))]) {
      const refused = raw(await sandbox.sdk.tradebill({ bill_date: billDate, bill_type: 'ALL' }));
      expect([refused.status, (JSON.parse(refused.text) as { code: string }).code]).toEqual([400, 'NO_STATEMENT_EXIST']);
    }
    const applied = raw(await sandbox.sdk.tradebill({ bill_date: beijingDate(new Date(Date.now() - DAY)), bill_type: 'ALL' }));
    const url = new URL((applied.data as { download_url: string }).download_url);
    const other = sandbox.sdkFor(await sandbox.addMerchant('PUBLIC_KEY'));
    const stolen = raw(await other.downloadBill(`https://api.mch.weixin.qq.com/v3/billdownload/file${url.search}`));
    expect([stolen.status, (JSON.parse(stolen.text) as { code: string }).code]).toEqual([400, 'PARAM_ERROR']);
  });
});
