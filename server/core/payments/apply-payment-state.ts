import { db, type Tx } from '@/server/db/client';
import type { Order, Payment } from '@/server/db/generated/client';
import type { ChannelPaymentState } from '@/server/gateway/types';
import { logger } from '@/server/logging/logger';
import { metrics, paymentLabels } from '@/server/observability/metrics';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { dispatchEvents } from '@/server/messaging/dispatch-events';
import type { EventType } from '@/server/contract/event';
import { writeOutboxEvent, type WrittenEvent } from '@/server/messaging/write-outbox-event';
import { toPaymentObject } from '@/server/contract/payment';

/** What the channel says about an attempt, from a verified callback, an active query or a close. */
export interface ObservedPaymentState {
  state: ChannelPaymentState;
  channelTradeNo: string | null;
  /** Fen, as the channel reports it; null when the channel did not say. */
  amount: number | null;
  paidAt: Date | null;
  /** Why the payment failed, where the caller knows (FAILED). */
  failure?: { code: string; message: string };
}

export type ApplyOutcome = 'APPLIED' | 'UNCHANGED' | 'AMOUNT_MISMATCH';

export interface AppliedPaymentState {
  outcome: ApplyOutcome;
  payment: Payment;
  /** Set when this success was a second payment of an already paid order: it must be refunded. */
  duplicateOf: string | null;
}

/** Writes the event; it goes to `announced`, for the first webhook attempt after the commit. */
async function announce(tx: Tx, type: EventType, payment: Payment, order: Order, announced: WrittenEvent[]): Promise<void> {
  announced.push(
    await writeOutboxEvent(tx, { type, appId: payment.appId, companyId: payment.companyId, livemode: payment.livemode, serialNo: payment.serialNo, notifyUrl: payment.notifyUrl, data: { payment: toPaymentObject(payment, order) } }),
  );
}

/**
 * A paid attempt. PENDING → SUCCEEDED, and also CLOSED/FAILED → SUCCEEDED: the channel took the
 * money (the user paid while the attempt was being closed), so the record must say so. The first
 * paid attempt pays the order; a later one is a duplicate payment, flagged for a full refund.
 */
async function applySuccess(tx: Tx, payment: Payment, observed: ObservedPaymentState, now: Date, announced: WrittenEvent[]): Promise<AppliedPaymentState> {
  const [won] = await tx.payment.updateManyAndReturn({
    where: { serialNo: payment.serialNo, status: { in: ['PENDING', 'CLOSED', 'FAILED'] } },
    data: { status: 'SUCCEEDED', paidAt: observed.paidAt ?? now, channelTradeNo: observed.channelTradeNo ?? payment.channelTradeNo, nextQueryAt: null, failureCode: null, failureMessage: null },
  });
  if (!won) return { outcome: 'UNCHANGED', payment, duplicateOf: null };

  const [paidOrder] = await tx.order.updateManyAndReturn({ where: { id: payment.orderId, paidSerialNo: null }, data: { status: 'PAID', paidSerialNo: payment.serialNo } });
  if (paidOrder) {
    await announce(tx, 'payment.succeeded', won, paidOrder, announced);
    return { outcome: 'APPLIED', payment: won, duplicateOf: null };
  }
  const order = await tx.order.findUniqueOrThrow({ where: { id: payment.orderId } });
  const duplicateOf = order.paidSerialNo;
  const duplicate = await tx.payment.update({ where: { serialNo: payment.serialNo }, data: { duplicateOf } });
  await raiseAlert(tx, {
    kind: 'DUPLICATE_PAYMENT',
    companyId: payment.companyId,
    serialNo: payment.serialNo,
    message: `Order ${order.orderNo} was paid twice (${duplicateOf} and ${payment.serialNo}); the later payment is refunded in full.`,
    details: { orderId: order.id, first: duplicateOf, second: payment.serialNo, amount: payment.amount },
  });
  await announce(tx, 'payment.succeeded', duplicate, order, announced);
  return { outcome: 'APPLIED', payment: duplicate, duplicateOf };
}

type Ended = { status: 'CLOSED' } | { status: 'FAILED'; code: string; message: string };

/** The channel's time_expire is to the second (up to 1 s before ours), and clocks drift a little. */
const CHANNEL_CLOCK_GRACE_MS = 5_000;

