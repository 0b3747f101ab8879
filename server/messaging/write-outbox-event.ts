import type { Tx } from '@/server/db/client';
import { newId } from '@/server/lib/ids';
import { toEventObject, type EventData, type EventType } from '@/server/contract/event';
import { LEASE_MS, type PreparedAttempt } from './deliver-webhook';

// Any constant: every outbox writer takes this one transaction-scoped lock.
const OUTBOX_LOCK = 7_310_001;

/** An event just written; `firstAttempt` when it has a delivery (the app has a notify URL), leased to this process. */
export interface WrittenEvent {
  eventId: string;
  firstAttempt: PreparedAttempt | null;
}

/**
 * Writes an event for an app in the transaction of the change it announces. Call it last in the
 * transaction: it takes a transaction lock so that cursors are handed out in commit order (a
 * sequence alone is not — a later cursor could commit first and a change-feed reader would skip
 * the earlier one for good). The lock is held only from here to commit. With the event goes its
 * webhook delivery when there is a notify URL (the payment's own, else the app's default),
 * leased to this process for its first attempt: hand the result to `dispatchEvents` after the
 * commit. Should the process die first, the lease runs out and the sweeper sends it.
 */
export async function writeOutboxEvent(
  tx: Tx,
  event: { type: EventType; appId: string; companyId: string; livemode: boolean; serialNo: string; refundSerialNo?: string | null; notifyUrl: string | null; data: EventData },
): Promise<WrittenEvent> {
  const id = newId('evt');
  const createdAt = new Date();
  const url = event.notifyUrl ?? (await tx.app.findUnique({ where: { id: event.appId }, select: { defaultNotifyUrl: true } }))?.defaultNotifyUrl ?? null;
  // One statement for lock, event and delivery. The lock is taken in a subquery, which PostgreSQL
  // never flattens (its target list is volatile), so it is held before the event's cursor is drawn.
  // The data comes back as jsonb keeps it (keys reordered), so the first attempt sends the very bytes
  // that a retry or a resend, reading the event back, will send.
  const [stored] = await tx.$queryRaw<Array<{ data: EventData }>>`
    WITH event AS (
      INSERT INTO "OutboxEvent" ("id", "appId", "companyId", "type", "livemode", "serialNo", "refundSerialNo", "data", "createdAt")
      SELECT ${id}, ${event.appId}, ${event.companyId}, ${event.type}, ${event.livemode}, ${event.serialNo}, ${event.refundSerialNo ?? null}, ${JSON.stringify(event.data)}::jsonb, ${createdAt}
      FROM (SELECT pg_advisory_xact_lock(${OUTBOX_LOCK})) AS outbox_lock
      RETURNING "id", "data"),
    delivery AS (
      INSERT INTO "WebhookDelivery" ("eventId", "appId", "companyId", "url", "nextAttemptAt", "leaseUntil")
      SELECT "id", ${event.appId}, ${event.companyId}, ${url}, ${createdAt}, ${new Date(createdAt.getTime() + LEASE_MS)}
      FROM event WHERE ${url}::text IS NOT NULL)
    SELECT "data" FROM event`;
  return {
    eventId: id,
    firstAttempt: url ? { deliveryId: id, appId: event.appId, url, event: toEventObject({ id, type: event.type, createdAt, livemode: event.livemode, data: stored!.data }) } : null,
  };
}
