import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { summarizeBill } from '@/server/finance/bills/parse-bill';
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
  it('serves the SUCCESS and REFUND layouts, the fund flow bill, and gzip files whose SHA1 is of the bill inside', async () => {
    const billDate = beijingDate(new Date(Date.now() - 2 * DAY));
    const paidAt = new Date(Date.parse(`${billDate}T09:00:00+08:00`));
    const no = `F${Date.now()}`;
    await sandbox.sdk.transactions_native({ description: '车位费', out_trade_no: no, notify_url: sandbox.notifyUrl, amount: { total: 5_000 } });
    await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no }, paidAt);
    await sandbox.sdk.refunds({ out_trade_no: no, out_refund_no: `R${no}`, amount: { refund: 1_250, total: 5_000, currency: 'CNY' } });
    await db().sandboxWechatRefund.updateMany({ where: { outRefundNo: `R${no}` }, data: { successAt: new Date(paidAt.getTime() + 60_000) } });

    /** Applies for a bill, downloads it, checks the declared SHA1 against the bill text; its lines. */
    const fetchBill = async (apply: Promise<unknown>, gzip: boolean): Promise<string[]> => {
      const applied = raw(await apply);
      expect(applied.status).toBe(200);
      const { hash_value: hashValue, download_url: downloadUrl } = applied.data as { hash_value: string; download_url: string };
      const link = new URL(downloadUrl);
      // Signed as the SDK's downloadBill signs it, but read as bytes: the SDK's client decodes bodies as text.
      const response = await fetch(`${sandbox.server.baseUrl}${link.pathname}${link.search}`, {
        headers: { Authorization: sandbox.sdk['buildAuthorization']('GET', `https://api.mch.weixin.qq.com${link.pathname.replace('/sandbox/wechatpay', '')}${link.search}`) },
      });
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-type')).toBe(gzip ? 'application/octet-stream' : 'text/plain; charset=utf-8');
      const text = gzip ? gunzipSync(body).toString('utf8') : body.toString('utf8');
      expect(createHash('sha1').update(text, 'utf8').digest('hex')).toBe(hashValue);
      return text.trimEnd().split('\r\n');
    };
    const fields = (line: string) => line.split(/,(?=`)/);

    const success = await fetchBill(sandbox.sdk.tradebill({ bill_date: billDate, bill_type: 'SUCCESS', tar_type: 'GZIP' }), true);
    expect(success[0]).toBe('交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注');
    expect(success).toHaveLength(4);
    expect(fields(success[1]!)).toHaveLength(20);
    expect([fields(success[1]!)[6], fields(success[1]!)[9], fields(success[1]!)[18]]).toEqual([`\`${no}`, '`SUCCESS', '`50.00']);
    expect(success[3]).toBe('`1,`50.00,`0.00,`0.00,`0.00000,`50.00,`0.00');

    const refund = await fetchBill(sandbox.sdk.tradebill({ bill_date: billDate, bill_type: 'REFUND' }), false);
    expect(refund[0]!.split(',')).toHaveLength(29);
    expect(refund[0]).toContain(',代金券金额,退款申请时间,退款成功时间,微信退款单号,');
    const refundRow = fields(refund[1]!);
    expect(refundRow).toHaveLength(29);
    expect([refundRow[0], refundRow[9], refundRow[15], refundRow[17], refundRow[18], refundRow[27]]).toEqual([`\`${billDate} 09:00:00`, '`REFUND', `\`${billDate} 09:01:00`, `\`R${no}`, '`12.50', '`12.50']);
    expect(refund[3]).toBe('`1,`0.00,`12.50,`0.00,`0.00000,`0.00,`12.50');

    const fund = await fetchBill(sandbox.sdk.fundflowbill({ bill_date: billDate, account_type: 'BASIC', tar_type: 'GZIP' }), true);
    expect(fund[0]).toBe('记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额(元),账户结余(元),资金变更提交申请人,备注,业务凭证号');
    expect(fields(fund[1]!).slice(3)).toEqual(['`交易', '`交易', '`收入', '`50.00', expect.stringMatching(/^`\d+\.\d{2}$/), '`system', '`结算总金额 50.00 元;含手续费 0.00 元', `\`${no}`]);
    expect(fields(fund[2]!).slice(3, 7).concat(fields(fund[2]!).slice(8))).toEqual(['`退款', '`退款', '`支出', '`12.50', `\`${sandbox.merchant.mchId}API`, '`退款总金额12.50元;含手续费0.00元', `\`R${no}`]);
    // The running balance moves by each flow.
    const balance = (line: string) => Number(fields(line)[7]!.slice(1).replace('.', ''));
    expect(balance(fund[1]!) - balance(fund[2]!)).toBe(1_250);
    expect(fund.slice(-2)).toEqual(['资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额', '`2,`1,`50.00,`1,`12.50']);

    const refused = raw(await sandbox.sdk.fundflowbill({ bill_date: billDate, account_type: 'OPERATION' }));
    expect([refused.status, (JSON.parse(refused.text) as { code: string }).code]).toEqual([400, 'PARAM_ERROR']);
  });

  it('shows the split shares paid out (分账) and the release of held funds (解冻) in the fund flow, which the bill parser reads as consistent', async () => {
    const billDate = beijingDate(new Date(Date.now() - 3 * DAY));
    const at = (time: string) => new Date(Date.parse(`${billDate}T${time}+08:00`));
    await sandbox.sdk.profitsharing_receivers_add({ type: 'PERSONAL_OPENID', account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', relation_type: 'PARTNER' });
    const no = `S${Date.now()}`;
    await sandbox.sdk.transactions_native({ description: '物业费', out_trade_no: no, notify_url: sandbox.notifyUrl, amount: { total: 10_000 }, settle_info: { profit_sharing: true } });
    const { transactionId } = await payWechatpayTrade({ mchId: sandbox.merchant.mchId, outTradeNo: no }, at('08:00:00'));
    const receiver = { type: 'PERSONAL_OPENID' as const, account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', amount: 2_000, description: '分成' };
    expect(raw(await sandbox.sdk.create_profitsharing_orders({ transaction_id: transactionId!, out_order_no: `O${no}`, receivers: [receiver], unfreeze_unsplit: false })).status).toBe(200);
    expect(raw(await sandbox.sdk.profitsharing_orders_unfreeze({ transaction_id: transactionId!, out_order_no: `U${no}`, description: '解冻全部剩余资金' })).status).toBe(200);
    // Both made on the bill's day.
    await db().sandboxWechatProfitSharingOrder.updateMany({ where: { outOrderNo: `O${no}` }, data: { createdAt: at('09:00:00') } });
    await db().sandboxWechatProfitSharingOrder.updateMany({ where: { outOrderNo: `U${no}` }, data: { createdAt: at('10:00:00') } });
    await db().sandboxWechatTrade.updateMany({ where: { transactionId }, data: { unfrozenAt: at('10:00:00') } });

    const applied = raw(await sandbox.sdk.fundflowbill({ bill_date: billDate, account_type: 'BASIC' }));
    const { download_url: downloadUrl } = applied.data as { download_url: string };
    const link = new URL(downloadUrl);
    const text = raw(await sandbox.sdk.downloadBill(`https://api.mch.weixin.qq.com${link.pathname.replace('/sandbox/wechatpay', '')}${link.search}`)).data as string;
    const lines = text.trimEnd().split('\r\n');
    const fields = (line: string) => line.split(/,(?=`)/).map((field) => field.slice(1));
    const split = await db().sandboxWechatProfitSharingOrder.findFirstOrThrow({ where: { outOrderNo: `O${no}` } });
    expect(fields(lines[2]!)).toEqual([`${billDate} 09:00:00`, split.orderId, expect.stringMatching(/^\d+$/), '分账', '分账', '支出', '20.00', expect.any(String), `${sandbox.merchant.mchId}API`, '分账给oUpF8uMuAJO_M2pxb1Q9zNjWeS6o;分成', `O${no}`]);
    expect(fields(lines[3]!).slice(0, 7).concat(fields(lines[3]!).slice(9))).toEqual([`${billDate} 10:00:00`, expect.any(String), transactionId, '分账', '解冻', '收入', '0.00', '解冻剩余资金80.00元', `U${no}`]);
    // The share left the account; the release moved nothing.
    const balance = (line: string) => Number(fields(line)[7]!.replace('.', ''));
    expect([balance(lines[1]!) - balance(lines[2]!), balance(lines[3]!) - balance(lines[2]!)]).toEqual([2_000, 0]);
    expect(lines.at(-1)).toBe('`3,`2,`100.00,`1,`20.00');

    const report = await summarizeBill({ bytes: Buffer.from(text, 'utf8') });
    expect(report).toMatchObject({ channel: 'wechatpay', billType: 'fundflow', rows: 3, payments: { count: 2, amount: 10_000 }, refunds: { count: 1, amount: 2_000 }, consistent: true });
  });
});
