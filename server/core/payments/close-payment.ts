import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { ChannelError } from '@/server/gateway/channel-error';
import { logger } from '@/server/logging/logger';
import { applyPaymentState } from './apply-payment-state';
import { channelAppError, channelOf } from './channel-call';
import { syncPayment } from './sync-payment';

export type CloseReason = 'APP_REQUEST' | 'EXPIRED' | 'SUPERSEDED';

const alreadyPaid = (payment: Payment) => new AppError('ORDER_ALREADY_PAID', undefined, { serialNo: payment.serialNo });

/**
 * Closes a PENDING attempt at its channel, then locally (payment.closed). Idempotent. Only the
 * attempt closes, never its order: the app may start a new attempt of the order afterwards. A
 * channel that refuses because the trade was paid meanwhile is asked for the state, which is
 * applied: the payment reads SUCCEEDED, and the caller gets ORDER_ALREADY_PAID.
 */
export async function closePayment(options: { serialNo: string; reason: CloseReason; now?: Date }): Promise<Payment> {
  const now = options.now ?? new Date();
  const payment = await db().payment.findUnique({ where: { serialNo: options.serialNo } });
  if (!payment) throw new AppError('NOT_FOUND');
  if (payment.status === 'SUCCEEDED') throw alreadyPaid(payment);
  if (payment.status !== 'PENDING') return payment;

  logger().info({ serialNo: payment.serialNo, reason: options.reason }, 'closing payment attempt');
  // Before the channel hears of it, so that the close it may announce (Alipay's TRADE_CLOSED) reads as ours.
  await db().payment.updateMany({ where: { serialNo: payment.serialNo, status: 'PENDING', closeRequestedAt: null }, data: { closeRequestedAt: now } });
  // A CASHIER attempt whose payer never chose a channel exists only here.
  const target = payment.paymentChannelId ? await channelOf(payment) : null;
  try {
    await target?.plugin.closePayment({ account: target.account, serialNo: payment.serialNo });
  } catch (error) {
    if (!(error instanceof ChannelError) || error.retryable) throw channelAppError(error, { serialNo: payment.serialNo });
    // Refused for good (typically: paid meanwhile). The channel's own state decides.
    const synced = await syncPayment({ serialNo: payment.serialNo, now });
    if (synced.status === 'SUCCEEDED') throw alreadyPaid(synced);
    if (synced.status === 'PENDING') throw channelAppError(error, { serialNo: payment.serialNo });
    return synced;
  }
  const applied = await applyPaymentState({ serialNo: payment.serialNo, observed: { state: 'CLOSED', channelTradeNo: null, amount: null, paidAt: null }, now });
  if (applied.outcome === 'APPLIED') return applied.payment;
  // Another close, or the success callback, won the race: answer what the attempt now is.
  const current = await db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } });
  if (current.status === 'SUCCEEDED') throw alreadyPaid(current);
  return current;
}
