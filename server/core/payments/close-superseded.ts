import type { Payment } from '@/server/db/generated/client';
import { AppError } from '@/server/errors/app-error';
import { logger } from '@/server/logging/logger';
import { closePayment } from './close-payment';

/** Before a new attempt of an order goes out, the previous live one is closed at its channel. */
export async function closeSuperseded(previous: Payment, next: Payment): Promise<void> {
  try {
    await closePayment({ serialNo: previous.serialNo, reason: 'SUPERSEDED' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'ORDER_ALREADY_PAID') {
      // Paid while the user switched: the new attempt must not be sent.
      await closePayment({ serialNo: next.serialNo, reason: 'SUPERSEDED' }).catch(() => undefined);
      throw error;
    }
    // The channel could not close it now; if it is paid later anyway, the duplicate is refunded.
    logger().warn({ err: error, serialNo: previous.serialNo, next: next.serialNo }, 'could not close the superseded attempt at its channel');
  }
}
