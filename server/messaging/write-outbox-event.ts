import type { Tx } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import type { EventData, EventType } from '@/server/contract/event';

// Any constant: every outbox writer takes this one transaction-scoped lock.
const OUTBOX_LOCK = 7_310_001;

/** Where the webhook goes: the payment's own notifyUrl, else the app's default; null means feed only. */
async function notifyUrlOf(tx: Tx, event: { appId: string; serialNo: string }): Promise<string | null> {
  const payment = await tx.payment.findUnique({ where: { serialNo: event.serialNo }, select: { notifyUrl: true } });
  if (payment?.notifyUrl) return payment.notifyUrl;
  const app = await tx.app.findUnique({ where: { id: event.appId }, select: { defaultNotifyUrl: true } });
  return app?.defaultNotifyUrl ?? null;
}

/** An event just written; `webhook` when it has a delivery (the app has a notify URL). */
export interface WrittenEvent {
  eventId: string;
  webhook: boolean;
}

/**
 * Writes an event for an app in the transaction of the change it announces. Call it last in the
 * transaction: it takes a transaction lock so that cursors are handed out in commit order (a
 * sequence alone is not — a later cursor could commit first and a change-feed reader would skip
 * the earlier one for good). The lock is held only from here to commit. With the event goes its
 * webhook delivery when the app has a notify URL; hand the result to `dispatchEvents` after the
 * commit for the first attempt.
 */
export async function writeOutboxEvent(
  tx: Tx,
  event: { type: EventType; appId: string; companyId: string; livemode: boolean; serialNo: string; refundSerialNo?: string | null; data: EventData },
): Promise<WrittenEvent> {
  const id = newId('evt');
  const url = await notifyUrlOf(tx, event);
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
      data: event.data,
    },
  });
  // Committed with the event, so no event is lost to a crash between the commit and the first attempt.
  if (url) await tx.webhookDelivery.create({ data: { eventId: id, appId: event.appId, companyId: event.companyId, url, nextAttemptAt: new Date() } });
  return { eventId: id, webhook: url !== null };
}
