// For tests: a server process killed (SIGKILL) right after committing a payment's success, while its
// in-process webhook attempt is in flight — the receiver's first request proves the commit happened,
// and the server dies then, before any answer.
import { expect } from 'vitest';
import { db } from '@/server/db/client';
import { paidTradeNotify, paymentRequest, paymentsTenant, postNotify, type PaymentsTenant } from './payments-api';
import { spawnAppServer, type SpawnedAppServer } from './spawn-app-server';
import { webhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver';

export interface CrashAfterCommit {
  tenant: PaymentsTenant;
  receiver: WebhookReceiver;
  serialNo: string;
  /** The webhook request that never got its answer. */
  first: ReceivedWebhook;
}

/** `jobs`: whether the killed server ran the background jobs. Checks the state the crash left. */
export async function crashAfterCommit(options: { port: number; jobs: boolean }): Promise<CrashAfterCommit> {
  const server: SpawnedAppServer = await spawnAppServer(options);
  const tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  const receiver = await webhookReceiver({ script: ['HANG'], onRequest: (count) => (count === 1 ? server.crash() : undefined) });
  const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', notifyUrl: receiver.url }));
  expect(created.status).toBe(201);
  const serialNo = created.body.payment.serialNo as string;

  const callback = postNotify(server.baseUrl, tenant.paymentId, await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo }));
  const first = await receiver.nth(1, 10_000);
  await callback.catch(() => undefined);
  await expect(fetch(server.baseUrl)).rejects.toThrow();

  expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'SUCCEEDED' });
  const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { eventId: first.eventId! } });
  expect(delivery).toMatchObject({ status: 'PENDING', attemptCount: 0 });
  expect(delivery.leaseUntil).not.toBeNull();
  return { tenant, receiver, serialNo, first };
}
