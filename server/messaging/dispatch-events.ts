import { logger } from '@/server/logging/logger';
import { attemptFirst } from './deliver-webhook';
import { requestWebhookRetries } from './webhook-retry-scheduler';
import type { WrittenEvent } from './write-outbox-event';

/**
 * The first webhook attempt of just committed events, in this process, so a healthy app hears of
 * a payment within milliseconds. Fire and forget: call it after the commit and do not await it.
 * If this process dies first, the delivery row committed with the event is found by the sweeper
 * once its lease has run out.
 */
export function dispatchEvents(events: readonly WrittenEvent[]): void {
  // Events of apps without a notify URL have no delivery to attempt (they are in the change feed).
  for (const { firstAttempt } of events) {
    if (!firstAttempt) continue;
    const { deliveryId } = firstAttempt;
    attemptFirst(firstAttempt)
      .then((outcome) => {
        if (outcome === 'RETRY_SCHEDULED') requestWebhookRetries(deliveryId);
      })
      .catch((error: unknown) => logger().error({ deliveryId, err: error }, 'first webhook attempt failed to run; the sweeper will retry it'));
  }
}
