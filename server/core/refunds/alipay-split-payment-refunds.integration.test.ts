// Refunds of split payments (api-contract.md "Refunds of split payments") over HTTP on Alipay, where the
// money comes back from receivers inside the refund itself (refund_royalty_parameters): a refund within
// what splits leave free goes alone; a larger one names each receiver's sum, newest split first, and
// Alipay takes it back or refuses the whole refund. The real route handlers, plugin and alipay-sdk, the
// Alipay simulator enforcing Alipay's rules, a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { shrinkAlipayReceiverShare } from '@/server/sandbox/alipay/testing/receiver-share';
import { openAppSecret } from '@/server/security/app-secret';
import type { EventType } from '@paycenter/node';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
import { alipaySplitReceivers, paidAlipayPayment } from '@/server/testing/split-payments';
import { expectExactSplitBooks, raceSplitsAndRefunds, refundOver, reservedUnsentRefund, returnsOf, settledRefund, signedRefundWebhook, splitOver } from '@/server/testing/split-refunds';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { queryDueRefunds } from './sync-refund';

let server: RunningServer;
let tenant: PaymentsTenant;
let receiver: WebhookReceiver;
let secret: string;
/** A receiver by Alipay user id, and one by logon name. */
let cleaner: string;
let repairs: string;

const CLEANER_USER_ID = '2088102146225135';
const REPAIRS_LOGON = 'repair@garden.example';

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  [cleaner, repairs] = await alipaySplitReceivers(tenant);
  secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

const paid = (amount: number) => paidAlipayPayment(tenant, { amount, notifyUrl: receiver.url });
const split = (serialNo: string, splitNo: string, receivers: Array<[string, number]>) => splitOver(tenant, serialNo, splitNo, receivers);
const refund = (serialNo: string, refundNo: string, amount: number) => refundOver(tenant, serialNo, refundNo, amount);
const webhookOf = (type: EventType, refundSerialNo: string) => signedRefundWebhook({ receiver, secret, type, refundSerialNo });
/** The refund as the simulated Alipay made it (royaltyReturns in fen), or null when it was refused. */
const channelRefundOf = (serialNo: string, refundSerialNo: string) => db().sandboxAlipayRefund.findFirst({ where: { outRequestNo: refundSerialNo, trade: { appId: tenant.alipayAppId, outTradeNo: serialNo } } });

