import type { OutboxEvent } from '@/server/db/generated/client';
import type { EventType, WebhookEvent } from '@/server/sdk/webhooks';
import type { PaymentObject } from './payment';
import type { RefundObject } from './refund';
import type { SplitObject } from './split';

// The SDK apps copy is the one list of event types; the center announces the same ones.
export type { EventType };

/** An event's `data`: the objects as they were when the change was committed. */
export type EventData = { payment: PaymentObject } | { refund: RefundObject; payment: PaymentObject } | { split: SplitObject; payment: PaymentObject };

/** The Event of api-contract.md: a webhook's body. */
export function toEventObject(event: Pick<OutboxEvent, 'id' | 'type' | 'createdAt' | 'livemode'> & { data: unknown }): WebhookEvent {
  return { id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), livemode: event.livemode, data: event.data as Record<string, unknown> };
}

/** An Event of the change feed, with its cursor (a string: cursors outgrow JavaScript numbers). */
export function toFeedEvent(event: OutboxEvent): WebhookEvent & { cursor: string } {
  return { ...toEventObject(event), cursor: event.cursor.toString() };
}
