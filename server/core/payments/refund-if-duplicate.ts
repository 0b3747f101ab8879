import { logger } from '@/server/logging/logger';
import { createRefund } from '../refunds/create-refund';
import type { AppliedPaymentState } from './apply-payment-state';

/**
 * A second paid attempt of one order is refunded in full right away. If this fails (the channel is
 * down), the attempt keeps `duplicateOf` set and the duplicate sweep tries again.
 */
export async function refundIfDuplicate(applied: AppliedPaymentState): Promise<void> {
  if (!applied.duplicateOf) return;
  try {
    await createRefund({ serialNo: applied.payment.serialNo, amount: applied.payment.amount, reason: `Duplicate payment of an order already paid by ${applied.duplicateOf}`, by: { kind: 'DUPLICATE_PAYMENT' } });
  } catch (error) {
    logger().error({ err: error, serialNo: applied.payment.serialNo }, 'automatic refund of a duplicate payment failed; the sweep retries');
  }
}
