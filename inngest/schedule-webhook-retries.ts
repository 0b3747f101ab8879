import { inngest } from '@/inngest/client';
import { logger } from '@/server/logging/logger';
import { webhookDeliveryFailed } from './functions/webhooks';

/**
 * The Inngest engine's webhook retry scheduler (server/messaging/webhook-retry-scheduler.ts): starts
 * the delivery's retry workflow. The event id makes Inngest start one workflow per delivery however
 * often it is asked. When the Inngest server cannot be reached the send fails after a while, and the
 * once-a-minute sweep delivers instead (later than the 15 s steps, but nothing is lost).
 */
export function scheduleWebhookRetriesOnInngest(deliveryId: string): void {
  inngest.send(webhookDeliveryFailed.create({ deliveryId }, { id: `webhook-retries-${deliveryId}` })).catch((error: unknown) => {
    logger().debug({ deliveryId, err: error }, 'retry workflow not started; the sweep will retry the webhook');
  });
}
