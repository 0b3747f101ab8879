// reconcileDay end to end: real PostgreSQL, trades made through the plugins at the simulators, the day's
// bills downloaded with downloadChannelBill, compared with the center's records written as the
// transaction core writes them.
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as alipayBill } from '@/app/sandbox/alipay/bill/route';
import { GET as alipayGateway } from '@/app/sandbox/alipay/gateway.do/route';
import { GET as easypayApi } from '@/app/sandbox/easypay/api.php/route';
import { POST as easypayMapi } from '@/app/sandbox/easypay/mapi.php/route';
import { GET as wechatpayGet, POST as wechatpayPost } from '@/app/sandbox/wechatpay/v3/[...path]/route';
import { activateChannel } from '@/server/backend/channels/activate-channel';
import { registerApp } from '@/server/backend/apps/register-app';
import { grantMerchant } from '@/server/backend/grants/grant-merchant';
import { createMerchant } from '@/server/backend/merchants/create-merchant';
import { env } from '@/server/config/env';
import { newSerialNo } from '@/server/core/serial-numbers';
import { db } from '@/server/db/client';
import type { Channel, RefundStatus } from '@/server/db/generated/client';
import { downloadChannelBill } from '@/server/finance/channel-bills/download-channel-bill';
import { loadChannelAccount } from '@/server/gateway/accounts/load-channel-account';
import { beijingDay } from '@/server/gateway/beijing-time';
import { pluginFor } from '@/server/gateway/registry';
import { parseRequest } from '@/server/gateway/request-parser';
import { newId } from '@/server/lib/ids';
import { payAlipayTrade } from '@/server/sandbox/alipay';
import { payEasypayTrade } from '@/server/sandbox/easypay';
import { payWechatpayTrade } from '@/server/sandbox/wechatpay/pay-trade';
import { makeCompany, makeUser, platformAdmin } from '@/server/testing/fixtures';
import { serveWebHandler, type RunningServer } from '@/server/testing/node-http-bridge';
import { reconcileDay } from './reconcile-day';

const DAY = 24 * 3600_000;
const billDate = beijingDay(new Date(Date.now() - DAY));
const paidAt = new Date(Date.parse(`${billDate}T10:11:12+08:00`));
const refundedAt = new Date(paidAt.getTime() + 3600_000);
let server: RunningServer;

beforeAll(async () => {
  server = await serveWebHandler(
    async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/sandbox/alipay/gateway.do') return alipayGateway(request);
      if (pathname === '/sandbox/alipay/bill') return alipayBill(request);
      if (pathname === '/sandbox/easypay/mapi.php') return easypayMapi(request);
      if (pathname === '/sandbox/easypay/api.php') return easypayApi(request);
      if (pathname.startsWith('/sandbox/wechatpay/v3/')) return request.method === 'POST' ? wechatpayPost(request) : wechatpayGet(request);
      if (pathname === '/notify') return new Response(null, { status: 204 });
      return new Response('Not Found', { status: 404 });
    },
    // Where the simulators' bill links point.
    { port: Number(new URL(env().PAYCENTER_BASE_URL).port) },
  );
});
afterAll(() => server?.close());

/** A company's merchant with a sandbox channel, granted to an app. */
async function makeShop(channel: Channel) {
  const admin = await makeUser('COMPANY_ADMIN', (await makeCompany(await platformAdmin())).id);
  const merchant = await createMerchant({ actor: admin, input: { name: '花园小区', description: null } });
  const { paymentId } = await activateChannel({ actor: admin, input: { merchantId: merchant.id, channel, mode: 'SANDBOX', invokeMethods: ['QR'] } });
  const app = await registerApp({ actor: await platformAdmin(), input: { name: '缴费', description: null, defaultNotifyUrl: null, ipAllowlist: [] } });
  await grantMerchant({ actor: admin, input: { appId: app.app.id, merchantId: merchant.id } });
  return { channel, companyId: admin.companyId!, merchantId: merchant.id, paymentChannelId: paymentId, appId: app.app.id };
}
type Shop = Awaited<ReturnType<typeof makeShop>>;

