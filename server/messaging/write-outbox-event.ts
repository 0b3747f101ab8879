import type { Prisma } from '@/server/db/generated/client';
import type { Tx } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import type { PaymentObject, RefundObject } from '@/server/core/payments/payment-object';

export type EventType = 'payment.succeeded' | 'payment.failed' | 'payment.closed' | 'refund.succeeded' | 'refund.failed';

export type EventData = { payment: PaymentObject } | { refund: RefundObject; payment: PaymentObject };

// Any constant: every outbox writer takes this one transaction-scoped lock.
const OUTBOX_LOCK = 7_310_001;

/**
 * Writes an event for an app in the transaction of the change it announces. Call it last in the
 * transaction: it takes a transaction lock so that cursors are handed out in commit order (a
 * sequence alone is not — a later cursor could commit first and a change-feed reader would skip
 * the earlier one for good). The lock is held only from here to commit.
 */
export async function writeOutboxEvent(
  tx: Tx,
  event: { type: EventType; appId: string; companyId: string; livemode: boolean; serialNo: string; refundSerialNo?: string | null; data: EventData },
): Promise<string> {
  const id = newId('evt');
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})`;
  await tx.outboxEvent.create({
    data: {
      id,
      appId: event.appId,
      companyId: event.companyId,
      type: event.type,
      livemode: event.livemode,
      serialNo: event.serialNo,
      refundSerialNo: event.refundSerialNo ?? null,
      data: event.data as unknown as Prisma.InputJsonValue,
    },
  });
  return id;
}
