import type { OutboxEvent } from '@/server/db/generated/client';
import type { WebhookEvent } from '@/server/sdk/webhooks';

/** The Event of api-contract.md: a webhook's body. */
export function toEventObject(event: OutboxEvent): WebhookEvent {
  return { id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), livemode: event.livemode, data: event.data as Record<string, unknown> };
}

/** An Event of the change feed, with its cursor (a string: cursors outgrow JavaScript numbers). */
export function toFeedEvent(event: OutboxEvent): WebhookEvent & { cursor: string } {
  return { ...toEventObject(event), cursor: event.cursor.toString() };
}