describe('refunds of split payments on Alipay', () => {
  it('a refund within what the splits leave free goes alone: no returns, nothing taken back from receivers', async () => {
    const { serialNo } = await paid(1_000);
    await split(serialNo, 'D', [[cleaner, 150], [repairs, 100]]);

    const answer = await refund(serialNo, 'DIRECT', 750);
    expect(answer.status).toBe(201);
    const { refundSerialNo } = answer.body.refund;
    expect(await settledRefund(refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await returnsOf(refundSerialNo)).toEqual([]);
    expect(await channelRefundOf(serialNo, refundSerialNo)).toMatchObject({ refundFen: 750, royaltyReturns: null });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 250, refundReservedAmount: 750, refundedAmount: 750 });
    const tooMuch = await refund(serialNo, 'TOO-MUCH', 251);
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 250 } });
    await expectExactSplitBooks(serialNo);
  });

  it('a full refund of a payment split twice takes each receiver’s sum back inside the refund, newest split first, and succeeds with exact books', async () => {
    const { serialNo } = await paid(1_000);
    const older = await split(serialNo, 'OLD', [[cleaner, 100], [repairs, 50]]);
    const newer = await split(serialNo, 'NEW', [[repairs, 60], [cleaner, 40]]);

    const answer = await refund(serialNo, 'FULL', 1_000);
    expect(answer.status).toBe(201);
    expect(answer.body.refund).toMatchObject({ status: 'SUCCEEDED', amount: 1_000 });
    const { refundSerialNo } = answer.body.refund;

    expect((await returnsOf(refundSerialNo)).map((r) => [r.splitSerialNo, r.position, r.amount, r.status, r.finishedAt !== null])).toEqual([
      [newer, 0, 60, 'SUCCEEDED', true],
      [newer, 1, 40, 'SUCCEEDED', true],
      [older, 0, 100, 'SUCCEEDED', true],
      [older, 1, 50, 'SUCCEEDED', true],
    ]);
    const lines = await db().splitLine.findMany({ where: { splitSerialNo: { in: [older, newer] } } });
    expect(lines.map((line) => line.returnedAmount === line.amount)).toEqual([true, true, true, true]);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 0, refundReservedAmount: 1_000, refundedAmount: 1_000 });

    // One alipay.trade.refund named each receiver once with its sum, in the order of the newest split.
    expect(await channelRefundOf(serialNo, refundSerialNo)).toMatchObject({
      refundFen: 1_000,
      royaltyReturns: [
        { trans_out_type: 'loginName', trans_out: REPAIRS_LOGON, amount: 110 },
        { trans_out_type: 'userId', trans_out: CLEANER_USER_ID, amount: 140 },
      ],
    });
    await expectExactSplitBooks(serialNo);

    const event = await webhookOf('refund.succeeded', refundSerialNo);
    expect(event.data).toMatchObject({ refund: { refundSerialNo, status: 'SUCCEEDED', amount: 1_000 }, payment: { serialNo, splitAmount: 0, refundedAmount: 1_000 } });
  });

  it('a refund Alipay refuses (a receiver holds less than it gives back) fails with the reason, nothing half done; a later refund works', async () => {
    const { serialNo } = await paid(1_000);
    const older = await split(serialNo, 'OLD', [[cleaner, 100]]);
    const newer = await split(serialNo, 'NEW', [[repairs, 100]]);
    const share = { appId: tenant.alipayAppId, outTradeNo: serialNo, account: CLEANER_USER_ID };
    await shrinkAlipayReceiverShare({ ...share, by: 1 });
    let failedRefund: string;
    try {
      const answer = await refund(serialNo, 'FAILS', 1_000);
      expect(answer.status).toBe(201);
      expect(answer.body.refund).toMatchObject({ status: 'FAILED', amount: 1_000, succeededAt: null });
      failedRefund = answer.body.refund.refundSerialNo;
    } finally {
      await shrinkAlipayReceiverShare({ ...share, by: -1 });
    }
    expect(await db().refund.findUniqueOrThrow({ where: { refundSerialNo: failedRefund } })).toMatchObject({
      status: 'FAILED',
      failureCode: 'ACQ.ALLOC_AMOUNT_VALIDATE_ERROR',
      failureMessage: expect.stringContaining('退分账金额超限'),
    });
    // Alipay refused the whole refund: no return was made, each stays with its receiver.
    expect((await returnsOf(failedRefund)).map((r) => [r.splitSerialNo, r.amount, r.status, r.failReason])).toEqual([
      [newer, 100, 'FAILED', expect.stringContaining('ACQ.ALLOC_AMOUNT_VALIDATE_ERROR')],
      [older, 100, 'FAILED', expect.stringContaining('ACQ.ALLOC_AMOUNT_VALIDATE_ERROR')],
    ]);
    expect(await channelRefundOf(serialNo, failedRefund)).toBeNull();
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 200, refundReservedAmount: 0, refundedAmount: 0 });
    expect((await db().splitLine.findMany({ where: { splitSerialNo: { in: [older, newer] } } })).map((line) => line.returnedAmount)).toEqual([0, 0]);
    expect(await db().splitReturn.count({ where: { line: { split: { serialNo } }, status: 'PROCESSING' } })).toBe(0);
    const event = await webhookOf('refund.failed', failedRefund);
    expect(event.data).toMatchObject({ refund: { refundSerialNo: failedRefund, status: 'FAILED' }, payment: { splitAmount: 200, refundedAmount: 0 } });
    expect(await db().alert.count({ where: { kind: 'REFUND_FAILED', serialNo } })).toBe(1);
    await expectExactSplitBooks(serialNo);

    const again = await refund(serialNo, 'AGAIN', 1_000);
    expect(await settledRefund(again.body.refund.refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await returnsOf(again.body.refund.refundSerialNo)).map((r) => [r.splitSerialNo, r.amount, r.status])).toEqual([
      [newer, 100, 'SUCCEEDED'],
      [older, 100, 'SUCCEEDED'],
    ]);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 0, refundReservedAmount: 1_000, refundedAmount: 1_000 });
    await expectExactSplitBooks(serialNo);
  });

  it('a refund a little over the free part takes back only what it lacks, from the newest split', async () => {
    const { serialNo } = await paid(1_000);
    const older = await split(serialNo, 'OLD', [[cleaner, 200]]);
    const newer = await split(serialNo, 'NEW', [[repairs, 100]]);

    const answer = await refund(serialNo, 'PART', 850);
    const { refundSerialNo } = answer.body.refund;
    expect(await settledRefund(refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await returnsOf(refundSerialNo)).map((r) => [r.splitSerialNo, r.amount, r.status])).toEqual([
      [newer, 100, 'SUCCEEDED'],
      [older, 50, 'SUCCEEDED'],
    ]);
    expect(await channelRefundOf(serialNo, refundSerialNo)).toMatchObject({
      refundFen: 850,
      royaltyReturns: [
        { trans_out_type: 'loginName', trans_out: REPAIRS_LOGON, amount: 100 },
        { trans_out_type: 'userId', trans_out: CLEANER_USER_ID, amount: 50 },
      ],
    });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ splitAmount: 150, refundedAmount: 850 });
    await expectExactSplitBooks(serialNo);
  });

  it('the refund query sends a refund Alipay never received with the same money back from receivers', async () => {
    const { serialNo } = await paid(1_000);
    const splitSerialNo = await split(serialNo, 'Q', [[cleaner, 100]]);
    const refundSerialNo = await reservedUnsentRefund({ serialNo, splitSerialNo, refundNo: 'Q' });
    await queryDueRefunds({ now: new Date(Date.now() + 10 * 60_000) });
    expect(await settledRefund(refundSerialNo)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await returnsOf(refundSerialNo)).toMatchObject([{ status: 'SUCCEEDED' }]);
    expect(await channelRefundOf(serialNo, refundSerialNo)).toMatchObject({ refundFen: 1_000, royaltyReturns: [{ trans_out_type: 'userId', trans_out: CLEANER_USER_ID, amount: 100 }] });
    await expectExactSplitBooks(serialNo);
  });

  it('20 concurrent splits and refunds never let splits − returns + refunds pass the paid amount, here or at Alipay', async () => {
    const { serialNo } = await paid(2_000);
    await split(serialNo, 'PRE', [[cleaner, 150], [repairs, 150]]);
    // Ten refunds of 250 (six fit, the later ones only with money back from receivers) race ten splits of 30.
    await raceSplitsAndRefunds(tenant, serialNo, { receivers: [cleaner, repairs], splitAmount: 30 });
    // Alipay never refuses what the allocation names: no receiver gives back more than it holds there.
    expect((await db().refund.findMany({ where: { serialNo } })).every((r) => r.status === 'SUCCEEDED')).toBe(true);
    expect(await db().splitReturn.count({ where: { line: { split: { serialNo } }, status: 'SUCCEEDED' } })).toBeGreaterThan(0);
    await expectExactSplitBooks(serialNo);
  });
});
