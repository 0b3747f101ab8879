import { db, type Tx } from '@/server/db/client';
import { Prisma, type Payment, type Refund } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { pluginFor } from '@/server/gateway/registry';
import { boundChannel } from '@/server/core/payments/channel-call';
import { newSerialNo } from '@/server/core/serial-numbers';
import { allocateSplitReturns, returnableAmount } from '../splits/return-allocation';
import { nextRefundQueryAt } from './refund-query-schedule';
import { sendRefund } from './send-refund';

export type RefundRequester =
  | { kind: 'APP'; appId: string; refundNo: string }
  /** A dashboard user; the backend has checked the permission and the company (createStaffRefund). */
  | { kind: 'STAFF'; userId: string }
  | { kind: 'DUPLICATE_PAYMENT' };

export interface CreatedRefund {
  /** False for an idempotent repeat: the refund made by the first request, sent to the channel once. */
  created: boolean;
  refund: Refund;
  payment: Payment;
}

/** What the caller records with the refund, in the transaction that reserves it (the backend's audit row). */
export type RecordWithRefund = (tx: Tx, refund: Refund) => Promise<void>;

/** The payment as the requester may see it: another app's payment does not exist. */
async function findPaymentFor(serialNo: string, by: RefundRequester): Promise<Payment> {
  const payment = await db().payment.findUnique({ where: { serialNo } });
  if (!payment) throw new AppError('NOT_FOUND');
  if (by.kind === 'APP' && payment.appId !== by.appId) throw new AppError('NOT_FOUND');
  return payment;
}

/** An earlier refund with this (appId, refundNo): the same request again, or a conflicting one. */
async function earlierRefund(options: { appId: string; refundNo: string; serialNo: string; amount: number }): Promise<CreatedRefund | null> {
  const refund = await db().refund.findUnique({ where: { appId_refundNo: { appId: options.appId, refundNo: options.refundNo } } });
  if (!refund) return null;
  if (refund.serialNo !== options.serialNo || refund.amount !== options.amount) {
    throw new AppError('REFUND_CONFLICT', 'A refund with this refundNo exists for another payment or amount.', { refundSerialNo: refund.refundSerialNo });
  }
  const payment = await db().payment.findUniqueOrThrow({ where: { serialNo: refund.serialNo } });
  return { created: false, refund, payment };
}

/** Why nothing was reserved: what is refundable is what neither refunds nor receivers hold, and what receivers can give back now. */
async function refusal(serialNo: string): Promise<AppError> {
  const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
  if (payment.status !== 'SUCCEEDED') return notRefundable(payment);
  const returnable = await returnableAmount(db(), serialNo);
  return new AppError('REFUND_AMOUNT_EXCEEDED', undefined, { refundableAmount: payment.amount - payment.refundReservedAmount - payment.splitAmount + returnable });
}

function notRefundable(payment: Payment): AppError {
  return new AppError('CONFLICT', `Only a SUCCEEDED payment can be refunded; this one is ${payment.status}.`, { status: payment.status });
}

/**
 * Reserves the refund on the payment row; answers the fen receivers must give back for it, or null
 * when it does not fit. The payment row's lock orders this against concurrent refunds and splits
 * (the lock is held until commit, so keep this transaction short: one statement when splits leave
 * enough free, as almost always).
 */
async function reserveOnPayment(tx: Tx, serialNo: string, amount: number): Promise<number | null> {
  const direct = await tx.$executeRaw`
    UPDATE "Payment" SET "refundReservedAmount" = "refundReservedAmount" + ${amount}
    WHERE "serialNo" = ${serialNo} AND "status" = 'SUCCEEDED' AND "refundReservedAmount" + ${amount} <= "amount" - "splitAmount"`;
  if (direct === 1) return 0;
  const [locked] = await tx.$queryRaw<Array<Pick<Payment, 'amount' | 'refundReservedAmount' | 'splitAmount'>>>`
    SELECT "amount", "refundReservedAmount", "splitAmount" FROM "Payment" WHERE "serialNo" = ${serialNo} FOR NO KEY UPDATE`;
  if (!locked) return null;
  // The part of the refund that neither earlier refunds nor splits leave free (the values hold under the lock).
  const fromReceivers = Math.max(0, locked.refundReservedAmount + amount + locked.splitAmount - locked.amount);
  const reserved = await tx.$executeRaw`
    UPDATE "Payment" SET "refundReservedAmount" = "refundReservedAmount" + ${amount}, "splitAmount" = "splitAmount" - ${fromReceivers}
    WHERE "serialNo" = ${serialNo} AND "status" = 'SUCCEEDED' AND "refundReservedAmount" + ${amount} <= "amount"`;
  return reserved === 1 ? fromReceivers : null;
}

