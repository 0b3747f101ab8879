// The channel's lines no record of ours near the day matched: either we have the trade in another state
// (or succeeded far from the day): STATUS_MISMATCH; or we have nothing: CHANNEL_ONLY (长款).
import { db } from '@/server/db/client';
import { lineSide, type UnmatchedLine } from './compare-bill';
import type { Discrepancy } from './discrepancy';

const BATCH = 1000;

async function ourStates(paymentChannelId: string, lines: UnmatchedLine[]): Promise<Map<string, { status: string; amount: number }>> {
  const states = new Map<string, { status: string; amount: number }>();
  const payments = lines.filter((line) => line.kind === 'payment').map((line) => line.outTradeNo);
  const refunds = lines.filter((line) => line.kind === 'refund').map((line) => line.outRefundNo);
  for (let at = 0; at < payments.length; at += BATCH) {
    const found = await db().payment.findMany({ where: { paymentChannelId, serialNo: { in: payments.slice(at, at + BATCH) } }, select: { serialNo: true, status: true, amount: true, paidAt: true } });
    for (const payment of found) states.set(`payment:${payment.serialNo}`, { status: payment.paidAt ? `${payment.status} on ${payment.paidAt.toISOString()}` : payment.status, amount: payment.amount });
  }
  for (let at = 0; at < refunds.length; at += BATCH) {
    const found = await db().refund.findMany({
      where: { payment: { paymentChannelId }, refundSerialNo: { in: refunds.slice(at, at + BATCH) } },
      select: { refundSerialNo: true, status: true, amount: true, succeededAt: true },
    });
    for (const refund of found) states.set(`refund:${refund.refundSerialNo}`, { status: refund.succeededAt ? `${refund.status} on ${refund.succeededAt.toISOString()}` : refund.status, amount: refund.amount });
  }
  return states;
}

export async function explainUnmatched(options: { paymentChannelId: string; lines: UnmatchedLine[] }): Promise<Discrepancy[]> {
  const states = await ourStates(options.paymentChannelId, options.lines);
  return options.lines.map((line) => {
    const ours = states.get(line.kind === 'payment' ? `payment:${line.outTradeNo}` : `refund:${line.outRefundNo}`);
    if (!ours) return lineSide(line, { kind: 'CHANNEL_ONLY', detail: `the channel has this ${line.kind}, PayCenter has no record of it` });
    return lineSide(line, { kind: 'STATUS_MISMATCH', ourAmount: ours.amount, ourStatus: ours.status, detail: `succeeded at the channel, ${ours.status} with us` });
  });
}
