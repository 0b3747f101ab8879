import { db } from '@/server/db/client';
import { Prisma, type Payment } from '@/server/db/generated/client';
import type { SplitWithLines } from '@/server/contract/split';
import { AppError } from '@/server/errors/app-error';
import { nextRefundQueryAt } from '../refunds/refund-query-schedule';
import { newSerialNo } from '../serial-numbers';
import { sendSplit } from './send-split';
import { splitsOf, splitTradeNo } from './split-channel';
import { splittableAmount } from './splittable-amount';

export interface SplitRequest {
  appId: string;
  serialNo: string;
  splitNo: string;
  receivers: Array<{ receiverId: string; amount: number; description: string }>;
  finish: boolean;
}

export interface CreatedSplit {
  /** False for an idempotent repeat: the split made by the first request, sent to the channel once. */
  created: boolean;
  split: SplitWithLines;
  payment: Payment;
}

const sameContent = (split: SplitWithLines, request: SplitRequest) =>
  split.serialNo === request.serialNo &&
  split.finish === request.finish &&
  split.lines.length === request.receivers.length &&
  [...split.lines]
    .sort((a, b) => a.position - b.position)
    .every((line, i) => line.receiverId === request.receivers[i]!.receiverId && line.amount === request.receivers[i]!.amount && line.description === request.receivers[i]!.description);

/** An earlier split with this (appId, splitNo): the same request again, or a conflicting one. */
async function earlierSplit(request: SplitRequest): Promise<CreatedSplit | null> {
  const split = await db().split.findUnique({ where: { appId_splitNo: { appId: request.appId, splitNo: request.splitNo } }, include: { lines: true } });
  if (!split) return null;
  if (!sameContent(split, request)) throw new AppError('SPLIT_CONFLICT', 'A split with this splitNo exists with other content.', { splitSerialNo: split.splitSerialNo });
  return { created: false, split, payment: await db().payment.findUniqueOrThrow({ where: { serialNo: split.serialNo } }) };
}

/** Each receiver must be an active one of the payment's own payment channel (so of its company), once. */
async function checkReceivers(payment: Payment, request: SplitRequest): Promise<void> {
  const ids = request.receivers.map((receiver) => receiver.receiverId);
  const found = await db().splitReceiver.findMany({ where: { id: { in: ids }, paymentChannelId: payment.paymentChannelId ?? '', status: 'ACTIVE' }, select: { id: true } });
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (!found.some((receiver) => receiver.id === id)) fields[`receivers[${i}].receiverId`] = 'no such receiver for this payment ID';
    else if (ids.indexOf(id) !== i) fields[`receivers[${i}].receiverId`] = 'appears twice; one line per receiver';
  });
  if (Object.keys(fields).length > 0) throw AppError.invalidFields(fields);
}

/** Why nothing was reserved, read after the conditional update refused. */
async function refusal(serialNo: string): Promise<AppError> {
  const payment = await db().payment.findUniqueOrThrow({ where: { serialNo }, include: { paymentChannel: true } });
  if (payment.splitFinishRequestedAt) return new AppError('SPLIT_FINISHED');
  if (payment.status !== 'SUCCEEDED' || !payment.profitSharing) return new AppError('SPLIT_NOT_ALLOWED');
  return new AppError('SPLIT_AMOUNT_EXCEEDED', undefined, { splittableAmount: splittableAmount(payment, payment.paymentChannel?.maxSplitRatioBps ?? 0) });
}

/**
 * Reserves the amount on the payment by one conditional UPDATE, which refuses (whatever runs
 * concurrently) a split past floor(amount × maxSplitRatio) or past what refunds left, or after a
 * finish, and records the PROCESSING split with its lines in the same transaction; null when refused.
 */
async function reserveSplit(options: { payment: Payment; request: SplitRequest; amount: number; now: Date }): Promise<SplitWithLines | null> {
  const { payment, request, amount, now } = options;
  const splitSerialNo = newSerialNo('S', now);
  return db().$transaction(async (tx) => {
    const reserved = await tx.$executeRaw`
      UPDATE "Payment" AS p SET "splitAmount" = p."splitAmount" + ${amount},
        "splitFinishRequestedAt" = CASE WHEN ${request.finish} THEN ${now}::timestamptz ELSE p."splitFinishRequestedAt" END
      FROM "PaymentChannel" AS c
      WHERE p."serialNo" = ${payment.serialNo} AND c."id" = p."paymentChannelId"
        AND p."status" = 'SUCCEEDED' AND p."profitSharing" AND p."splitFinishRequestedAt" IS NULL
        AND (p."splitAmount" + ${amount})::bigint * 10000 <= p."amount"::bigint * c."maxSplitRatioBps"
        AND p."splitAmount" + ${amount} <= p."amount" - p."refundReservedAmount"`;
    if (reserved === 0) return null;
    return tx.split.create({
      data: {
        splitSerialNo,
        splitNo: request.splitNo,
        serialNo: payment.serialNo,
        appId: payment.appId,
        merchantId: payment.merchantId,
        companyId: payment.companyId,
        amount,
        finish: request.finish,
        // Same backoff as refunds: the query settles a split whose answer was lost.
        nextQueryAt: nextRefundQueryAt({ now, queriesDone: 0 }),
        createdAt: now,
        lines: { create: request.receivers.map((receiver, position) => ({ position, ...receiver })) },
      },
      include: { lines: true },
    });
  });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * POST /api/v1/payments/{serialNo}/splits. Checks everything that makes the request wrong before
 * anything is stored, reserves the amount in the database with the PROCESSING split, then asks the
 * channel outside the transaction. Apps make splits idempotent with their splitNo.
 */
export async function createSplit(options: SplitRequest & { now?: Date }): Promise<CreatedSplit> {
  const { now = new Date(), ...request } = options;
  const payment = await db().payment.findUnique({ where: { serialNo: request.serialNo }, include: { paymentChannel: true } });
  if (!payment || payment.appId !== request.appId) throw new AppError('NOT_FOUND');
  const repeat = await earlierSplit(request);
  if (repeat) return repeat;
  if (payment.paymentChannel) splitsOf(payment.paymentChannel);
  if (payment.status !== 'SUCCEEDED' || !payment.profitSharing) throw new AppError('SPLIT_NOT_ALLOWED');
  splitTradeNo(payment);
  if (payment.splitFinishRequestedAt) throw new AppError('SPLIT_FINISHED');
  await checkReceivers(payment, request);
  const amount = request.receivers.reduce((sum, receiver) => sum + receiver.amount, 0);
  // More than was paid never reaches the SQL (it could overflow the integer column there).
  if (amount > payment.amount) throw await refusal(payment.serialNo);

  let split: SplitWithLines | null = null;
  try {
    split = await reserveSplit({ payment, request, amount, now });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  if (!split) {
    // Refused, or a concurrent request with the same splitNo committed first: then this is its repeat.
    const raced = await earlierSplit(request);
    if (raced) return raced;
    throw await refusal(payment.serialNo);
  }
  const settled = await sendSplit({ splitSerialNo: split.splitSerialNo, payment, now });
  return { created: true, split: settled.split, payment: settled.payment };
}