/** A trade created at the simulator and paid at `at` (unless null); the channel's trade number. */
async function payAtChannel(shop: Shop, serialNo: string, amount: number, at: Date | null = paidAt): Promise<string> {
  const account = await loadChannelAccount(shop.paymentChannelId);
  await pluginFor(shop.channel).createPayment({
    account,
    execution: parseRequest({ channel: shop.channel, invokeMethod: 'QR', enabled: ['QR'] }),
    serialNo,
    amount,
    subject: '物业费 十一月',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    notifyUrl: `${server.baseUrl}/notify`,
  });
  if (account.credentials.channel === 'EASYPAY') return at ? (await payEasypayTrade({ pid: account.credentials.pid, outTradeNo: serialNo }, at)).trade.tradeNo : '';
  if (account.credentials.channel === 'ALIPAY') return (await payAlipayTrade({ appId: account.credentials.appId, outTradeNo: serialNo }, at ?? undefined)).trade.tradeNo;
  const trade = account.credentials.channel === 'WECHATPAY' ? await payWechatpayTrade({ mchId: account.credentials.mchId, outTradeNo: serialNo }, at ?? undefined) : null;
  if (!trade?.transactionId) throw new Error('a channel with bills pays with a trade number');
  return trade.transactionId;
}

/** A refund made at the simulator, dated an hour after the payment; the channel's refund number. */
async function refundAtChannel(shop: Shop, payment: { serialNo: string; channelTradeNo: string; amount: number }, refundSerialNo: string, amount: number) {
  const account = await loadChannelAccount(shop.paymentChannelId);
  const refund = { account, serialNo: payment.serialNo, channelTradeNo: payment.channelTradeNo, refundSerialNo, amount, totalAmount: payment.amount, notifyUrl: `${server.baseUrl}/notify` };
  const answer = await pluginFor(shop.channel).refund(refund);
  if (shop.channel === 'ALIPAY') await db().sandboxAlipayRefund.updateMany({ where: { outRequestNo: refundSerialNo }, data: { createdAt: refundedAt } });
  else await db().sandboxWechatRefund.updateMany({ where: { outRefundNo: refundSerialNo }, data: { successAt: refundedAt } });
  return answer.channelRefundNo;
}

/** The center's order and SUCCEEDED attempt, as the transaction core records a paid payment. */
async function recordPayment(shop: Shop, row: { serialNo: string; amount: number; channelTradeNo: string | null; orderId?: string; at?: Date }) {
  const at = row.at ?? paidAt;
  const orderId = row.orderId ?? newId('ord');
  if (!row.orderId) {
    await db().order.create({
      data: { id: orderId, appId: shop.appId, merchantId: shop.merchantId, companyId: shop.companyId, orderNo: `ORD-${orderId}`, amount: row.amount, subject: '物业费 十一月', status: 'PAID', paidSerialNo: row.serialNo, lastAttemptAt: at },
    });
  }
  await db().payment.create({
    data: {
      serialNo: row.serialNo, orderId, appId: shop.appId, merchantId: shop.merchantId, companyId: shop.companyId, paymentChannelId: shop.paymentChannelId,
      channel: shop.channel, invokeMethod: 'QR', executionMethod: 'qr', amount: row.amount, subject: '物业费 十一月', status: 'SUCCEEDED',
      channelTradeNo: row.channelTradeNo, livemode: false, metadata: {}, requestHash: row.serialNo, expiresAt: at, paidAt: at, createdAt: at,
    },
  });
  return orderId;
}

async function recordRefund(shop: Shop, row: { serialNo: string; refundSerialNo: string; amount: number; channelRefundNo: string | null; status?: RefundStatus; duplicate?: boolean }) {
  const status = row.status ?? 'SUCCEEDED';
  await db().refund.create({
    data: {
      refundSerialNo: row.refundSerialNo, refundNo: row.refundSerialNo, serialNo: row.serialNo, appId: shop.appId, merchantId: shop.merchantId, companyId: shop.companyId,
      amount: row.amount, status, initiator: row.duplicate ? 'DUPLICATE_PAYMENT' : 'APP', channelRefundNo: row.channelRefundNo,
      succeededAt: status === 'SUCCEEDED' ? refundedAt : null, createdAt: refundedAt,
    },
  });
  if (status === 'SUCCEEDED') await db().payment.update({ where: { serialNo: row.serialNo }, data: { refundedAmount: { increment: row.amount }, refundReservedAmount: { increment: row.amount } } });
}

