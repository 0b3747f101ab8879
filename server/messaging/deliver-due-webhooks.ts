import { db } from '@/server/db/client';
import { logger } from '@/server/logging/logger';
import { attemptClaimed, LEASE_MS, type DeliveryOutcome } from './deliver-webhook';
import { requestWebhookRetries } from './webhook-retry-scheduler';

const BATCH = 10;

/** Leases up to `limit` due deliveries at once; SKIP LOCKED lets overlapping sweeps and servers share the work. */
async function claimDue(now: Date, limit: number): Promise<string[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const rows = await db().$queryRaw<{ eventId: string }[]>`
    UPDATE "WebhookDelivery" SET "leaseUntil" = ${leaseUntil}
    WHERE "eventId" IN (
      SELECT "eventId" FROM "WebhookDelivery"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING "eventId"`;
  return rows.map((row) => row.eventId);
}

/**
 * The sweeper: every due delivery — a retry whose workflow is not running, or a first attempt
 * that never ran because the process died right after the commit. Claims in small batches so no
 * lease runs out while its delivery waits for the batch before.
 */
export async function deliverDueWebhooks(options: { now?: Date; limit?: number } = {}): Promise<Record<DeliveryOutcome, number>> {
  const now = options.now ?? new Date();
  const counts: Record<DeliveryOutcome, number> = { DELIVERED: 0, RETRY_SCHEDULED: 0, EXHAUSTED: 0, FAILED: 0, SKIPPED: 0 };
  let remaining = options.limit ?? 200;
  while (remaining > 0) {
    const claimed = await claimDue(now, Math.min(BATCH, remaining));
    if (claimed.length === 0) break;
    remaining -= claimed.length;
    const outcomes = await Promise.all(
      claimed.map((deliveryId) =>
        attemptClaimed({ deliveryId, trigger: 'AUTO', now }).catch((error: unknown) => {
          logger().error({ deliveryId, err: error }, 'webhook attempt failed to run; it is retried when its lease ends');
          return 'FAILED' as const;
        }),
      ),
    );
    outcomes.forEach((outcome, i) => {
      counts[outcome]++;
      if (outcome === 'RETRY_SCHEDULED') requestWebhookRetries(claimed[i]!);
    });
  }
  return counts;
}
