import { db } from '@/server/db/client';
import { logger } from '@/server/logging/logger';
import type { InProcessEngine } from './in-process-engine';
import { WEBHOOK_SWEEP_JOB_ID } from './job-list';

/**
 * The in-process answer to "this delivery failed": wake the webhook sweep when its next attempt is
 * due, so the contract's 15 s retry happens at 15 s rather than at the next poll. Only a hint: the
 * time is read from the database, and the sweep claims the delivery there.
 */
export function wakeForWebhookRetry(engine: InProcessEngine, deliveryId: string): void {
  db()
    .webhookDelivery.findUnique({ where: { eventId: deliveryId }, select: { status: true, nextAttemptAt: true } })
    .then((delivery) => {
      if (delivery?.status === 'PENDING' && delivery.nextAttemptAt) engine.wake(WEBHOOK_SWEEP_JOB_ID, delivery.nextAttemptAt);
    })
    .catch((error: unknown) => logger().warn({ deliveryId, err: error }, 'could not read when the webhook is due; the next poll retries it'));
}
