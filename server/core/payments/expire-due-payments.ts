import { AppError } from '@/server/errors/app-error';
import { closePayment } from './close-payment';
import { sweepDuePayments } from './sweep-due-payments';

/**
 * The expiry sweep: closes every PENDING attempt past expiresAt at its channel and locally. Until then
 * the API already answers such an attempt as CLOSED (effectiveStatus); this makes the channel refuse
 * a late payment and tells the app (payment.closed). An attempt the channel reports paid instead (its
 * callback was lost) is settled SUCCEEDED by the close: that is the sweep's work done, not a failure.
 * `close` is replaceable so the claiming can be tested without a channel.
 */
export async function expireDuePayments(
  options: { now?: Date; limit?: number; close?: (options: { serialNo: string; reason: 'EXPIRED'; now?: Date }) => Promise<unknown> } = {},
): Promise<{ closed: number; failed: number }> {
  const now = options.now ?? new Date();
  const close = options.close ?? closePayment;
  const expire = (serialNo: string) =>
    close({ serialNo, reason: 'EXPIRED', now }).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'ORDER_ALREADY_PAID')) throw error;
    });
  const { done, failed } = await sweepDuePayments({ kind: 'EXPIRE', now, limit: options.limit ?? 100, action: expire });
  return { closed: done, failed };
}
