import { eventType, staticSchema } from 'inngest';
import { inngest } from '@/inngest/client';
import { db } from '@/server/db/client';
import { deliverWebhook } from '@/server/messaging/deliver-webhook';
import { MAX_AUTO_ATTEMPTS } from '@/server/messaging/webhook-schedule';

/** Starts the retry workflow of a delivery whose automatic attempt failed (sent by ../schedule-webhook-retries.ts). */
export const webhookDeliveryFailed = eventType('webhook/delivery.failed', { schema: staticSchema<{ deliveryId: string }>() });

/**
 * One delivery's retries on the contract's schedule, to the second (the sweep runs only once a
 * minute on Inngest). Each turn sleeps until the delivery's nextAttemptAt and makes the attempt due then; the
 * lease makes it a no-op when the sweep or a resend got there first. Ends when the delivery is
 * final. Bounded so a delivery that keeps being skipped cannot loop forever (the sweep remains).
 */
export const webhookRetriesJob = inngest.createFunction(
  { id: 'webhooks-retry-delivery', triggers: [webhookDeliveryFailed] },
  async ({ event, step }) => {
    const { deliveryId } = event.data;
    for (let turn = 0; turn < MAX_AUTO_ATTEMPTS * 2; turn++) {
      const due = await step.run(`next-attempt-${turn}`, async () => {
        const delivery = await db().webhookDelivery.findUnique({ where: { eventId: deliveryId }, select: { status: true, nextAttemptAt: true } });
        return delivery?.status === 'PENDING' && delivery.nextAttemptAt ? delivery.nextAttemptAt.toISOString() : null;
      });
      if (!due) return { turns: turn };
      await step.sleepUntil(`wait-${turn}`, due);
      // After the sleep the clock is at or past `due`; the max keeps the attempt due if it is not.
      await step.run(`attempt-${turn}`, () => deliverWebhook({ deliveryId, now: new Date(Math.max(Date.now(), Date.parse(due))) }));
    }
    return { turns: MAX_AUTO_ATTEMPTS * 2 };
  },
);
