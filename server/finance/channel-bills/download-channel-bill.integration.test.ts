// downloadChannelBill end to end: real PostgreSQL, the real alipay-sdk and wechatpay-node-v3 through the
// plugins, the simulators on this file's base URL serving bills built from the trades they recorded.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as alipayBill } from '@/app/sandbox/alipay/bill/route';
import { GET as alipayGateway } from '@/app/sandbox/alipay/gateway.do/route';
import { GET as wechatpayGet, POST as wechatpayPost } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { env } from '@/server/config/env';
import { db } from '@/server/db/client';
import type { Channel } from '@/server/db/generated/client';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { beijingDay } from '@/server/gateway/beijing-time';
import { pluginFor } from '@/server/gateway/registry';
import { parseRequest } from '@/server/gateway/request-parser';
import { randomBase62 } from '@/server/lib/ids';
import { payAlipayTrade } from '@/server/sandbox/alipay';
import { payWechatpayTrade } from '@/server/sandbox/wechatpay/pay-trade';
import { signedResponse } from '@/server/sandbox/wechatpay/simulator-signature';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { downloadChannelBill } from './download-channel-bill';

const DAY = 24 * 3600_000;
const yesterday = new Date(Date.now() - DAY);
const billDate = beijingDay(yesterday);
const paidAt = new Date(Date.parse(`${billDate}T10:11:12+08:00`));

/** How the WeChat bill download is served: as the simulator made it, or altered on the way. */
let wechatFile: 'GENUINE' | 'ALTERED' | 'TRUNCATED' = 'GENUINE';
/** When set, the Alipay bill download is cut short on the way. */
let alipayFileCut = false;
/** When set, WeChat answers the fund flow bill as it does before ~10:00 the next day (signed, as WeChat signs errors). */
let fundFlowStillCreating = false;
let server: RunningServer;

async function alterFile(answer: Response): Promise<Response> {
  const raw = Buffer.from(await answer.arrayBuffer());
  // A complete gzip file whose bill differs by one fen: only the declared hash can tell.
  const body = wechatFile === 'ALTERED' ? gzipSync(Buffer.from(gunzipSync(raw).toString('utf8').replace('`12.34', '`12.35'))) : raw.subarray(0, raw.length - 9);
  return new Response(new Uint8Array(body), { status: answer.status, headers: answer.headers });
}

beforeAll(async () => {
  server = await serveWebHandler(
    async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/sandbox/alipay/gateway.do') return alipayGateway(request);
      if (pathname === '/sandbox/alipay/bill') {
        const answer = await alipayBill(request);
        if (!alipayFileCut) return answer;
        const bytes = Buffer.from(await answer.arrayBuffer());
        return new Response(new Uint8Array(bytes.subarray(0, bytes.length - 30)), { status: answer.status, headers: answer.headers });
      }
      if (pathname === '/sandbox/wechatpay/v3/bill/fundflowbill' && fundFlowStillCreating) {
        return signedResponse(400, { code: 'STATEMENT_CREATING', message: '账单生成中' }, 'PUBLIC_KEY', new Date());
      }
      if (pathname.startsWith('/sandbox/wechatpay/v3/')) {
        const answer = await (request.method === 'POST' ? wechatpayPost(request) : wechatpayGet(request));
        return pathname.endsWith('/billdownload/file') && wechatFile !== 'GENUINE' ? alterFile(answer) : answer;
      }
      if (pathname === '/notify') return new Response(null, { status: 204 });
      return new Response('Not Found', { status: 404 });
    },
    // Where the simulators' bill links point.
    { port: Number(new URL(env().PAYCENTER_BASE_URL).port) },
  );
});
afterAll(() => server?.close());