/**
 * A trade the channel reports closed was closed at our request (app, expiry, a new attempt) or at its
 * timeout, which is our expiry: CLOSED. Closed unasked before then, the channel ended the payment
 * itself (Alipay closes the trade of a payment that cannot complete): FAILED.
 */
function endOfClosedTrade(payment: Payment, now: Date): Ended {
  if (payment.closeRequestedAt || payment.expiresAt.getTime() - CHANNEL_CLOCK_GRACE_MS <= now.getTime()) return { status: 'CLOSED' };
  return { status: 'FAILED', code: 'CHANNEL_CLOSED', message: 'The channel closed the trade unpaid before it expired.' };
}

/** An unpaid end, PENDING → CLOSED (payment.closed) or FAILED (payment.failed). */
async function applyEnded(tx: Tx, payment: Payment, ended: Ended, now: Date, announced: WrittenEvent[]): Promise<AppliedPaymentState> {
  const data =
    ended.status === 'CLOSED'
      ? { status: ended.status, closedAt: now, nextQueryAt: null }
      : { status: ended.status, failedAt: now, nextQueryAt: null, failureCode: ended.code, failureMessage: ended.message.slice(0, 500) };
  const [won] = await tx.payment.updateManyAndReturn({ where: { serialNo: payment.serialNo, status: 'PENDING' }, data, include: { order: true } });
  if (!won) return { outcome: 'UNCHANGED', payment, duplicateOf: null };
  const { order, ...updated } = won;
  await announce(tx, ended.status === 'CLOSED' ? 'payment.closed' : 'payment.failed', updated, order, announced);
  return { outcome: 'APPLIED', payment: updated, duplicateOf: null };
}

/**
 * Applies what the channel reported, as one conditional update in one transaction with its outbox
 * event, so that a callback racing a query, the same callback a hundred times, or two server
 * instances change the attempt at most once. Final states never go back, except a verified success.
 */
export async function applyPaymentState(options: {
  serialNo: string;
  observed: ObservedPaymentState;
  now?: Date;
  /** The attempt as the caller has just read it, outside any transaction (saves reading it again). */
  payment?: Payment;
}): Promise<AppliedPaymentState> {
  const { serialNo, observed } = options;
  const now = options.now ?? new Date();
  const payment = options.payment ?? (await db().payment.findUniqueOrThrow({ where: { serialNo } }));

  if (observed.state === 'SUCCEEDED' && observed.amount !== null && observed.amount !== payment.amount) {
    await raiseAlert(db(), {
      kind: 'AMOUNT_MISMATCH',
      companyId: payment.companyId,
      serialNo,
      message: `The channel reports ${serialNo} paid with ${observed.amount} fen, but the attempt is for ${payment.amount} fen; not applied.`,
      details: { expected: payment.amount, reported: observed.amount, channelTradeNo: observed.channelTradeNo },
    });
    return { outcome: 'AMOUNT_MISMATCH', payment, duplicateOf: null };
  }

  const announced: WrittenEvent[] = [];
  const result = await db().$transaction(async (tx) => {
    switch (observed.state) {
      case 'SUCCEEDED':
        return applySuccess(tx, payment, observed, now, announced);
      case 'FAILED': {
        const failure = observed.failure ?? { code: 'CHANNEL_FAILED', message: 'The channel reports the payment failed.' };
        return applyEnded(tx, payment, { status: 'FAILED', ...failure }, now, announced);
      }
      case 'CLOSED':
        return applyEnded(tx, payment, endOfClosedTrade(payment, now), now, announced);
      case 'PENDING':
      case 'NOT_FOUND': {
        if (observed.channelTradeNo && !payment.channelTradeNo) {
          await tx.payment.updateMany({ where: { serialNo, channelTradeNo: null }, data: { channelTradeNo: observed.channelTradeNo } });
        }
        return { outcome: 'UNCHANGED' as const, payment, duplicateOf: null };
      }
    }
  });
  dispatchEvents(announced);
  if (result.outcome === 'APPLIED') {
    metrics().paymentsFinished.inc({ status: result.payment.status, ...paymentLabels(result.payment) });
    logger().info({ serialNo, status: result.payment.status, duplicateOf: result.duplicateOf }, 'payment state changed');
  }
  return result;
}
