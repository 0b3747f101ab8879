// With no Inngest server, a pending attempt whose callback was lost is found SUCCEEDED by the active
// query the contract schedules a minute after creation, and the app hears of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { paidTradeNotify, paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { serverWithJobs } from './testing/server-with-jobs';

let server: Awaited<ReturnType<typeof serverWithJobs>>;
let tenant: PaymentsTenant;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await serverWithJobs();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  receiver = await webhookReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('active query with the in-process engine', () => {
  it('a payment whose callback never arrives is SUCCEEDED after the query at +1 min', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', notifyUrl: receiver.url }));
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;
    const createdAt = Date.parse(created.body.payment.createdAt as string);
    // The buyer pays at Alipay, and its notify is lost: never posted to PayCenter.
    await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo });

    const webhook = await receiver.nth(1, 100_000);
    expect(webhook.receivedAt - createdAt).toBeGreaterThanOrEqual(60_000);
    expect(webhook.receivedAt - createdAt).toBeLessThan(90_000);
    expect(JSON.parse(webhook.rawBody)).toMatchObject({ type: 'payment.succeeded', data: { payment: { serialNo, status: 'SUCCEEDED' } } });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'SUCCEEDED' });
  }, 150_000);
});