/** A payment paid at the channel and recorded by us, partly refunded; and an order paid twice, the second refunded in full. */
async function agreeingDay(shop: Shop) {
  const serialNo = newSerialNo('P', paidAt);
  const tradeNo = await payAtChannel(shop, serialNo, 1234);
  const orderId = await recordPayment(shop, { serialNo, amount: 1234, channelTradeNo: tradeNo });
  const refundSerialNo = newSerialNo('R', refundedAt);
  await recordRefund(shop, { serialNo, refundSerialNo, amount: 234, channelRefundNo: await refundAtChannel(shop, { serialNo, channelTradeNo: tradeNo, amount: 1234 }, refundSerialNo, 234) });
  const duplicate = newSerialNo('P', paidAt);
  const duplicateTradeNo = await payAtChannel(shop, duplicate, 1234);
  await recordPayment(shop, { serialNo: duplicate, amount: 1234, channelTradeNo: duplicateTradeNo, orderId });
  const duplicateRefund = newSerialNo('R', refundedAt);
  await recordRefund(shop, { serialNo: duplicate, refundSerialNo: duplicateRefund, amount: 1234, duplicate: true, channelRefundNo: await refundAtChannel(shop, { serialNo: duplicate, channelTradeNo: duplicateTradeNo, amount: 1234 }, duplicateRefund, 1234) });
}

/** A run's discrepancies by kind (by name, not the enum's order), then serial number. */
async function discrepanciesOf(runId: string) {
  const rows = await db().reconciliationDiscrepancy.findMany({ where: { runId } });
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || (a.serialNo ?? '').localeCompare(b.serialNo ?? ''));
}

describe.each(['ALIPAY', 'WECHATPAY'] as const)('%s', (channel) => {
  it('a day with payments, a partial refund and a duplicate-payment refund matches to the fen', async () => {
    const shop = await makeShop(channel);
    await agreeingDay(shop);
    expect((await downloadChannelBill({ paymentChannelId: shop.paymentChannelId, date: billDate })).kind).toBe('BILLS');
    const run = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(await discrepanciesOf(run.id)).toEqual([]);
    expect(run).toMatchObject({
      status: 'MATCHED', failureReason: null,
      ourPaymentCount: 2, ourPaymentAmount: 2468, ourRefundCount: 2, ourRefundAmount: 1468,
      channelPaymentCount: 2, channelPaymentAmount: 2468, channelRefundCount: 2, channelRefundAmount: 1468,
    });
    expect(await db().alert.count({ where: { companyId: shop.companyId, kind: 'RECONCILIATION_DISCREPANCY' } })).toBe(0);
  });

  it('finds each seeded discrepancy exactly once, and running the day again replaces, never duplicates', async () => {
    const shop = await makeShop(channel);
    await agreeingDay(shop);
    // CHANNEL_ONLY: paid at the channel, never recorded by us.
    const channelOnly = newSerialNo('P', paidAt);
    await payAtChannel(shop, channelOnly, 500);
    // CENTER_ONLY: recorded succeeded by us, unknown to the channel.
    const centerOnly = newSerialNo('P', paidAt);
    await recordPayment(shop, { serialNo: centerOnly, amount: 700, channelTradeNo: `T${centerOnly}` });
    // AMOUNT_MISMATCH: the channel took 900, we recorded 990.
    const amountOff = newSerialNo('P', paidAt);
    await recordPayment(shop, { serialNo: amountOff, amount: 990, channelTradeNo: await payAtChannel(shop, amountOff, 900) });
    // STATUS_MISMATCH: refunded at the channel, still PROCESSING with us.
    const refunded = newSerialNo('P', paidAt);
    const refundedTradeNo = await payAtChannel(shop, refunded, 800);
    await recordPayment(shop, { serialNo: refunded, amount: 800, channelTradeNo: refundedTradeNo });
    const processing = newSerialNo('R', refundedAt);
    await recordRefund(shop, { serialNo: refunded, refundSerialNo: processing, amount: 100, status: 'PROCESSING', channelRefundNo: await refundAtChannel(shop, { serialNo: refunded, channelTradeNo: refundedTradeNo, amount: 800 }, processing, 100) });
    await downloadChannelBill({ paymentChannelId: shop.paymentChannelId, date: billDate });

    const first = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    const found = await discrepanciesOf(first.id);
    expect(found.map((row) => [row.kind, row.refundSerialNo ?? row.serialNo])).toEqual(
      [
        ['AMOUNT_MISMATCH', amountOff],
        ['CENTER_ONLY', centerOnly],
        ['CHANNEL_ONLY', channelOnly],
        ['STATUS_MISMATCH', processing],
      ],
    );
    expect(found.find((row) => row.kind === 'AMOUNT_MISMATCH')).toMatchObject({ ourAmount: 990, channelAmount: 900 });
    expect(found.find((row) => row.kind === 'STATUS_MISMATCH')).toMatchObject({ ourStatus: 'PROCESSING', channelAmount: 100 });
    expect(first).toMatchObject({ status: 'DISCREPANCIES', ourPaymentCount: 5, ourPaymentAmount: 4958, channelPaymentCount: 5, channelPaymentAmount: 4668, ourRefundCount: 2, channelRefundCount: 3 });

    const again = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(again.id).toBe(first.id);
    const strip = (rows: typeof found) => rows.map(({ id: _id, createdAt: _createdAt, ...row }) => row);
    expect(strip(await discrepanciesOf(again.id))).toEqual(strip(found));
    expect(await db().reconciliationRun.count({ where: { paymentChannelId: shop.paymentChannelId } })).toBe(1);
    // One alert per channel account and day, not one per line; the second run counts another occurrence.
    const alerts = await db().alert.findMany({ where: { companyId: shop.companyId, kind: 'RECONCILIATION_DISCREPANCY' } });
    expect(alerts.map((alert) => [alert.subject, alert.occurrences])).toEqual([[`reconciliation:${shop.paymentChannelId}:${billDate}`, 2]]);

    // Staff resolve two lines; the centre-only payment then vanishes from our books (corrected), and the
    // day runs again: the resolution of the line still found stays, the vanished one goes with its line.
    const resolvedAt = new Date('2026-12-01T02:03:04Z');
    for (const kind of ['AMOUNT_MISMATCH', 'CENTER_ONLY'] as const) {
      await db().reconciliationDiscrepancy.updateMany({ where: { runId: first.id, kind }, data: { resolvedAt, resolvedBy: 'usr_finance', note: `checked ${kind}` } });
    }
    await db().payment.update({ where: { serialNo: centerOnly }, data: { status: 'FAILED' } });
    const third = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect((await discrepanciesOf(third.id)).map((row) => [row.kind, row.resolvedAt, row.resolvedBy, row.note])).toEqual([
      ['AMOUNT_MISMATCH', resolvedAt, 'usr_finance', 'checked AMOUNT_MISMATCH'],
      ['CHANNEL_ONLY', null, null, null],
      ['STATUS_MISMATCH', null, null, null],
    ]);
  });
});

