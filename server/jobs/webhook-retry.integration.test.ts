// With no Inngest server, a webhook the app answers with 500 is attempted again on the contract's
// schedule: 15 s later, the same event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidTradeNotify, paymentRequest, paymentsTenant, postNotify, type PaymentsTenant } from '@/server/testing/payments-api';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { RETRY_DELAYS_SECONDS } from '@/server/messaging/webhook-schedule';
import { serverWithJobs } from './testing/server-with-jobs';

let server: Awaited<ReturnType<typeof serverWithJobs>>;
let tenant: PaymentsTenant;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await serverWithJobs();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  receiver = await webhookReceiver({ script: [{ status: 500 }] });
});

afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('webhook retries with the in-process engine', () => {
  it('a webhook answered 500 comes again with the same event id about 15 s later', async () => {
    expect(RETRY_DELAYS_SECONDS[0]).toBe(15);
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', notifyUrl: receiver.url }));
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;
    expect((await postNotify(server.baseUrl, tenant.paymentId, await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo }))).status).toBe(200);

    const first = await receiver.nth(1, 10_000);
    const second = await receiver.nth(2, 30_000);
    expect(second.eventId).toBe(first.eventId);
    const gapSeconds = (second.receivedAt - first.receivedAt) / 1000;
    expect(gapSeconds).toBeGreaterThan(13);
    expect(gapSeconds).toBeLessThan(25);
  }, 60_000);
});
