import { db } from '@/server/db/client';
import type { Order, Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { ChannelError } from '@/server/gateway/channel-error';
import { channelAppError } from '../payments/channel-call';
import { newSerialNo } from '../serial-numbers';
import { splitChannelOf, splitsOf, splitTradeNo } from './split-channel';

/**
 * POST /api/v1/payments/{serialNo}/splits/finish: releases what the channel still holds to the
 * merchant (WeChat Pay unfreeze, Alipay settle with royalty_finish) and ends splitting. Idempotent:
 * the release's order number is claimed once (conditional update) and reused by every repeat; a
 * finished payment is answered as it is, and so is one whose last split carries the finish. A refusal by the channel withdraws the
 * finish (502); an unknown outcome keeps it for the next call to settle.
 */
export async function finishSplits(options: { appId: string; serialNo: string; now?: Date }): Promise<Payment & { order: Order }> {
  const now = options.now ?? new Date();
  const { serialNo } = options;
  const payment = await db().payment.findUnique({ where: { serialNo }, include: { paymentChannel: true, order: true } });
  if (!payment || payment.appId !== options.appId) throw new AppError('NOT_FOUND');
  if (payment.paymentChannel) splitsOf(payment.paymentChannel);
  if (payment.status !== 'SUCCEEDED' || !payment.profitSharing) throw new AppError('SPLIT_NOT_ALLOWED');
  if (payment.splitFinishedAt) return payment;

  await db().payment.updateMany({
    where: { serialNo, splitFinishRequestedAt: null },
    data: { splitFinishRequestedAt: now, splitFinishOrderNo: newSerialNo('S', now) },
  });
  const claimed = await db().payment.findUniqueOrThrow({ where: { serialNo }, include: { order: true } });
  // A split with finish: true releases the rest itself.
  if (!claimed.splitFinishOrderNo) return claimed;

  const { splits, account } = await splitChannelOf(claimed);
  try {
    const released = await splits.finishSplit({ account, serialNo, channelTradeNo: splitTradeNo(claimed), finishOrderNo: claimed.splitFinishOrderNo });
    if (released.state !== 'FINISHED') return claimed;
  } catch (error) {
    if (error instanceof ChannelError && !error.retryable) {
      await db().payment.updateMany({ where: { serialNo, splitFinishOrderNo: claimed.splitFinishOrderNo, splitFinishedAt: null }, data: { splitFinishRequestedAt: null, splitFinishOrderNo: null } });
    }
    throw channelAppError(error, { serialNo });
  }
  await db().payment.updateMany({ where: { serialNo, splitFinishedAt: null }, data: { splitFinishedAt: now } });
  return db().payment.findUniqueOrThrow({ where: { serialNo }, include: { order: true } });
}
