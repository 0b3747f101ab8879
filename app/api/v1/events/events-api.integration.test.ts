// Payment messaging through the API over HTTP: a sandbox payment and refund made with the typed
// client reach the app's receiver within a second, signed and verifiable; the change feed answers
// the same events in commit order, paged by cursor.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAppSecret } from '@/server/security/app-secret';
import { db } from '@/server/db/client';
import { PayCenterClient, verifyWebhook } from '@paycenter/node';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

let server: RunningServer;
let tenant: PaymentsTenant;
let secret: string;
let client: PayCenterClient;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
  client = new PayCenterClient({ baseUrl: server.baseUrl, appId: tenant.app.id, secret });
  receiver = await webhookReceiver();
  // A fresh server loads the pay, outbox and webhook modules on its first payment; the 1 s bound below is
  // on delivering a webhook, so one payment goes through first (its webhook awaited) to load them.
  const { payment } = await client.createPayment(paymentRequest(tenant, { notifyUrl: receiver.url }));
  await client.request('POST', `/api/v1/sandbox/payments/${payment.serialNo}/pay`);
  await receiver.nth(1, 10_000);
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

type Payment = { serialNo: string; status: string };

describe('webhooks of API payments', () => {
  it('payment.succeeded and refund.succeeded arrive within 1 s, signed, and the feed answers the same events in order', async () => {
    const { payment } = await client.createPayment(paymentRequest(tenant, { notifyUrl: receiver.url }));
    const before = receiver.received.length;

    const paidAt = Date.now();
    const paid = await client.request<{ payment: Payment }>('POST', `/api/v1/sandbox/payments/${payment.serialNo}/pay`);
    expect(paid.body.payment.status).toBe('SUCCEEDED');
    const succeeded = await receiver.nth(before + 1, 1000);
    expect(succeeded.receivedAt - paidAt).toBeLessThan(1000);
    const paymentEvent = verifyWebhook({ secret, timestamp: succeeded.timestamp, signature: succeeded.signature, rawBody: succeeded.rawBody });
    expect(paymentEvent).toMatchObject({ type: 'payment.succeeded', livemode: false, data: { payment: { serialNo: payment.serialNo, status: 'SUCCEEDED' } } });
    expect(succeeded.eventId).toBe(paymentEvent.id);

    const refundedAt = Date.now();
    await client.createRefund(payment.serialNo, { refundNo: `RF-${payment.serialNo.slice(-8)}`, amount: 400 });
    const refunded = await receiver.nth(before + 2, 1000);
    expect(refunded.receivedAt - refundedAt).toBeLessThan(1000);
    const refundEvent = verifyWebhook({ secret, timestamp: refunded.timestamp, signature: refunded.signature, rawBody: refunded.rawBody });
    expect(refundEvent).toMatchObject({ type: 'refund.succeeded', data: { refund: { amount: 400, status: 'SUCCEEDED' }, payment: { refundedAmount: 400 } } });

    const feed = await client.listEvents();
    const ours = feed.events.filter((e) => (e.data as { payment?: { serialNo: string } }).payment?.serialNo === payment.serialNo);
    expect(ours.map((e) => e.id)).toEqual([paymentEvent.id, refundEvent.id]);
    // The feed's event is the webhook's body plus its cursor.
    expect({ ...ours[0], cursor: undefined }).toEqual({ ...JSON.parse(succeeded.rawBody), cursor: undefined });
    // The server records each attempt after the receiver has answered: wait for those writes.
    await vi.waitFor(async () => expect(await db().webhookDelivery.count({ where: { eventId: { in: [paymentEvent.id, refundEvent.id] }, status: 'SUCCEEDED', attemptCount: 1 } })).toBe(2), {
      timeout: 5_000,
      interval: 50,
    });
  });

  it('the app default notify URL is used when the payment has none; no URL means feed only', async () => {
    await db().app.update({ where: { id: tenant.app.id }, data: { defaultNotifyUrl: receiver.url } });
    try {
      const { payment } = await client.createPayment(paymentRequest(tenant));
      const before = receiver.received.length;
      await client.request('POST', `/api/v1/sandbox/payments/${payment.serialNo}/pay`);
      expect(JSON.parse((await receiver.nth(before + 1, 1000)).rawBody).data.payment.serialNo).toBe(payment.serialNo);
    } finally {
      await db().app.update({ where: { id: tenant.app.id }, data: { defaultNotifyUrl: null } });
    }
    const { payment } = await client.createPayment(paymentRequest(tenant));
    await client.request('POST', `/api/v1/sandbox/payments/${payment.serialNo}/pay`);
    const event = await db().outboxEvent.findFirstOrThrow({ where: { serialNo: payment.serialNo }, include: { delivery: true } });
    expect(event.delivery).toBeNull();
  });
});

describe('GET /api/v1/events', () => {
  it('pages through the app’s events in cursor order; nextCursor continues, and stays put at the end', async () => {
    const all = await client.listEvents({ limit: 500 });
    expect(all.events.length).toBeGreaterThanOrEqual(4);
    const cursors = all.events.map((e) => BigInt(e.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(all.nextCursor).toBe(all.events.at(-1)!.cursor);

    const paged: string[] = [];
    let after = '0';
    for (;;) {
      const page = await client.listEvents({ after, limit: 2 });
      if (page.events.length === 0) {
        expect(page.nextCursor).toBe(after);
        break;
      }
      expect(page.events.length).toBeLessThanOrEqual(2);
      paged.push(...page.events.map((e) => e.id));
      after = page.nextCursor;
    }
    expect(paged).toEqual(all.events.map((e) => e.id));
    expect(Object.keys(all.events[0]!).sort()).toEqual(['createdAt', 'cursor', 'data', 'id', 'livemode', 'type']);
  });

  it('shows an app only its own events', async () => {
    const other = await paymentsTenant({ baseUrl: server.baseUrl });
    const answer = await other.client.request('GET', '/api/v1/events');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ events: [], nextCursor: '0' });
  });

  it('400 names a bad after or limit', async () => {
    const cases: Array<[string, string]> = [['after=-1', 'after'], ['after=abc', 'after'], ['after=99999999999999999999', 'after'], ['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=x', 'limit'], ['cursor=1', 'cursor']];
    for (const [query, field] of cases) {
      const answer = await tenant.client.request('GET', `/api/v1/events?${query}`);
      expect([query, answer.status, answer.body.error.code]).toEqual([query, 400, 'INVALID_REQUEST']);
      expect(answer.body.error.details.fields).toHaveProperty([field]);
    }
  });
});
