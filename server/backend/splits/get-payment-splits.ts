import { z } from 'zod';
import { db } from '@/server/db/client';
import { AppError } from '@/server/errors/app-error';
import { assertCan, assertInScope } from '@/server/backend/access/permissions';
import type { Actor } from '@/server/backend/audit/record-audit';
import { splittableAmount } from '@/server/core/splits/splittable-amount';
import { maskedAccount } from './receiver-view';
import { splitTimeline } from './split-timeline';

export const paymentSplitsInput = z.object({ serialNo: z.string().trim().min(1).max(64) });

/**
 * A payment's splitting as staff see it: what was split and what can still be, each split with its
 * receivers' lines, whether the rest was released, and a timeline. Another company's payment is
 * "not found", never "forbidden".
 */
export async function getPaymentSplits(options: { actor: Actor; serialNo: string }) {
  assertCan(options.actor, 'payment.read');
  const payment = await db().payment.findUnique({ where: { serialNo: options.serialNo }, include: { paymentChannel: { select: { maxSplitRatioBps: true } } } });
  if (!payment) throw new AppError('NOT_FOUND');
  assertInScope(options.actor, payment.companyId);
  const rows = await db().split.findMany({
    where: { serialNo: payment.serialNo },
    orderBy: { createdAt: 'asc' },
    include: { lines: { orderBy: { position: 'asc' }, include: { receiver: true, returns: { orderBy: { createdAt: 'asc' } } } } },
  });
  const splits = rows.map((split) => ({
    splitSerialNo: split.splitSerialNo,
    splitNo: split.splitNo,
    amount: split.amount,
    status: split.status,
    finish: split.finish,
    channelSplitNo: split.channelSplitNo,
    failureCode: split.failureCode,
    failureMessage: split.failureMessage,
    createdAt: split.createdAt,
    finishedAt: split.finishedAt,
    lines: split.lines.map((line) => ({
      position: line.position,
      receiverId: line.receiverId,
      receiverAccount: maskedAccount(line.receiver),
      accountType: line.receiver.accountType,
      relationType: line.receiver.relationType,
      customRelation: line.receiver.customRelation,
      amount: line.amount,
      description: line.description,
      status: line.status,
      failReason: line.failReason,
      channelDetailId: line.channelDetailId,
      returnedAmount: line.returnedAmount,
    })),
    /** Money taken back from this split's receivers for refunds, in the order it was asked. */
    returns: split.lines
      .flatMap((line) =>
        line.returns.map((back) => ({
          returnSerialNo: back.returnSerialNo,
          refundSerialNo: back.refundSerialNo,
          position: line.position,
          receiverAccount: maskedAccount(line.receiver),
          amount: back.amount,
          status: back.status,
          channelReturnNo: back.channelReturnNo,
          failReason: back.failReason,
          createdAt: back.createdAt,
          finishedAt: back.finishedAt,
        })),
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  }));
  const open = payment.status === 'SUCCEEDED' && payment.profitSharing && !payment.splitFinishRequestedAt;
  return {
    serialNo: payment.serialNo,
    profitSharing: payment.profitSharing,
    splitAmount: payment.splitAmount,
    splittableAmount: open ? splittableAmount(payment, payment.paymentChannel?.maxSplitRatioBps ?? 0) : 0,
    /** Staff may ask (again) for the release until the channel has made it. */
    finishable: payment.status === 'SUCCEEDED' && payment.profitSharing && !payment.splitFinishedAt,
    finishRequestedAt: payment.splitFinishRequestedAt,
    finishedAt: payment.splitFinishedAt,
    splits,
    timeline: splitTimeline({ payment, splits }),
  };
}
