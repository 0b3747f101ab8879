import { closePayment } from './close-payment';
import { sweepDuePayments } from './sweep-due-payments';

/**
 * The expiry sweep: closes every PENDING attempt past expiresAt at its channel and locally. Until then
 * the API already answers such an attempt as CLOSED (effectiveStatus); this makes the channel refuse
 * a late payment and tells the app (payment.closed). `close` is replaceable so the claiming can be
 * tested without a channel.
 */
export async function expireDuePayments(
  options: { now?: Date; limit?: number; close?: (options: { serialNo: string; reason: 'EXPIRED'; now?: Date }) => Promise<unknown> } = {},
): Promise<{ closed: number; failed: number }> {
  const now = options.now ?? new Date();
  const close = options.close ?? closePayment;
  const { done, failed } = await sweepDuePayments({ kind: 'EXPIRE', now, limit: options.limit ?? 100, action: (serialNo) => close({ serialNo, reason: 'EXPIRED', now }) });
  return { closed: done, failed };
}