/**
 * Reserves the amount and records the PROCESSING refund (and what the caller records with it) together;
 * null when the amount does not fit. Beyond what splits leave free, the refund takes money back from
 * receivers: that part leaves splitAmount in the same UPDATE (so splits − returns + refunds never pass
 * the paid amount, a CHECK of the database) and is allocated to split returns in this transaction.
 */
async function reserveRefund(options: {
  payment: Payment;
  refundSerialNo: string;
  refundNo: string;
  amount: number;
  by: RefundRequester;
  reason: string | null;
  recordWith?: RecordWithRefund;
  now: Date;
}): Promise<Refund | null> {
  const { payment, refundSerialNo, amount, by, now } = options;
  const { serialNo } = payment;
  const reason = options.reason ?? (by.kind === 'DUPLICATE_PAYMENT' ? 'Duplicate payment' : null);
  return db().$transaction(async (tx) => {
    const fromReceivers = await reserveOnPayment(tx, serialNo, amount);
    if (fromReceivers === null) return null;
    const refund = await tx.refund.create({
      data: {
        refundSerialNo,
        refundNo: options.refundNo,
        serialNo,
        appId: payment.appId,
        merchantId: payment.merchantId,
        companyId: payment.companyId,
        amount,
        reason,
        initiator: by.kind,
        actorUserId: by.kind === 'STAFF' ? by.userId : null,
        nextQueryAt: nextRefundQueryAt({ now, queriesDone: 0 }),
        createdAt: now,
      },
    });
    if (fromReceivers > 0 && !(await allocateSplitReturns(tx, { serialNo, refundSerialNo, amount: fromReceivers, now }))) throw new ReceiversCannotGiveBack();
    await options.recordWith?.(tx, refund);
    return refund;
  });
}

/** Rolls the reservation back: part of the split money is in splits still PROCESSING, which cannot give it back yet. */
class ReceiversCannotGiveBack extends Error {}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Refunds part or all of a SUCCEEDED payment. The amount is reserved on the payment by one conditional
 * UPDATE (the database refuses any reservation past the paid amount, whatever runs concurrently —
 * splits reserve against refunds the same way) in the transaction that records the PROCESSING refund
 * and the returns of split money it needs; only then, outside the transaction, are the receivers and
 * the channel asked. Apps make refunds idempotent with their refundNo; a duplicate payment is refunded
 * in full once, however often this is called for it.
 */
export async function createRefund(options: {
  serialNo: string;
  amount: number;
  reason?: string | null;
  by: RefundRequester;
  recordWith?: RecordWithRefund;
  now?: Date;
}): Promise<CreatedRefund> {
  const { serialNo, amount, by } = options;
  const now = options.now ?? new Date();
  if (!Number.isSafeInteger(amount) || amount <= 0) throw AppError.invalidFields({ amount: 'expected a positive integer number of fen' });
  const payment = await findPaymentFor(serialNo, by);
  if (by.kind === 'DUPLICATE_PAYMENT' && amount !== payment.amount) throw AppError.invalidFields({ amount: 'a duplicate payment is refunded in full' });

  const refundSerialNo = newSerialNo('R', now);
  const refundNo = by.kind === 'APP' ? by.refundNo : by.kind === 'STAFF' ? `STAFF-${refundSerialNo}` : `DUP-${serialNo}`;
  const key = { appId: payment.appId, refundNo, serialNo, amount };
  const repeat = await earlierRefund(key);
  if (repeat) return repeat;
  if (payment.status !== 'SUCCEEDED') throw notRefundable(payment);
  // A channel without a plugin fails here, before any money is reserved.
  pluginFor(boundChannel(payment).channel);
  // More than was paid never reaches the SQL (it could overflow the integer column there).
  if (amount > payment.amount) throw await refusal(serialNo);

  let refund: Refund | null = null;
  try {
    refund = await reserveRefund({ payment, refundSerialNo, refundNo, amount, by, reason: options.reason ?? null, recordWith: options.recordWith, now });
  } catch (error) {
    if (!isUniqueViolation(error) && !(error instanceof ReceiversCannotGiveBack)) throw error;
  }
  if (!refund) {
    // Nothing reserved, or the unique index refused the refundNo: a concurrent request with the same
    // refundNo may have committed first, and then this is its repeat.
    const raced = await earlierRefund(key);
    if (raced) return raced;
    throw await refusal(serialNo);
  }

  const settled = await sendRefund({ refund, payment, now });
  return { created: true, refund: settled.refund, payment: settled.payment };
}
