import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { ChannelError } from '@/server/gateway/channel-error';
import { applyPaymentState } from './apply-payment-state';
import { channelAppError, channelOf } from './channel-call';
import { refundIfDuplicate } from './refund-if-duplicate';
import { syncPayment } from './sync-payment';

export type CloseReason = 'APP_REQUEST' | 'EXPIRED' | 'SUPERSEDED';

/**
 * Closes a PENDING attempt at its channel, then locally (payment.closed). Idempotent. When the app
 * asks, the order closes too (no further attempts). A channel that refuses because the trade was
 * paid meanwhile is asked for the state, which is applied: the payment reads SUCCEEDED, and the app
 * gets ORDER_ALREADY_PAID.
 */
export async function closePayment(options: { serialNo: string; reason: CloseReason; now?: Date }): Promise<Payment> {
  const now = options.now ?? new Date();
  const payment = await db().payment.findUnique({ where: { serialNo: options.serialNo } });
  if (!payment) throw new AppError('NOT_FOUND');
  const closeOrder = options.reason === 'APP_REQUEST';
  if (payment.status === 'SUCCEEDED') throw new AppError('ORDER_ALREADY_PAID', undefined, { serialNo: payment.serialNo });
  if (payment.status !== 'PENDING') {
    if (closeOrder) await db().order.updateMany({ where: { id: payment.orderId, status: 'OPEN' }, data: { status: 'CLOSED' } });
    return payment;
  }

  // A CASHIER attempt whose payer never chose a channel exists only here.
  const target = payment.paymentChannelId ? await channelOf(payment) : null;
  try {
    await target?.plugin.closePayment({ account: target.account, serialNo: payment.serialNo });
  } catch (error) {
    if (!(error instanceof ChannelError) || error.retryable) throw channelAppError(error, { serialNo: payment.serialNo });
    // Refused for good (typically: paid meanwhile). The channel's own state decides.
    const synced = await syncPayment({ serialNo: payment.serialNo, now });
    if (synced.status === 'SUCCEEDED') throw new AppError('ORDER_ALREADY_PAID', undefined, { serialNo: payment.serialNo });
    if (synced.status === 'PENDING') throw channelAppError(error, { serialNo: payment.serialNo });
    return synced;
  }
  const applied = await applyPaymentState({ serialNo: payment.serialNo, observed: { state: 'CLOSED', channelTradeNo: null, amount: null, paidAt: null }, closeOrder, now });
  await refundIfDuplicate(applied);
  if (applied.payment.status === 'SUCCEEDED' && closeOrder) throw new AppError('ORDER_ALREADY_PAID', undefined, { serialNo: payment.serialNo });
  return applied.outcome === 'UNCHANGED' ? db().payment.findUniqueOrThrow({ where: { serialNo: payment.serialNo } }) : applied.payment;
}
