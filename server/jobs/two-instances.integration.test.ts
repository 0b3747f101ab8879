// Two server processes, each running the in-process engine on one database: every due webhook
// attempt is made once (not once per instance), and every expired attempt is closed once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { committedEvent, webhookShop } from '@/server/messaging/testing/webhook-fixtures';
import { openAlipayCashier } from '@/server/sandbox/alipay';
import { paymentRequest, paymentsTenant } from '@/server/testing/payments-api';
import { spawnAppServer, type SpawnedAppServer } from '@/server/testing/spawn-app-server';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

const servers: SpawnedAppServer[] = [];
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  // The first serves this file's base URL (simulators, notify URLs); the second any free port.
  servers.push(...(await Promise.all([spawnAppServer({ port: Number(new URL(process.env.PAYCENTER_BASE_URL!).port), jobs: true }), spawnAppServer({ port: 0, jobs: true })])));
}, 120_000);

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await Promise.all(servers.map((server) => server.stop()));
});

const countBy = (values: (string | null)[]) => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<string | null, number>());

/** Waits until `receiver` has `count` requests, then one more poll period to catch any extra. */
async function settle(receiver: WebhookReceiver, count: number, timeoutMs: number): Promise<void> {
  await receiver.nth(count, timeoutMs);
  await new Promise((resolve) => setTimeout(resolve, 6000));
}

describe('two servers running the jobs', () => {
  it('attempt each due webhook once: a first attempt answered 500, then one retry', async () => {
    const events = 8;
    const receiver = await webhookReceiver({ script: Array.from({ length: events }, () => ({ status: 500 })) });
    receivers.push(receiver);
    const shop = await webhookShop();
    const ids = [];
    for (let i = 0; i < events; i++) ids.push(await committedEvent(shop, receiver.url));

    await settle(receiver, events * 2, 45_000);
    expect(receiver.received).toHaveLength(events * 2);
    expect([...countBy(receiver.received.map((r) => r.eventId)).entries()].sort()).toEqual(ids.map((id) => [id, 2]).sort());
    const deliveries = await db().webhookDelivery.findMany({ where: { eventId: { in: ids } } });
    expect(deliveries.map((delivery) => [delivery.status, delivery.attemptCount])).toEqual(ids.map(() => ['SUCCEEDED', 2]));
  }, 90_000);

  it('close each expired attempt once, with one payment.closed webhook', async () => {
    const receiver = await webhookReceiver();
    receivers.push(receiver);
    const tenant = await paymentsTenant({ baseUrl: servers[0]!.baseUrl });
    const serialNos: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { invokeMethod: 'QR', notifyUrl: receiver.url }));
      expect(created.status).toBe(201);
      const serialNo = created.body.payment.serialNo as string;
      await openAlipayCashier((await db().sandboxAlipayTrade.findFirstOrThrow({ where: { appId: tenant.alipayAppId, outTradeNo: serialNo } })).tradeNo);
      serialNos.push(serialNo);
    }
    // All expire at once, so both servers' sweeps find them due together.
    await db().payment.updateMany({ where: { serialNo: { in: serialNos } }, data: { expiresAt: new Date(Date.now() - 1000), nextQueryAt: null } });

    await settle(receiver, serialNos.length, 30_000);
    const closed = receiver.received.map((r) => JSON.parse(r.rawBody) as { type: string; data: { payment: { serialNo: string } } });
    expect(closed.map((event) => event.type)).toEqual(serialNos.map(() => 'payment.closed'));
    expect(closed.map((event) => event.data.payment.serialNo).sort()).toEqual([...serialNos].sort());
    expect(await db().payment.count({ where: { serialNo: { in: serialNos }, status: 'CLOSED' } })).toBe(serialNos.length);
    expect(await db().outboxEvent.count({ where: { serialNo: { in: serialNos }, type: 'payment.closed' } })).toBe(serialNos.length);
    expect(await db().sandboxAlipayTrade.count({ where: { appId: tenant.alipayAppId, outTradeNo: { in: serialNos }, status: 'TRADE_CLOSED' } })).toBe(serialNos.length);
  }, 90_000);
});
