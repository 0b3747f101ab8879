// Refunds of split payments (api-contract.md "Refunds of split payments") over HTTP on WeChat Pay: a
// refund larger than what splits leave free first takes the money back from receivers (return orders),
// newest split first; a refused return fails the refund with nothing half done. The real route
// handlers, plugin and SDK, the WeChat Pay simulator enforcing WeChat's rules, a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSplitReceiver } from '@/server/backend/splits/split-receivers';
import { db } from '@/server/db/client';
import { markWechatReceiverAbnormal } from '@/server/sandbox/wechatpay/testing/receiver-account';
import { openAppSecret } from '@/server/security/app-secret';
import type { EventType } from '@paycenter/node';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paidWechatPayment, splitTenant, type SplitTenant } from '@/server/testing/split-payments';
import { expectExactSplitBooks, raceSplitsAndRefunds, refundOver, reservedUnsentRefund, returnsOf, settledRefund, signedRefundWebhook, splitOver } from '@/server/testing/split-refunds';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { queryDueRefunds } from './sync-refund';

let server: RunningServer;
let tenant: SplitTenant;
let receiver: WebhookReceiver;
let secret: string;
let mchId: string;
/** Two merchant receivers (WeChat returns only from merchants) and the tenant's personal one. */
let cleaner: string;
let repairs: string;
let person: string;

const REPAIRS_MCHID = '1900000110';

beforeAll(async () => {
  server = await startAppServer();
  tenant = await splitTenant({ baseUrl: server.baseUrl });
  [cleaner, person] = tenant.receiverIds;
  repairs = (
    await registerSplitReceiver({
      actor: tenant.companyAdmin,
      input: { paymentId: tenant.wechatPaymentId, accountType: 'MERCHANT_ID', account: REPAIRS_MCHID, name: '万家维修服务有限公司', relationType: 'SUPPLIER' },
    })
  ).id;
  secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
  mchId = (await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: tenant.wechatPaymentId } })).accountId;
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

const paid = (amount: number) => paidWechatPayment(tenant, { amount, notifyUrl: receiver.url });

const split = (serialNo: string, splitNo: string, receivers: Array<[string, number]>) => splitOver(tenant, serialNo, splitNo, receivers);
const refund = (serialNo: string, refundNo: string, amount: number) => refundOver(tenant, serialNo, refundNo, amount);
const webhookOf = (type: EventType, refundSerialNo: string) => signedRefundWebhook({ receiver, secret, type, refundSerialNo });

