import { inject, expect } from 'vitest';
import { verifyWebhook, type WebhookEvent } from '@paycenter/node';
import type { WebhookReceiver } from '@/server/testing/webhook-receiver';

/**
 * The app's receiver got exactly one webhook about this payment, `payment.succeeded`, signed with the
 * demo app's secret over the raw body; answers the verified event and the raw request.
 */
export async function expectPaymentSucceededWebhook(receiver: WebhookReceiver, payment: { serialNo: string; amount: number; channel: string }) {
  const about = () => receiver.received.filter((w) => w.rawBody.includes(payment.serialNo));
  await expect.poll(() => about().length, { timeout: 10_000 }).toBe(1);
  const [webhook] = about();
  const event: WebhookEvent = verifyWebhook({ secret: inject('demo').appSecret, timestamp: webhook!.timestamp, signature: webhook!.signature, rawBody: webhook!.rawBody });
  expect(event).toMatchObject({ type: 'payment.succeeded', data: { payment: { ...payment, status: 'SUCCEEDED' } } });
  expect(webhook!.eventId).toBe(event.id);
  return { event, webhook: webhook! };
}