it('EasyPay (no bill): each of the day\'s payments is asked of the channel', async () => {
  const shop = await makeShop('EASYPAY');
  const agreeing = newSerialNo('P', paidAt);
  await recordPayment(shop, { serialNo: agreeing, amount: 1000, channelTradeNo: await payAtChannel(shop, agreeing, 1000) });
  const unpaid = newSerialNo('P', paidAt);
  await payAtChannel(shop, unpaid, 600, null);
  await recordPayment(shop, { serialNo: unpaid, amount: 600, channelTradeNo: null });
  const amountOff = newSerialNo('P', paidAt);
  await recordPayment(shop, { serialNo: amountOff, amount: 990, channelTradeNo: await payAtChannel(shop, amountOff, 900) });
  const unknown = newSerialNo('P', paidAt);
  await recordPayment(shop, { serialNo: unknown, amount: 700, channelTradeNo: null });

  const run = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
  expect((await discrepanciesOf(run.id)).map((row) => [row.kind, row.serialNo, row.ourAmount, row.channelStatus])).toEqual([
    ['AMOUNT_MISMATCH', amountOff, 990, 'SUCCEEDED'],
    ['CENTER_ONLY', unknown, 700, 'NOT_FOUND'],
    ['STATUS_MISMATCH', unpaid, 600, 'PENDING'],
  ]);
  expect(run).toMatchObject({ status: 'DISCREPANCIES', ourPaymentCount: 4, ourPaymentAmount: 3290, channelPaymentCount: 2, channelPaymentAmount: 1900, channelFee: null });
});

it("a trade of ours near midnight on the neighbouring day's bill is no discrepancy on either day", async () => {
  const shop = await makeShop('WECHATPAY');
  const day = beijingDay(new Date(Date.now() - 2 * DAY));
  const serialNo = newSerialNo('P', paidAt);
  // We saw it paid a second before midnight; the channel dates it two seconds after.
  const channelTradeNo = await payAtChannel(shop, serialNo, 4321, new Date(Date.parse(`${billDate}T00:00:02+08:00`)));
  await recordPayment(shop, { serialNo, amount: 4321, channelTradeNo, at: new Date(Date.parse(`${day}T23:59:59+08:00`)) });
  for (const date of [day, billDate]) await downloadChannelBill({ paymentChannelId: shop.paymentChannelId, date });
  const before = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: day });
  const after = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
  expect([before.status, after.status]).toEqual(['MATCHED', 'MATCHED']);
  expect([before.ourPaymentCount, before.channelPaymentCount, after.ourPaymentCount, after.channelPaymentCount]).toEqual([1, 0, 0, 1]);
});