describe('refunds of split payments on WeChat Pay', () => {
  it('a full refund takes the split money back first, newest split first, and succeeds with exact books', async () => {
    const { serialNo } = await paid(1_000);
    const older = await split(serialNo, 'OLD', [[cleaner, 100], [repairs, 100]]);
    const newer = await split(serialNo, 'NEW', [[repairs, 50], [cleaner, 30]]);

    const answer = await refund(serialNo, 'FULL', 1_000);
    expect(answer.status).toBe(201);
    // The refund object is the contract's, unchanged.
    expect(Object.keys(answer.body.refund).sort()).toEqual(['amount', 'channelRefundNo', 'createdAt', 'reason', 'refundNo', 'refundSerialNo', 'serialNo', 'status', 'succeededAt']);
    const { refundSerialNo } = answer.body.refund;
    expect(await settledRefund(refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });

    const returns = await returnsOf(refundSerialNo);
    expect(returns.map((r) => [r.splitSerialNo, r.position, r.amount, r.status])).toEqual([
      [newer, 0, 50, 'SUCCEEDED'],
      [newer, 1, 30, 'SUCCEEDED'],
      [older, 0, 100, 'SUCCEEDED'],
      [older, 1, 100, 'SUCCEEDED'],
    ]);
    expect(returns.every((r) => /^B\d{17}[0-9A-Za-z]{13}$/.test(r.returnSerialNo) && r.channelReturnNo && r.finishedAt)).toBe(true);
    const lines = await db().splitLine.findMany({ where: { splitSerialNo: { in: [older, newer] } } });
    expect(lines.every((line) => line.returnedAmount === line.amount)).toBe(true);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 0, refundReservedAmount: 1_000, refundedAmount: 1_000 });

    // WeChat Pay made each return from the receiver the split paid, and the refund after them.
    const made = await db().sandboxWechatReturnOrder.findMany({ where: { mchId, outReturnNo: { in: returns.map((r) => r.returnSerialNo) } }, include: { order: true } });
    expect(made.map((r) => [r.order.outOrderNo, r.returnMchId, r.amountFen, r.result]).sort()).toEqual(
      [
        [newer, REPAIRS_MCHID, 50, 'SUCCESS'],
        [newer, '1900000109', 30, 'SUCCESS'],
        [older, '1900000109', 100, 'SUCCESS'],
        [older, REPAIRS_MCHID, 100, 'SUCCESS'],
      ].sort(),
    );
    const channelRefund = await db().sandboxWechatRefund.findFirstOrThrow({ where: { mchId, outRefundNo: refundSerialNo } });
    expect(channelRefund.createdAt.getTime()).toBeGreaterThanOrEqual(Math.max(...made.map((r) => r.createdAt.getTime())));

    const event = await webhookOf('refund.succeeded', refundSerialNo);
    expect(event.data).toMatchObject({ refund: { refundSerialNo, status: 'SUCCEEDED', amount: 1_000 }, payment: { serialNo, splitAmount: 0, refundedAmount: 1_000 } });
    const read = await tenant.client.request('GET', `/api/v1/payments/${serialNo}`);
    expect(read.body.payment).toMatchObject({ profitSharing: true, splitAmount: 0, refundedAmount: 1_000 });
  });

  it('takes back only what the refund lacks: a refund within the free part makes no return, a larger one part of a line', async () => {
    const { serialNo } = await paid(1_000);
    const older = await split(serialNo, 'OLD', [[cleaner, 200]]);
    const newer = await split(serialNo, 'NEW', [[repairs, 100]]);

    const direct = await refund(serialNo, 'DIRECT', 700);
    expect(await settledRefund(direct.body.refund.refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await returnsOf(direct.body.refund.refundSerialNo)).toEqual([]);

    const larger = await refund(serialNo, 'LARGER', 150);
    expect(await settledRefund(larger.body.refund.refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await returnsOf(larger.body.refund.refundSerialNo)).map((r) => [r.splitSerialNo, r.amount])).toEqual([
      [newer, 100],
      [older, 50],
    ]);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 150, refundedAmount: 850 });
    const tooMuch = await refund(serialNo, 'TOO-MUCH', 151);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 150 } });
  });

  it('a refused return fails the refund with its reason: returns made stay recorded, nothing is PROCESSING, a later refund works', async () => {
    const { serialNo } = await paid(1_000);
    const older = await split(serialNo, 'OLD', [[cleaner, 100]]);
    const newer = await split(serialNo, 'NEW', [[repairs, 100]]);
    await markWechatReceiverAbnormal({ mchId, account: '1900000109' });
    let failedRefund: string;
    try {
      const answer = await refund(serialNo, 'FAILS', 1_000);
      expect(answer.status).toBe(201);
      expect(answer.body.refund).toMatchObject({ status: 'FAILED', amount: 1_000, succeededAt: null });
      failedRefund = answer.body.refund.refundSerialNo;
    } finally {
      await markWechatReceiverAbnormal({ mchId, account: '1900000109', abnormal: false });
    }
    expect(await db().refund.findUniqueOrThrow({ where: { refundSerialNo: failedRefund } })).toMatchObject({
      status: 'FAILED',
      failureCode: 'SPLIT_RETURN_FAILED',
      failureMessage: expect.stringContaining('ACCOUNT_ABNORMAL'),
    });
    // The newest split's return was made; the older one's refused; the refund itself never sent.
    expect((await returnsOf(failedRefund)).map((r) => [r.splitSerialNo, r.status, r.failReason])).toEqual([
      [newer, 'SUCCEEDED', null],
      [older, 'FAILED', 'ACCOUNT_ABNORMAL'],
    ]);
    expect(await db().sandboxWechatRefund.count({ where: { mchId, outRefundNo: failedRefund } })).toBe(0);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ refundReservedAmount: 0, refundedAmount: 0, splitAmount: 100 });
    expect((await db().splitLine.findMany({ where: { splitSerialNo: { in: [older, newer] } }, orderBy: { amount: 'asc' } })).map((l) => [l.splitSerialNo, l.returnedAmount]).sort()).toEqual(
      [
        [newer, 100],
        [older, 0],
      ].sort(),
    );
    expect(await db().splitReturn.count({ where: { line: { split: { serialNo } }, status: 'PROCESSING' } })).toBe(0);
    const event = await webhookOf('refund.failed', failedRefund);
    expect(event.data).toMatchObject({ refund: { status: 'FAILED' }, payment: { splitAmount: 100, refundedAmount: 0 } });
    expect(await db().alert.count({ where: { kind: 'REFUND_FAILED', serialNo } })).toBe(1);

    const again = await refund(serialNo, 'AGAIN', 1_000);
    expect(await settledRefund(again.body.refund.refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await returnsOf(again.body.refund.refundSerialNo)).map((r) => [r.splitSerialNo, r.amount, r.status])).toEqual([[older, 100, 'SUCCEEDED']]);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 0, refundReservedAmount: 1_000, refundedAmount: 1_000 });
  });

  it('money split to a personal openid cannot come back at WeChat Pay: the refund fails and its reservation is released', async () => {
    const { serialNo } = await paid(1_000);
    await split(serialNo, 'P', [[person, 100]]);
    const answer = await refund(serialNo, 'P', 950);
    expect(answer.body.refund.status).toBe('FAILED');
    expect((await returnsOf(answer.body.refund.refundSerialNo)).map((r) => [r.status, r.failReason])).toEqual([['FAILED', expect.stringContaining('RETURN_NOT_SUPPORTED')]]);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ refundReservedAmount: 0, splitAmount: 100 });
    expect((await refund(serialNo, 'P2', 900)).status).toBe(201);
  });

  it('the refund query makes returns whose answers were lost, asking the channel first, then sends the refund', async () => {
    const { serialNo } = await paid(1_000);
    const splitSerialNo = await split(serialNo, 'Q', [[cleaner, 100]]);
    const refundSerialNo = await reservedUnsentRefund({ serialNo, splitSerialNo, refundNo: 'Q' });
    await queryDueRefunds({ now: new Date(Date.now() + 10 * 60_000) });
    expect(await settledRefund(refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await returnsOf(refundSerialNo)).toMatchObject([{ status: 'SUCCEEDED', channelReturnNo: expect.any(String) }]);
    expect(await db().sandboxWechatReturnOrder.count({ where: { mchId, order: { outOrderNo: splitSerialNo } } })).toBe(1);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 0, refundedAmount: 1_000 });
  });

  it('20 concurrent splits and refunds never let splits − returns + refunds pass the paid amount', async () => {
    const { serialNo } = await paid(2_000);
    await split(serialNo, 'PRE', [[cleaner, 150], [repairs, 150]]);
    // Ten refunds of 250 (eight fit, the later ones only with money back from receivers) race ten splits of 60.
    await raceSplitsAndRefunds(tenant, serialNo, { receivers: [cleaner, repairs], splitAmount: 60 });
    expect(await db().splitReturn.count({ where: { line: { split: { serialNo } }, status: 'SUCCEEDED' } })).toBeGreaterThan(0);
    await expectExactSplitBooks(serialNo);
  });
});
