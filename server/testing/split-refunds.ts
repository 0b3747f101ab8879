// For integration tests of refunds of split payments: waiting for a refund to be final, and checking
// that a payment's books (ours and the WeChat Pay simulator's) agree after splits, returns and refunds.
import { expect } from 'vitest';
import { db } from '@/server/db/client';

/** The refund once final (WeChat Pay answers PROCESSING and reports the result by callback). */
export async function settledRefund(refundSerialNo: string) {
  for (let i = 0; i < 100; i++) {
    const current = await db().refund.findUniqueOrThrow({ where: { refundSerialNo } });
    if (current.status !== 'PROCESSING') return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${refundSerialNo} is still PROCESSING`);
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
  const trade = await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
  const channelReturns = await db().sandboxWechatReturnOrder.aggregate({ where: { order: { prepayId: trade.prepayId }, result: 'SUCCESS' }, _sum: { amountFen: true } });
  expect(trade.sharedFen - (channelReturns._sum.amountFen ?? 0)).toBe(payment.splitAmount);
  expect(trade.refundedFen).toBe(payment.refundedAmount);
}