describe('a bill that does not hold together', () => {
  async function storedTradeBill(shop: Shop) {
    await downloadChannelBill({ paymentChannelId: shop.paymentChannelId, date: billDate });
    return db().channelBill.findFirstOrThrow({ where: { paymentChannelId: shop.paymentChannelId, billType: 'TRADE' }, include: { file: true } });
  }

  it('whose summary differs from its rows is one BILL_INCONSISTENT discrepancy', async () => {
    const shop = await makeShop('WECHATPAY');
    await agreeingDay(shop);
    const bill = await storedTradeBill(shop);
    const lines = gunzipSync(bill.file!.content).toString('utf8').trimEnd().split('\r\n');
    // The footer's total amount of orders one fen more than its rows.
    lines[lines.length - 1] = lines.at(-1)!.replace('`24.68', '`24.69');
    await db().channelBillFile.update({ where: { billId: bill.id }, data: { content: new Uint8Array(gzipSync(`${lines.join('\r\n')}\r\n`)) } });
    const run = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect((await discrepanciesOf(run.id)).map((row) => row.kind)).toEqual(['BILL_INCONSISTENT']);
    expect(run.status).toBe('DISCREPANCIES');
  });

  it('that cannot be parsed fails the run with the reason and records no comparison', async () => {
    const shop = await makeShop('WECHATPAY');
    await agreeingDay(shop);
    const bill = await storedTradeBill(shop);
    const first = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(first.status).toBe('MATCHED');
    await db().channelBillFile.update({ where: { billId: bill.id }, data: { content: new Uint8Array(gzipSync('这不是账单\r\n')) } });
    const run = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(run).toMatchObject({ id: first.id, status: 'FAILED' });
    expect(run.failureReason).toContain('not a bill');
    expect(await discrepanciesOf(run.id)).toEqual([]);
  });

  it('with an amount that is not one fails the run with the line, keeps the raw file, records no comparison', async () => {
    const shop = await makeShop('WECHATPAY');
    await agreeingDay(shop);
    const bill = await storedTradeBill(shop);
    const text = gunzipSync(bill.file!.content).toString('utf8');
    const broken = new Uint8Array(gzipSync(text.replace('`12.34,', '`12.3x,')));
    await db().channelBillFile.update({ where: { billId: bill.id }, data: { content: broken } });
    const run = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(run).toMatchObject({ status: 'FAILED', channelPaymentCount: 0, channelFee: null });
    expect(run.failureReason).toContain('12.3x');
    expect(await discrepanciesOf(run.id)).toEqual([]);
    expect(Buffer.from((await db().channelBillFile.findUniqueOrThrow({ where: { billId: bill.id } })).content)).toEqual(Buffer.from(broken));
  });

  it('whose download failed its check fails the run with the reason; a retryable failure leaves it PENDING', async () => {
    const shop = await makeShop('WECHATPAY');
    await agreeingDay(shop);
    const bill = await storedTradeBill(shop);
    await db().channelBill.update({ where: { id: bill.id }, data: { status: 'FAILED', failureCode: 'BILL_HASH_MISMATCH', failureMessage: 'SHA1 differs from hash_value', retryable: false } });
    const failed = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(failed).toMatchObject({ status: 'FAILED' });
    expect(failed.failureReason).toContain('BILL_HASH_MISMATCH');
    expect(await discrepanciesOf(failed.id)).toEqual([]);
    await db().channelBill.update({ where: { id: bill.id }, data: { failureCode: 'CHANNEL_UNAVAILABLE', retryable: true } });
    expect(await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate })).toMatchObject({ status: 'PENDING' });
  });

  it('not downloaded yet leaves the day PENDING', async () => {
    const shop = await makeShop('ALIPAY');
    const run = await reconcileDay({ paymentChannelId: shop.paymentChannelId, date: billDate });
    expect(run).toMatchObject({ status: 'PENDING' });
    expect(run.failureReason).toContain('not been downloaded');
  });
});
