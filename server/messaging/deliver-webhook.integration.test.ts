// Webhook delivery against real local HTTP receivers: retries with the same event id, a receiver
// that times out, redirects, is down; the lease under concurrency; exhaustion of the schedule.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Shop } from '@/server/backend/payments/testing/payment-rows';
import { db } from '@/server/db/client';
import { verifyWebhook } from '@paycenter/node';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { deliverWebhook } from './deliver-webhook';
import { committedEvent, webhookShop } from './testing/webhook-fixtures';

let shop: Shop & { secret: string };
let receiver: WebhookReceiver | undefined;

beforeAll(async () => {
  shop = await webhookShop();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const delivery = (eventId: string) => db().webhookDelivery.findUniqueOrThrow({ where: { eventId }, include: { attempts: { orderBy: { number: 'asc' } } } });

describe('webhook delivery', () => {
  it('a receiver answering 500 three times gets the event on the fourth attempt, same id, signed, every attempt recorded', async () => {
    receiver = await webhookReceiver({ script: [{ status: 500, body: 'boom' }, { status: 500 }, { status: 503 }], otherwise: { status: 204 } });
    const eventId = await committedEvent(shop, receiver.url);

    expect(await deliverWebhook({ deliveryId: eventId })).toBe('RETRY_SCHEDULED');
    const afterFirst = await delivery(eventId);
    expect(afterFirst).toMatchObject({ status: 'PENDING', attemptCount: 1, leaseUntil: null, lastStatusCode: 500 });
    // Not due yet: neither the sweeper nor another sender sends it before its time.
    expect((await deliverDueWebhooks()).DELIVERED + (await deliverDueWebhooks()).RETRY_SCHEDULED).toBe(0);

    let next = afterFirst.nextAttemptAt!;
    const waits: number[] = [(next.getTime() - afterFirst.attempts[0]!.startedAt.getTime()) / 1000];
    for (let i = 0; i < 3; i++) {
      const swept = await deliverDueWebhooks({ now: next });
      const current = await delivery(eventId);
      if (current.status === 'PENDING') {
        expect(swept.RETRY_SCHEDULED).toBe(1);
        waits.push((current.nextAttemptAt!.getTime() - next.getTime()) / 1000);
        next = current.nextAttemptAt!;
      } else expect(swept.DELIVERED).toBe(1);
    }
    expect(waits.map(Math.round)).toEqual([15, 15, 30]);

    const done = await delivery(eventId);
    expect(done).toMatchObject({ status: 'SUCCEEDED', attemptCount: 4, nextAttemptAt: null, lastStatusCode: 204, lastError: null });
    expect(done.attempts.map((a) => [a.number, a.trigger, a.statusCode])).toEqual([[1, 'AUTO', 500], [2, 'AUTO', 500], [3, 'AUTO', 503], [4, 'AUTO', 204]]);
    expect(done.attempts[0]).toMatchObject({ url: receiver.url, responseExcerpt: 'boom', error: null });

    expect(receiver.received.map((r) => r.eventId)).toEqual([eventId, eventId, eventId, eventId]);
    for (const request of receiver.received) {
      const event = verifyWebhook({ secret: shop.secret, timestamp: request.timestamp, signature: request.signature, rawBody: request.rawBody });
      expect(event).toMatchObject({ id: eventId, type: 'payment.succeeded', livemode: false, data: { payment: { status: 'SUCCEEDED' } } });
    }
    // Another secret or a changed body does not verify.
    const first = receiver.received[0]!;
    expect(() => verifyWebhook({ secret: 'pcs_other', timestamp: first.timestamp, signature: first.signature, rawBody: first.rawBody })).toThrow(/signature/);
    expect(() => verifyWebhook({ secret: shop.secret, timestamp: first.timestamp, signature: first.signature, rawBody: first.rawBody.replace('SUCCEEDED', 'FAILED') })).toThrow(/signature/);
  });

  it('a receiver that does not answer within 10 s is a failed attempt', { timeout: 20_000 }, async () => {
    receiver = await webhookReceiver({ script: ['HANG'] });
    const eventId = await committedEvent(shop, receiver.url);
    expect(await deliverWebhook({ deliveryId: eventId })).toBe('RETRY_SCHEDULED');
    const [attempt] = (await delivery(eventId)).attempts;
    expect(attempt).toMatchObject({ statusCode: null, error: 'no answer within 10 s' });
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(10_000);
    expect(attempt!.durationMs).toBeLessThan(11_000);
  });

  it('a redirect is not followed and counts as a failure; a long answer is cut to 1 KiB', async () => {
    receiver = await webhookReceiver({ script: [{ status: 302, headers: { location: '/elsewhere' } }, { status: 500, body: 'x'.repeat(5000) }] });
    const eventId = await committedEvent(shop, receiver.url);
    expect(await deliverWebhook({ deliveryId: eventId })).toBe('RETRY_SCHEDULED');
    expect(receiver.received).toHaveLength(1);
    const afterRedirect = await delivery(eventId);
    expect(afterRedirect.attempts[0]).toMatchObject({ statusCode: 302, error: 'redirect to /elsewhere not followed' });

    expect(await deliverWebhook({ deliveryId: eventId, now: afterRedirect.nextAttemptAt! })).toBe('RETRY_SCHEDULED');
    expect((await delivery(eventId)).attempts[1]!.responseExcerpt).toBe('x'.repeat(1024));
  });

  it('a receiver that is down is a failed attempt with the connection error', async () => {
    const down = await webhookReceiver();
    await down.close();
    const eventId = await committedEvent(shop, down.url);
    expect(await deliverWebhook({ deliveryId: eventId })).toBe('RETRY_SCHEDULED');
    expect((await delivery(eventId)).attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('ten concurrent senders deliver the event once: the lease admits one', async () => {
    receiver = await webhookReceiver({ otherwise: { status: 200, delayMs: 200 } });
    const eventId = await committedEvent(shop, receiver.url);
    const outcomes = await Promise.all([
      ...Array.from({ length: 7 }, () => deliverWebhook({ deliveryId: eventId })),
      deliverWebhook({ deliveryId: eventId, trigger: 'RESEND' }),
      deliverDueWebhooks(),
      deliverDueWebhooks(),
    ]);
    const flat = outcomes.flatMap((o) => (typeof o === 'string' ? [o] : Object.entries(o).flatMap(([k, n]) => Array<string>(n).fill(k))));
    expect(flat.filter((o) => o === 'DELIVERED')).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
    expect((await delivery(eventId)).attempts).toHaveLength(1);
  });

  it('after 16 failed attempts the delivery is EXHAUSTED, alerted, and no longer attempted automatically; a resend still works', async () => {
    receiver = await webhookReceiver({ otherwise: { status: 500 } });
    const eventId = await committedEvent(shop, receiver.url);
    let now = new Date();
    const outcomes: string[] = [];
    for (let i = 0; i < 16; i++) {
      outcomes.push(await deliverWebhook({ deliveryId: eventId, now }));
      now = (await delivery(eventId)).nextAttemptAt ?? now;
    }
    expect(outcomes.slice(0, 15).every((o) => o === 'RETRY_SCHEDULED')).toBe(true);
    expect(outcomes[15]).toBe('EXHAUSTED');
    const exhausted = await delivery(eventId);
    expect(exhausted).toMatchObject({ status: 'EXHAUSTED', attemptCount: 16, nextAttemptAt: null });
    const alert = await db().alert.findFirstOrThrow({ where: { kind: 'WEBHOOK_EXHAUSTED', companyId: shop.companyId } });
    expect(alert.serialNo).toBe((await db().outboxEvent.findUniqueOrThrow({ where: { id: eventId } })).serialNo);
    expect(alert.details).toMatchObject({ eventId, url: receiver.url, lastStatusCode: 500 });
    expect(await deliverWebhook({ deliveryId: eventId, now: new Date(now.getTime() + 86_400_000) })).toBe('SKIPPED');
    expect((await deliverDueWebhooks({ now: new Date(now.getTime() + 86_400_000) })).SKIPPED).toBe(0);

    receiver.otherwise = { status: 200 };
    expect(await deliverWebhook({ deliveryId: eventId, trigger: 'RESEND' })).toBe('DELIVERED');
    const resent = await delivery(eventId);
    expect(resent).toMatchObject({ status: 'SUCCEEDED', attemptCount: 17 });
    expect(resent.attempts[16]).toMatchObject({ number: 17, trigger: 'RESEND', statusCode: 200 });
    expect(receiver.received).toHaveLength(17);
  });
});
