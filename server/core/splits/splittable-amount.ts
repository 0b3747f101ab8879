import type { Payment } from '@/server/db/generated/client';

/**
 * What can still be split: floor(amount × maxSplitRatio) and amount − refunds not FAILED, less the
 * splits not FAILED. Integer arithmetic only (the ratio is in basis points).
 */
export function splittableAmount(payment: Pick<Payment, 'amount' | 'refundReservedAmount' | 'splitAmount'>, maxSplitRatioBps: number): number {
  const ceiling = Math.min(Math.floor((payment.amount * maxSplitRatioBps) / 10_000), payment.amount - payment.refundReservedAmount);
  return Math.max(0, ceiling - payment.splitAmount);
}
