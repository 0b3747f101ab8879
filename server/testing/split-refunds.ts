// For integration tests of refunds of split payments: splits and refunds through the API, waiting for a
// refund to be final, its signed webhook, and checking that a payment's books (ours and the channel
// simulator's) agree after splits, returns and refunds.
import { expect } from 'vitest';
import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { newSerialNo } from '@/server/core/serial-numbers';
import { verifyWebhook, type EventType, type WebhookEvent } from '@paycenter/node';
import type { PaymentsTenant } from './payments-api';
import type { WebhookReceiver } from './webhook-receiver';

/** A split of the payment through the API, which the channel makes at once; its splitSerialNo. */
export async function splitOver(tenant: PaymentsTenant, serialNo: string, splitNo: string, receivers: Array<[string, number]>): Promise<string> {
  const answer = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, {
    splitNo: `${splitNo}-${serialNo.slice(-8)}`,
    receivers: receivers.map(([receiverId, amount]) => ({ receiverId, amount, description: '分成' })),
  });
  expect(answer.body.split.status).toBe('SUCCEEDED');
  return answer.body.split.splitSerialNo;
}

/** A refund of the payment through the API (refundNo made unique per payment); the API's answer. */
export const refundOver = (tenant: PaymentsTenant, serialNo: string, refundNo: string, amount: number) =>
  tenant.client.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `${refundNo}-${serialNo.slice(-8)}`, amount });

/** The refund's split returns in the order they were allocated. */
/**
 * Ten refunds of 250 fen race ten splits of `splitAmount` (alternating between two receivers) on one
 * payment, all at once over HTTP; each answer is accepted or refused (422), and every refund is final after.
 */
export async function raceSplitsAndRefunds(tenant: PaymentsTenant, serialNo: string, options: { receivers: [string, string]; splitAmount: number }) {
  const [first, second] = options.receivers;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `RS-${serialNo.slice(-8)}-${i}`, receivers: [{ receiverId: i % 4 === 1 ? first : second, amount: options.splitAmount, description: '并发' }] })
        : refundOver(tenant, serialNo, `RF-${i}`, 250),
    ),
  );
  expect(answers.map((answer) => answer.status).every((status) => status === 201 || status === 422)).toBe(true);
  const refunds = await db().refund.findMany({ where: { serialNo } });
  return Promise.all(refunds.map((r) => settledRefund(r.refundSerialNo)));
}

export const returnsOf = (refundSerialNo: string) => db().splitReturn.findMany({ where: { refundSerialNo }, orderBy: { sequence: 'asc' } });

/**
 * As if the process died right after reserving a full refund of the payment that takes back all of one
 * split's first line: the refund (due for its query) and its return recorded, the counters moved, nothing sent.
 */
export async function reservedUnsentRefund(options: { serialNo: string; splitSerialNo: string; refundNo: string }): Promise<string> {
  const { serialNo, splitSerialNo } = options;
  const line = await db().splitLine.findUniqueOrThrow({ where: { splitSerialNo_position: { splitSerialNo, position: 0 } } });
  const current = await db().payment.findUniqueOrThrow({ where: { serialNo } });
  const payment = await db().payment.update({ where: { serialNo }, data: { refundReservedAmount: current.amount, splitAmount: { decrement: line.amount } } });
  const refundSerialNo = newSerialNo('R');
  await db().refund.create({
    data: {
      refundSerialNo,
      refundNo: `${options.refundNo}-${serialNo.slice(-8)}`,
      serialNo,
      appId: payment.appId,
      merchantId: payment.merchantId,
      companyId: payment.companyId,
      amount: payment.amount,
      initiator: 'APP',
      nextQueryAt: new Date(),
      splitReturns: { create: [{ returnSerialNo: newSerialNo('B'), splitSerialNo, position: 0, sequence: 0, amount: line.amount }] },
    },
  });
  return refundSerialNo;
}

/** The refund once final (WeChat Pay answers PROCESSING and reports the result by callback). */
export async function settledRefund(refundSerialNo: string) {
  for (let i = 0; i < 100; i++) {
    const current = await db().refund.findUniqueOrThrow({ where: { refundSerialNo } });
    if (current.status !== 'PROCESSING') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${refundSerialNo} is still PROCESSING`);
}

/** The webhook of this type about this refund that the receiver got, its signature verified with the app's secret. */
export async function signedRefundWebhook(options: { receiver: WebhookReceiver; secret: string; type: EventType; refundSerialNo: string }): Promise<WebhookEvent> {
  const { receiver, secret, type, refundSerialNo } = options;
  for (let i = 0; i < 100; i++) {
    for (const webhook of receiver.received) {
      const event = verifyWebhook({ secret, timestamp: webhook.timestamp, signature: webhook.signature, rawBody: webhook.rawBody });
      if (event.type === type && (event.data as { refund: { refundSerialNo: string } }).refund?.refundSerialNo === refundSerialNo) return event;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${type} webhook for ${refundSerialNo}`);
}

/** What the channel simulator split and did not get back, and what it refunded, for the payment. */
async function channelBooks(payment: Pick<Payment, 'serialNo' | 'channel'>): Promise<{ split: number; refunded: number }> {
  if (payment.channel === 'ALIPAY') {
    // Refunds with refund_royalty_parameters lower settledFen by what they took back.
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { outTradeNo: payment.serialNo } });
    return { split: trade.settledFen, refunded: trade.refundedFen };
  }
  const trade = await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: payment.serialNo } });
  const channelReturns = await db().sandboxWechatReturnOrder.aggregate({ where: { order: { prepayId: trade.prepayId }, result: 'SUCCESS' }, _sum: { amountFen: true } });
  return { split: trade.sharedFen - (channelReturns._sum.amountFen ?? 0), refunded: trade.refundedFen };
}

/** The payment's counters agree with its splits, returns and refunds, and never pass the paid amount; nothing is left PROCESSING. */
export async function expectExactSplitBooks(serialNo: string): Promise<void> {
  const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
  const lines = await db().splitLine.aggregate({ where: { split: { serialNo }, status: 'SUCCEEDED' }, _sum: { amount: true, returnedAmount: true } });
  const returned = await db().splitReturn.aggregate({ where: { line: { split: { serialNo } }, status: 'SUCCEEDED' }, _sum: { amount: true } });
  const refunds = await db().refund.findMany({ where: { serialNo } });
  const reserved = refunds.filter((r) => r.status !== 'FAILED').reduce((sum, r) => sum + r.amount, 0);
  expect(refunds.every((r) => r.status !== 'PROCESSING')).toBe(true);
  expect(await db().splitReturn.count({ where: { line: { split: { serialNo } }, status: 'PROCESSING' } })).toBe(0);
  expect(lines._sum.returnedAmount ?? 0).toBe(returned._sum.amount ?? 0);
  expect(payment.splitAmount).toBe((lines._sum.amount ?? 0) - (returned._sum.amount ?? 0));
  expect(payment.refundReservedAmount).toBe(reserved);
  expect(payment.splitAmount + payment.refundReservedAmount).toBeLessThanOrEqual(payment.amount);
  // The channel's books agree: what it split less what came back, and what it refunded.
  expect(await channelBooks(payment)).toEqual({ split: payment.splitAmount, refunded: payment.refundedAmount });
}