/** A company with a sandbox payment channel, and a paid then partly refunded trade dated yesterday. */
async function companyWithPaidDay(channel: Exclude<Channel, 'EASYPAY'>) {
  const admin = await makeUser('COMPANY_ADMIN', (await makeCompany(await platformAdmin())).id);
  const merchant = await createMerchant({ actor: admin, input: { name: '花园小区', description: null } });
  const { paymentId } = await activateChannel({ actor: admin, input: { merchantId: merchant.id, channel, mode: 'SANDBOX', invokeMethods: ['QR'] } });
  const account = await loadChannelAccount(paymentId);
  const plugin = pluginFor(channel);
  const serialNo = `P${Date.now()}${randomBase62(8)}`;
  const refundSerialNo = `R${serialNo.slice(1)}`;
  await plugin.createPayment({
    account,
    execution: parseRequest({ channel, invokeMethod: 'QR', enabled: ['QR'] }),
    serialNo,
    amount: 1234,
    subject: '物业费 十一月',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
  });
  if (account.credentials.channel === 'ALIPAY') {
    const { trade } = await payAlipayTrade({ appId: account.credentials.appId, outTradeNo: serialNo }, paidAt);
    await plugin.refund({ account, serialNo, channelTradeNo: trade.tradeNo, refundSerialNo, amount: 234, totalAmount: 1234 });
    await db().sandboxAlipayRefund.updateMany({ where: { outRequestNo: refundSerialNo }, data: { createdAt: new Date(paidAt.getTime() + 3600_000) } });
  } else if (account.credentials.channel === 'WECHATPAY') {
    const trade = await payWechatpayTrade({ mchId: account.credentials.mchId, outTradeNo: serialNo }, paidAt);
    await plugin.refund({ account, serialNo, channelTradeNo: trade.transactionId, refundSerialNo, amount: 234, totalAmount: 1234, notifyUrl: `${server.baseUrl}/notify` });
    await db().sandboxWechatRefund.updateMany({ where: { outRefundNo: refundSerialNo }, data: { successAt: new Date(paidAt.getTime() + 3600_000) } });
  }
  return { paymentId, serialNo, refundSerialNo };
}

async function storedFile(billId: string): Promise<Buffer> {
  return Buffer.from((await db().channelBillFile.findUniqueOrThrow({ where: { billId } })).content);
}

/**
 * Name and text of each entry of a ZIP, read from its local headers: CSV in GBK, as Alipay's; names in
 * GBK, or UTF-8 where the entry's language-encoding flag (bit 11) says so.
 */
function unzipGbk(archive: Buffer): Array<{ name: string; text: string }> {
  const gbk = new TextDecoder('gbk');
  const utf8 = new TextDecoder('utf-8');
  const entries: Array<{ name: string; text: string }> = [];
  for (let at = 0; archive.readUInt32LE(at) === 0x04034b50; ) {
    const size = archive.readUInt32LE(at + 18);
    const nameEnd = at + 30 + archive.readUInt16LE(at + 26);
    const dataStart = nameEnd + archive.readUInt16LE(at + 28);
    const nameDecoder = archive.readUInt16LE(at + 6) & 0x0800 ? utf8 : gbk;
    entries.push({ name: nameDecoder.decode(archive.subarray(at + 30, nameEnd)), text: gbk.decode(inflateRawSync(archive.subarray(dataStart, dataStart + size))) });
    at = dataStart + size;
  }
  return entries;
}

describe('Alipay', () => {
  it("keeps the day's ZIP as served: its GBK detail and summary files list the payment and the refund", async () => {
    const { paymentId, serialNo, refundSerialNo } = await companyWithPaidDay('ALIPAY');
    const result = await downloadChannelBill({ paymentChannelId: paymentId, date: billDate });
    if (result.kind !== 'BILLS') throw new Error('Alipay has bills');
    const [bill] = result.bills;
    expect(result.bills).toHaveLength(1);
    expect(bill).toMatchObject({ billType: 'TRADE', status: 'DOWNLOADED', empty: false, packing: 'ZIP', declaredSha1: null, failureCode: null });
    const raw = await storedFile(bill!.id);
    expect([bill!.sizeBytes, bill!.sha1]).toEqual([raw.length, createHash('sha1').update(raw).digest('hex')]);
    const [detail, summary] = unzipGbk(raw);
    expect(detail!.name).toMatch(/_业务明细\.csv$/);
    expect(detail!.text).toContain(`${serialNo}\t,交易\t`);
    expect(detail!.text).toContain(`${serialNo}\t,退款\t`);
    expect(detail!.text).toContain(`\t,-2.34\t,-2.34\t,`);
    expect(detail!.text).toContain(refundSerialNo);
    expect(summary!.name).toMatch(/_业务明细\(汇总\)\.csv$/);
    expect(summary!.text).toContain('合计\t,\t,1\t,1\t,10.00\t');
  });

  it('refuses a ZIP cut short, keeps it for inspection, never as DOWNLOADED', async () => {
    const { paymentId } = await companyWithPaidDay('ALIPAY');
    alipayFileCut = true;
    try {
      const result = await downloadChannelBill({ paymentChannelId: paymentId, date: billDate });
      expect(result).toMatchObject({ kind: 'BILLS', bills: [{ status: 'FAILED', failureCode: 'BILL_CORRUPT', retryable: false, downloadedAt: null }] });
      if (result.kind === 'BILLS') expect((await storedFile(result.bills[0]!.id)).length).toBe(result.bills[0]!.sizeBytes);
    } finally {
      alipayFileCut = false;
    }
  });

  it("records today's bill as NOT_READY, retryable, with Alipay's reason", async () => {
    const { paymentId } = await companyWithPaidDay('ALIPAY');
    const result = await downloadChannelBill({ paymentChannelId: paymentId, date: beijingDay(new Date()) });
    expect(result).toMatchObject({ kind: 'BILLS', bills: [{ status: 'NOT_READY', retryable: true, failureCode: 'BILL_NOT_READY', sha1: null }] });
    if (result.kind === 'BILLS') expect(result.bills[0]!.failureMessage).toContain('isp.bill_not_exist');
  });
});

