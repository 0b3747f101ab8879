import { z } from 'zod';
import type { OutboxEvent } from '@/server/db/generated/client';
import { isoTime } from './fields';
import { paymentObject } from './payment';
import { refundObject } from './refund';
import { splitObject } from './split';

/** The event types the center announces (api-contract.md); more may be added, so apps ignore unknown ones. */
export const EVENT_TYPES = ['payment.succeeded', 'payment.failed', 'payment.closed', 'refund.succeeded', 'refund.failed', 'split.succeeded', 'split.failed'] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The `data` of payment.* events: the objects as they were when the change was committed. */
export const paymentEventData = z.object({ payment: paymentObject });
/** The `data` of refund.* events. */
export const refundEventData = z.object({ refund: refundObject, payment: paymentObject });
/** The `data` of split.* events (v1.1). */
export const splitEventData = z.object({ split: splitObject, payment: paymentObject });

/** An event's `data`, by the prefix of its type. */
export const eventData = z.union([splitEventData, refundEventData, paymentEventData]);

export type EventData = z.infer<typeof eventData>;

/** The Event of api-contract.md: a webhook's body. */
export const eventObject = z.object({
  id: z.string().meta({ description: 'evt_...; the same event keeps its id on every delivery, so deduplicate on it.' }),
  type: z.enum(EVENT_TYPES).meta({ description: 'More types may be added: ignore the ones you do not know.' }),
  createdAt: isoTime,
  livemode: z.boolean(),
  data: eventData,
});

export type EventObject = z.infer<typeof eventObject>;

/** An Event of the change feed, with its cursor (a string: cursors outgrow JavaScript numbers). */
export const feedEvent = eventObject.extend({ cursor: z.string().regex(/^\d+$/) });

export type FeedEvent = z.infer<typeof feedEvent>;

/** GET /api/v1/events: one page of the feed; nextCursor is the last cursor, or `after` when nothing is new. */
export const eventFeed = z.object({ events: z.array(feedEvent), nextCursor: z.string() });

/** The query of GET /api/v1/events. */
export const eventFeedQuery = z.strictObject({
  // Defaults are given as the strings a query carries, so the document shows them as sent.
  after: z
    .string()
    .regex(/^\d{1,19}$/, { error: 'expected a cursor: the digits of an event cursor, or 0' })
    .default('0')
    .transform(BigInt)
    .refine((cursor) => cursor <= 2n ** 63n - 1n, { error: 'is past any cursor' })
    .meta({ description: 'A cursor: the events after it are answered (0, the start, by default).' }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'expected a whole number from 1 to 500' })
    .default('100')
    .transform(Number)
    .pipe(z.number().min(1, { error: 'expected a whole number from 1 to 500' }).max(500, { error: 'expected a whole number from 1 to 500' }))
    .meta({ description: 'From 1 to 500; 100 by default.' }),
});

/** The Event of api-contract.md: a webhook's body. */
export function toEventObject(event: Pick<OutboxEvent, 'id' | 'type' | 'createdAt' | 'livemode'> & { data: unknown }): EventObject {
  return { id: event.id, type: event.type as EventType, createdAt: event.createdAt.toISOString(), livemode: event.livemode, data: event.data as EventData };
}

/** An Event of the change feed, with its cursor. */
export function toFeedEvent(event: OutboxEvent): FeedEvent {
  return { ...toEventObject(event), cursor: event.cursor.toString() };
}
