// The webhook workflows under @inngest/test against Postgres and a real local receiver: the retry
// workflow follows the contract's schedule to exhaustion or delivery; the cron sweeper delivers
// what no one attempted (the process died after the commit) and respects the lease.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '@/inngest/testing';
import type { Shop } from '@/server/backend/payments/testing/payment-rows';
import { db } from '@/server/db/client';
import { deliverWebhook } from '@/server/messaging/deliver-webhook';
import { committedEvent, webhookShop } from '@/server/messaging/testing/webhook-fixtures';
import { RETRY_DELAYS_SECONDS } from '@/server/messaging/webhook-schedule';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { scheduledJobFunctions } from './scheduled-jobs';
import { webhookRetriesJob } from './webhooks';

let shop: Shop & { secret: string };
let receiver: WebhookReceiver | undefined;
const tick = () => ({ events: [{ name: 'inngest/scheduled.timer', data: {} }] as [{ name: string; data: object }] });
/** The engine re-runs the function for every step, so a sleep is recorded once per later step: keep the first of each id. */
const distinctSleeps = (sleeps: unknown[][]) => [...new Map(sleeps.map((args) => [args[0], args[1]])).values()];
const failed = (deliveryId: string) => ({ events: [{ name: 'webhook/delivery.failed', data: { deliveryId } }] as [{ name: string; data: object }] });

beforeAll(async () => {
  shop = await webhookShop();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('the webhook retry workflow', () => {
  it('sleeps until each scheduled attempt (15s, 15s, 30s, 3m ... 6h) and stops when the schedule is exhausted', async () => {
    receiver = await webhookReceiver({ otherwise: { status: 500 } });
    const deliveryId = await committedEvent(shop, receiver.url);
    expect(await deliverWebhook({ deliveryId })).toBe('RETRY_SCHEDULED');

    const { engine, sleeps } = testEngine(webhookRetriesJob);
    const { result } = await engine.execute(failed(deliveryId));
    expect(result).toEqual({ turns: 15 });
    const wakeups = distinctSleeps(sleeps).map((until) => Date.parse(until as string));
    const gaps = wakeups.slice(1).map((t, i) => (t - wakeups[i]!) / 1000);
    expect(gaps).toEqual(RETRY_DELAYS_SECONDS.slice(1));

    const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: deliveryId }, include: { attempts: true } });
    expect(delivery).toMatchObject({ status: 'EXHAUSTED', attemptCount: 16, autoAttemptCount: 16 });
    expect(receiver.received).toHaveLength(16);
    expect(await db().alert.count({ where: { kind: 'WEBHOOK_EXHAUSTED', details: { path: ['eventId'], equals: deliveryId } } })).toBe(1);
  });

  it('ends as soon as the app acknowledges', async () => {
    receiver = await webhookReceiver({ script: [{ status: 500 }, { status: 502 }], otherwise: { status: 200 } });
    const deliveryId = await committedEvent(shop, receiver.url);
    await deliverWebhook({ deliveryId });
    const { engine, sleeps } = testEngine(webhookRetriesJob);
    expect((await engine.execute(failed(deliveryId))).result).toEqual({ turns: 2 });
    expect(distinctSleeps(sleeps)).toHaveLength(2);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: deliveryId } })).toMatchObject({ status: 'SUCCEEDED', attemptCount: 3 });
  });
});

describe('the webhook sweeper', () => {
  it('delivers an event whose first attempt never ran, and leaves one whose lease another sender holds', async () => {
    receiver = await webhookReceiver();
    const orphan = await committedEvent(shop, receiver.url);
    const leased = await committedEvent(shop, receiver.url);
    await db().webhookDelivery.update({ where: { eventId: leased }, data: { leaseUntil: new Date(Date.now() + 20_000) } });

    const { result } = await testEngine(scheduledJobFunctions['webhooks-deliver-due']!).engine.execute(tick());
    expect(result).toMatchObject({ DELIVERED: 1 });
    expect(receiver.received.map((r) => r.eventId)).toEqual([orphan]);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: leased } })).toMatchObject({ status: 'PENDING', attemptCount: 0 });
  });
});
