// Nothing committed goes unannounced: a server process is killed (SIGKILL) right after committing a
// payment, while its in-process webhook attempt is in flight; the sweeper delivers the event once
// the dead process's lease has run out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppSecret } from '@/server/security/app-secret';
import { db } from '@/server/db/client';
import { verifyWebhook } from '@/server/sdk/webhooks';
import { paidTradeNotify, paymentRequest, paymentsTenant, postNotify, type PaymentsTenant } from '@/server/testing/payments-api';
import { spawnAppServer, type SpawnedAppServer } from '@/server/testing/spawn-app-server';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { LEASE_MS } from './deliver-webhook';

let server: SpawnedAppServer;
let tenant: PaymentsTenant;
let receiver: WebhookReceiver;

beforeAll(async () => {
  server = await spawnAppServer({ port: Number(new URL(process.env.PAYCENTER_BASE_URL!).port) });
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  // The first webhook request proves the commit happened: the server dies then, before any answer.
  receiver = await webhookReceiver({ script: ['HANG'], onRequest: (count) => (count === 1 ? server.crash() : undefined) });
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await server?.stop();
});

describe('a crash right after the commit', () => {
  it('the sweeper delivers the event the dead process never finished delivering', async () => {
    const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', notifyUrl: receiver.url }));
    expect(created.status).toBe(201);
    const serialNo = created.body.payment.serialNo as string;

    const callback = postNotify(server.baseUrl, tenant.paymentId, await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo }));
    const first = await receiver.nth(1, 10_000);
    await callback.catch(() => undefined);
    await expect(fetch(server.baseUrl)).rejects.toThrow();

    const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
    expect(payment.status).toBe('SUCCEEDED');
    const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } });
    expect(delivery).toMatchObject({ status: 'PENDING', attemptCount: 0 });
    expect(delivery.leaseUntil).not.toBeNull();

    // While the dead process's lease lasts, no one sends the event again.
    expect((await deliverDueWebhooks()).DELIVERED).toBe(0);
    receiver.otherwise = { status: 200 };
    const swept = await deliverDueWebhooks({ now: new Date(delivery.leaseUntil!.getTime() + 1000) });
    expect(swept.DELIVERED).toBe(1);
    expect(delivery.leaseUntil!.getTime() - Date.now()).toBeLessThanOrEqual(LEASE_MS);

    const again = receiver.received[1]!;
    expect(again.eventId).toBe(first.eventId);
    const secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
    expect(verifyWebhook({ secret, timestamp: again.timestamp, signature: again.signature, rawBody: again.rawBody })).toMatchObject({
      type: 'payment.succeeded',
      data: { payment: { serialNo, status: 'SUCCEEDED' } },
    });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } })).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
  });
});