describe('WeChat Pay', () => {
  let paid: Awaited<ReturnType<typeof companyWithPaidDay>>;
  let other: Awaited<ReturnType<typeof companyWithPaidDay>>;
  beforeAll(async () => {
    paid = await companyWithPaidDay('WECHATPAY');
    other = await companyWithPaidDay('WECHATPAY');
  });

  it("keeps the day's gzip trade and fund flow bills, verified, with this merchant's trades only", async () => {
    const result = await downloadChannelBill({ paymentChannelId: paid.paymentId, date: billDate });
    if (result.kind !== 'BILLS') throw new Error('WeChat Pay has bills');
    expect(result.bills.map((bill) => [bill.billType, bill.status, bill.packing])).toEqual([
      ['TRADE', 'DOWNLOADED', 'GZIP'],
      ['FUND_FLOW', 'DOWNLOADED', 'GZIP'],
    ]);
    const [trade, fund] = await Promise.all(result.bills.map(async (bill) => {
      const raw = await storedFile(bill.id);
      expect(bill.sha1).toBe(createHash('sha1').update(raw).digest('hex'));
      const text = gunzipSync(raw).toString('utf8');
      // WeChat's hash_value is the SHA1 of the bill inside the gzip.
      expect(createHash('sha1').update(text).digest('hex')).toBe(bill.declaredSha1);
      expect(text).not.toContain(other.serialNo);
      return text;
    }));
    expect(trade).toContain(`\`${paid.serialNo},`);
    expect(trade).toContain(`\`${paid.refundSerialNo},\`2.34,`);
    expect(trade!.trimEnd().split('\r\n').at(-1)).toBe('`2,`12.34,`2.34,`0.00,`0.00000,`12.34,`2.34');
    expect(fund).toContain(`\`交易,\`交易,\`收入,\`12.34,\`12.34,\`system,`);
    expect(fund).toContain(`\`退款,\`退款,\`支出,\`2.34,\`10.00,`);
    expect(fund!.trimEnd().split('\r\n').slice(-2)).toEqual(['资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额', '`2,`1,`12.34,`1,`2.34']);
    const others = await db().channelBill.findMany({ where: { paymentChannelId: other.paymentId } });
    expect(others).toEqual([]);
  });

  it('refuses a file that does not match its declared SHA1 or is cut short, keeps it for inspection, never as DOWNLOADED', async () => {
    for (const fault of ['ALTERED', 'TRUNCATED'] as const) {
      wechatFile = fault;
      try {
        const result = await downloadChannelBill({ paymentChannelId: other.paymentId, date: billDate });
        if (result.kind !== 'BILLS') throw new Error('WeChat Pay has bills');
        for (const bill of result.bills) {
          expect(bill).toMatchObject({ status: 'FAILED', retryable: false, failureCode: fault === 'ALTERED' ? 'BILL_HASH_MISMATCH' : 'BILL_CORRUPT', downloadedAt: null });
          if (fault === 'ALTERED') expect(bill.failureMessage).toContain(bill.declaredSha1);
          expect((await storedFile(bill.id)).length).toBe(bill.sizeBytes);
        }
      } finally {
        wechatFile = 'GENUINE';
      }
    }
    expect(await db().channelBill.count({ where: { paymentChannelId: other.paymentId, status: 'DOWNLOADED' } })).toBe(0);
  });

  it('never replaces a verified bill with a failed or cut short download of the same day', async () => {
    const good = await downloadChannelBill({ paymentChannelId: other.paymentId, date: billDate });
    if (good.kind !== 'BILLS') throw new Error('WeChat Pay has bills');
    expect(good.bills.map((bill) => bill.status)).toEqual(['DOWNLOADED', 'DOWNLOADED']);
    const before = await Promise.all(good.bills.map((bill) => storedFile(bill.id)));
    for (const fault of ['ALTERED', 'TRUNCATED'] as const) {
      wechatFile = fault;
      try {
        const again = await downloadChannelBill({ paymentChannelId: other.paymentId, date: billDate });
        if (again.kind !== 'BILLS') throw new Error('WeChat Pay has bills');
        expect(again.bills.map((bill) => [bill.status, bill.sha1, bill.failureCode])).toEqual(good.bills.map((bill) => ['DOWNLOADED', bill.sha1, null]));
        expect(await Promise.all(good.bills.map((bill) => storedFile(bill.id)))).toEqual(before);
      } finally {
        wechatFile = 'GENUINE';
      }
    }
  });

  it('downloading the day again replaces its bills; today is NOT_READY (retryable); a day without trades is an empty bill', async () => {
    const again = await downloadChannelBill({ paymentChannelId: paid.paymentId, date: billDate });
    const rows = await db().channelBill.findMany({ where: { paymentChannelId: paid.paymentId }, orderBy: { billType: 'asc' } });
    expect(rows.map((row) => [row.billType, row.status])).toEqual([
      ['TRADE', 'DOWNLOADED'],
      ['FUND_FLOW', 'DOWNLOADED'],
    ]);
    if (again.kind === 'BILLS') expect(again.bills.map((bill) => bill.id)).toEqual(rows.map((row) => row.id));
    expect(await db().channelBillFile.count({ where: { billId: { in: rows.map((row) => row.id) } } })).toBe(2);

    fundFlowStillCreating = true;
    try {
      const creating = await downloadChannelBill({ paymentChannelId: paid.paymentId, date: billDate });
      // The day's fund flow bill was verified already: WeChat saying it is being created again does not lose it.
      expect(creating).toMatchObject({
        kind: 'BILLS',
        bills: [{ billType: 'TRADE', status: 'DOWNLOADED' }, { billType: 'FUND_FLOW', status: 'DOWNLOADED', failureCode: null, sha1: rows[1]!.sha1 }],
      });
      expect(await db().channelBillFile.count({ where: { billId: rows[1]!.id } })).toBe(1);
      const dayBefore = await downloadChannelBill({ paymentChannelId: paid.paymentId, date: beijingDay(new Date(Date.now() - 2 * DAY)) });
      expect(dayBefore).toMatchObject({
        kind: 'BILLS',
        bills: [{ billType: 'TRADE', status: 'DOWNLOADED' }, { billType: 'FUND_FLOW', status: 'NOT_READY', retryable: true, failureCode: 'BILL_NOT_READY', sha1: null, downloadedAt: null }],
      });
      if (dayBefore.kind === 'BILLS') expect(dayBefore.bills[1]!.failureMessage).toContain('STATEMENT_CREATING');
    } finally {
      fundFlowStillCreating = false;
    }

    const today = await downloadChannelBill({ paymentChannelId: paid.paymentId, date: beijingDay(new Date()) });
    expect(today).toMatchObject({ kind: 'BILLS', bills: [{ status: 'NOT_READY', retryable: true }, { status: 'NOT_READY', retryable: true }] });

    const quiet = await downloadChannelBill({ paymentChannelId: paid.paymentId, date: beijingDay(new Date(Date.now() - 20 * DAY)) });
    expect(quiet).toMatchObject({ kind: 'BILLS', bills: [{ status: 'DOWNLOADED', empty: true, sha1: null }, { status: 'DOWNLOADED', empty: true, sha1: null }] });
  });
});

it('EasyPay has no bill: reconcile by querying each order, nothing recorded', async () => {
  const admin = await makeUser('COMPANY_ADMIN', (await makeCompany(await platformAdmin())).id);
  const merchant = await createMerchant({ actor: admin, input: { name: '花园小区', description: null } });
  const { paymentId } = await activateChannel({ actor: admin, input: { merchantId: merchant.id, channel: 'EASYPAY', mode: 'SANDBOX', invokeMethods: ['QR'] } });
  expect(await downloadChannelBill({ paymentChannelId: paymentId, date: billDate })).toEqual({ kind: 'NO_BILLS', reconcileBy: 'QUERY_EACH_ORDER' });
  expect(await db().channelBill.count({ where: { paymentChannelId: paymentId } })).toBe(0);
});
