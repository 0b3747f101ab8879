import { db } from '@/server/db/client';
import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { applyPaymentState, type ObservedPaymentState } from './apply-payment-state';
import { channelOf } from './channel-call';
import { refundIfDuplicate } from './refund-if-duplicate';
import { nextQueryAt } from './query-schedule';

/**
 * Active query: asks the channel for the attempt's state and applies it. A trade the channel does
 * not know yet is still pending while the attempt is fresh (Alipay creates page-pay trades only
 * when the user opens the page); past expiry it can no longer be paid and reads as closed.
 */
export async function syncPayment(options: { serialNo: string; now?: Date }): Promise<Payment> {
  const now = options.now ?? new Date();
  const payment = await db().payment.findUnique({ where: { serialNo: options.serialNo } });
  if (!payment) throw new AppError('NOT_FOUND');
  // Nothing to ask before the payer of a CASHIER payment chose a channel.
  if (payment.status === 'SUCCEEDED' || !payment.paymentChannelId) return payment;

  const { plugin, account } = await channelOf(payment);
  const state = await plugin.queryPayment({ account, serialNo: payment.serialNo });
  const observed: ObservedPaymentState = { state: state.state, channelTradeNo: state.channelTradeNo, amount: state.amount, paidAt: state.paidAt };
  if (state.state === 'NOT_FOUND' && payment.status === 'PENDING' && payment.expiresAt <= now) observed.state = 'CLOSED';

  const applied = await applyPaymentState({ serialNo: payment.serialNo, observed, now });
  await refundIfDuplicate(applied);
  if (applied.payment.status !== 'PENDING') return applied.payment;
  const queriesDone = payment.queryCount + 1;
  return db().payment.update({
    where: { serialNo: payment.serialNo },
    data: { queryCount: queriesDone, nextQueryAt: nextQueryAt({ createdAt: payment.createdAt, expiresAt: payment.expiresAt, queriesDone }) },
  });
}
