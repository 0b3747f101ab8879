import { eventType, staticSchema } from 'inngest';
import { inngest } from '@/inngest/client';
import { logger } from '@/server/logging/logger';

/** Starts the retry workflow of a delivery whose automatic attempt failed (inngest/functions/webhooks.ts). */
export const webhookDeliveryFailed = eventType('webhook/delivery.failed', { schema: staticSchema<{ deliveryId: string }>() });

/**
 * Asks Inngest, in the background, to retry a delivery on the contract's schedule. The event id
 * makes Inngest start one workflow per delivery however often it is asked. Never fails or delays
 * the caller: without a reachable Inngest server the send fails after a while, and the
 * once-a-minute sweeper delivers instead (later than the 15 s steps, but nothing is lost).
 */
export function requestWebhookRetries(deliveryId: string): void {
  inngest.send(webhookDeliveryFailed.create({ deliveryId }, { id: `webhook-retries-${deliveryId}` })).catch((error: unknown) => {
    logger().debug({ deliveryId, err: error }, 'retry workflow not started; the sweeper will retry the webhook');
  });
}
