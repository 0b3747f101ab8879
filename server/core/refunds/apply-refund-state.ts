import { db, type Db, type Tx } from '@/server/db/client';
import type { Order, Payment, Refund } from '@/server/db/generated/client';
import { toPaymentObject } from '@/server/contract/payment';
import { toRefundObject } from '@/server/contract/refund';
import { raiseAlert } from '@/server/messaging/raise-alert';
import { dispatchEvents } from '@/server/messaging/dispatch-events';
import { writeOutboxEvent, type WrittenEvent } from '@/server/messaging/write-outbox-event';
import { settleSplitReturns } from '../splits/return-settlement';

export interface RefundStateChange {
  refundSerialNo: string;
  state: 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
  channelRefundNo?: string | null;
  failure?: { code: string; message: string };
  /** The split return whose refusal fails this refund (the channel's reason is `failReason`); the refund's later returns were never sent. */
  failedReturn?: { returnSerialNo: string; failReason: string; channelReturnNo: string | null };
  now?: Date;
}

export interface AppliedRefundState {
  /** False when the refund was already final (another callback, query or instance got there first) or stays PROCESSING. */
  changed: boolean;
  refund: Refund;
  payment: Payment & { order: Order };
}

async function current(client: Db | Tx, refundSerialNo: string): Promise<Omit<AppliedRefundState, 'changed'>> {
  const refund = await client.refund.findUniqueOrThrow({ where: { refundSerialNo } });
  const payment = await client.payment.findUniqueOrThrow({ where: { serialNo: refund.serialNo }, include: { order: true } });
  return { refund, payment };
}

/**
 * Settles the refund's split returns still PROCESSING with the refund: money taken back inside the
 * refund (Alipay) comes back with it or not at all; when a return was refused, that one FAILED with
 * its reason and the later ones, never sent, with it. Answers the fen that stay with the receivers.
 */
async function settleReturns(tx: Tx, change: RefundStateChange, now: Date): Promise<number> {
  const { refundSerialNo, failedReturn } = change;
  if (change.state === 'SUCCEEDED') {
    await settleSplitReturns(tx, { where: { refundSerialNo }, status: 'SUCCEEDED', now });
    return 0;
  }
  const refused = failedReturn
    ? await settleSplitReturns(tx, { where: { returnSerialNo: failedReturn.returnSerialNo }, status: 'FAILED', failReason: failedReturn.failReason, channelReturnNo: failedReturn.channelReturnNo, now })
    : 0;
  const reason = failedReturn ? `NOT_SENT: return ${failedReturn.returnSerialNo} failed first` : `REFUND_FAILED: ${change.failure?.code ?? 'UNKNOWN'} ${change.failure?.message ?? ''}`.trim();
  return refused + (await settleSplitReturns(tx, { where: { refundSerialNo }, status: 'FAILED', failReason: reason, now }));
}

/**
 * Moves a PROCESSING refund to its final state, once: the refund row changes only `WHERE status =
 * 'PROCESSING'`, so racing callers (the synchronous answer, the scheduled query, another instance)
 * cannot both apply it. The payment's totals move by atomic increments in the same transaction:
 * success adds to refundedAmount, failure gives the reserved amount back (and to splitAmount what
 * its returns did not take back from receivers). The event is written last.
 */
export async function applyRefundState(options: RefundStateChange): Promise<AppliedRefundState> {
  const { refundSerialNo, state } = options;
  const now = options.now ?? new Date();
  if (state === 'PROCESSING') return { changed: false, ...(await current(db(), refundSerialNo)) };

  const { serialNo } = await db().refund.findUniqueOrThrow({ where: { refundSerialNo }, select: { serialNo: true } });
  const announced: WrittenEvent[] = [];
  const result = await db().$transaction(async (tx) => {
    // Payment row first, then the refund: the order createRefund takes them in. The other order
    // deadlocks with a request inserting the same refundNo, whose unique check waits for this one.
    await tx.$executeRaw`SELECT 1 FROM "Payment" WHERE "serialNo" = ${serialNo} FOR NO KEY UPDATE`;
    const won = await tx.refund.updateMany({
      where: { refundSerialNo, status: 'PROCESSING' },
      data:
        state === 'SUCCEEDED'
          ? { status: 'SUCCEEDED', succeededAt: now, nextQueryAt: null, ...(options.channelRefundNo ? { channelRefundNo: options.channelRefundNo } : {}) }
          : {
              status: 'FAILED',
              failedAt: now,
              nextQueryAt: null,
              failureCode: options.failure?.code.slice(0, 64) ?? 'UNKNOWN',
              failureMessage: options.failure?.message.slice(0, 500) ?? null,
            },
    });
    if (won.count === 0) return { changed: false, ...(await current(tx, refundSerialNo)) };

    const refund = await tx.refund.findUniqueOrThrow({ where: { refundSerialNo } });
    const unreturned = await settleReturns(tx, options, now);
    // One statement: the database checks splits + refund reservations ≤ amount after each.
    const payment = await tx.payment.update({
      where: { serialNo },
      data:
        state === 'SUCCEEDED'
          ? { refundedAmount: { increment: refund.amount } }
          : { refundReservedAmount: { decrement: refund.amount }, ...(unreturned > 0 ? { splitAmount: { increment: unreturned } } : {}) },
      include: { order: true },
    });
    if (state === 'FAILED') {
      await raiseAlert(tx, {
        kind: 'REFUND_FAILED',
        companyId: refund.companyId,
        serialNo: refund.serialNo,
        message: `Refund ${refundSerialNo} of ${refund.amount} fen failed at the channel: ${refund.failureCode} ${refund.failureMessage ?? ''}`.trim(),
        details: { refundSerialNo, refundNo: refund.refundNo, amount: refund.amount, failureCode: refund.failureCode, initiator: refund.initiator },
      });
    }
    const written = await writeOutboxEvent(tx, {
      type: state === 'SUCCEEDED' ? 'refund.succeeded' : 'refund.failed',
      appId: refund.appId,
      companyId: refund.companyId,
      livemode: payment.livemode,
      serialNo: refund.serialNo,
      refundSerialNo,
      notifyUrl: payment.notifyUrl,
      data: { refund: toRefundObject(refund), payment: toPaymentObject(payment, payment.order, now) },
    });
    announced.push(written);
    return { changed: true, refund, payment };
  });
  dispatchEvents(announced);
  return result;
}
