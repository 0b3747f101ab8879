import { db } from '@/server/db/client';
import { refundIfDuplicate } from './refund-if-duplicate';

/**
 * The safety net of refundIfDuplicate: a duplicate payment whose automatic refund could not be
 * recorded (the refund is idempotent per payment, so running this twice refunds once).
 */
export async function refundDueDuplicates(options: { limit?: number } = {}): Promise<{ refunded: number }> {
  const duplicates = await db().payment.findMany({
    where: { status: 'SUCCEEDED', duplicateOf: { not: null }, refunds: { none: { initiator: 'DUPLICATE_PAYMENT' } } },
    orderBy: { paidAt: 'asc' },
    take: options.limit ?? 50,
  });
  for (const payment of duplicates) await refundIfDuplicate({ outcome: 'APPLIED', payment, duplicateOf: payment.duplicateOf });
  return { refunded: duplicates.length };
}
