// With no Inngest server, an attempt left unpaid past its expiry is closed (at the channel and
// locally) and the app hears payment.closed, within about a minute after expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { openAlipayCashier, payAlipayTrade } from '@/server/sandbox/alipay';
import { paymentRequest, paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
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

describe('expiry with the in-process engine', () => {
  it('an attempt created with expiresInSeconds: 60 ends CLOSED with a payment.closed webhook', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', notifyUrl: receiver.url, expiresInSeconds: 60 }));
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;
    const expiresAt = Date.parse(created.body.payment.expiresAt as string);
    // The buyer scans the code and leaves: from then on Alipay knows the trade and it must be closed there.
    const trade = await db().sandboxAlipayTrade.findFirstOrThrow({ where: { appId: tenant.alipayAppId, outTradeNo: serialNo } });
    await openAlipayCashier(trade.tradeNo);

    const webhook = await receiver.nth(1, 100_000);
    expect(webhook.receivedAt).toBeGreaterThanOrEqual(expiresAt);
    expect(webhook.receivedAt - expiresAt).toBeLessThan(60_000);
    expect(JSON.parse(webhook.rawBody)).toMatchObject({ type: 'payment.closed', data: { payment: { serialNo, status: 'CLOSED' } } });
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'CLOSED' });
    // Closed at the channel too: the buyer can no longer pay the code.
    await expect(payAlipayTrade({ appId: tenant.alipayAppId, outTradeNo: serialNo })).rejects.toThrow(/TRADE_CLOSED/);
    expect(receiver.received).toHaveLength(1);
  }, 150_000);
});
