import { logger } from '@/server/logging/logger';

/**
 * What a failed delivery needs to be retried on the contract's schedule to the second. The
 * scheduler engine in use plugs it in at start (server/jobs/start-jobs.ts): Inngest starts the
 * delivery's retry workflow, the in-process engine wakes its webhook sweep when the retry is due.
 * Without one (scripts, most tests) the due delivery waits for the next webhook sweep; nothing is lost
 * either way, as the delivery's next attempt is in the database.
 */
export type WebhookRetryScheduler = (deliveryId: string) => void;

// On globalThis because Next evaluates modules once per bundle: the route handlers that fail
// deliveries and the instrumentation hook that plugs the scheduler in must see the same one.
const holder = globalThis as typeof globalThis & { paycenterWebhookRetryScheduler?: WebhookRetryScheduler };

export function setWebhookRetryScheduler(scheduler: WebhookRetryScheduler | undefined): void {
  holder.paycenterWebhookRetryScheduler = scheduler;
}

/** Asks the scheduler, in the background, to retry a delivery when due; never fails or delays the caller. */
export function requestWebhookRetries(deliveryId: string): void {
  try {
    holder.paycenterWebhookRetryScheduler?.(deliveryId);
  } catch (error) {
    logger().warn({ deliveryId, err: error }, 'webhook retry not scheduled; the webhook sweep will retry it');
  }
}
