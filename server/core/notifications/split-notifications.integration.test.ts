// WeChat Pay's profit-sharing notifications (PROFITSHARING.SUCCESS, one per receiver) from the
// simulator to the center's callback route: they settle a split whose answer was lost before any query,
// once; forged or replayed ones are rejected (CALLBACK_REJECTED) and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { callbackRequest, deliverWechatpayNotification } from '@/server/sandbox/wechatpay/notifications';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paidWechatPayment, splitTenant, type SplitTenant } from '@/server/testing/split-payments';

let server: RunningServer;
let tenant: SplitTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await splitTenant({ baseUrl: server.baseUrl });
});
afterAll(() => server?.close());

/**
 * A split of both receivers made through the API, then put back as if the channel's answer and its
 * notifications never arrived: PROCESSING, nothing announced, the simulator's notifications to send again.
 */
async function splitAwaitingNotifications(): Promise<{ serialNo: string; splitSerialNo: string; notificationIds: string[] }> {
  const { serialNo } = await paidWechatPayment(tenant, { amount: 1_000 });
  const created = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, {
    splitNo: `N-${serialNo.slice(-8)}`,
    receivers: [
      { receiverId: tenant.receiverIds[0], amount: 100, description: '服务费' },
      { receiverId: tenant.receiverIds[1], amount: 50, description: '分成' },
    ],
  });
  expect(created.status).toBe(201);
  const { splitSerialNo } = created.body.split;
  await db().outboxEvent.deleteMany({ where: { serialNo, type: 'split.succeeded' } });
  await db().split.update({ where: { splitSerialNo }, data: { status: 'PROCESSING', finishedAt: null, channelSplitNo: null, nextQueryAt: new Date(Date.now() + 3_600_000) } });
  await db().splitLine.updateMany({ where: { splitSerialNo }, data: { status: 'PROCESSING', channelDetailId: null } });
  const sent = await db().sandboxWechatNotification.findMany({ where: { eventType: 'PROFITSHARING.SUCCESS', resource: { path: ['out_order_no'], equals: splitSerialNo } }, orderBy: { createdAt: 'asc' } });
  expect(sent).toHaveLength(2);
  await db().sandboxWechatNotification.updateMany({ where: { id: { in: sent.map((row) => row.id) } }, data: { deliveredAt: null, nextAttemptAt: new Date() } });
  return { serialNo, splitSerialNo, notificationIds: sent.map((row) => row.id) };
}

async function post(request: { url: string; body: string; headers: Record<string, string> }): Promise<Response> {
  return fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
}

describe('WeChat Pay profit-sharing notifications', () => {
  it('settle a split whose answer was lost, line by line, before any query, with one split.succeeded', async () => {
    const { serialNo, splitSerialNo, notificationIds } = await splitAwaitingNotifications();
    const since = new Date();

    expect(await deliverWechatpayNotification(notificationIds[0]!, new Date())).toBe(true);
    const halfway = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(halfway.status).toBe('PROCESSING');
    expect(halfway.lines.map((line) => line.status)).toEqual(['SUCCEEDED', 'PROCESSING']);
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'split.succeeded' } })).toBe(0);

    expect(await deliverWechatpayNotification(notificationIds[1]!, new Date())).toBe(true);
    const settled = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(settled).toMatchObject({ status: 'SUCCEEDED', nextQueryAt: null, queryCount: 0, channelSplitNo: expect.any(String) });
    expect(settled.lines.map((line) => line.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const event = await db().outboxEvent.findFirstOrThrow({ where: { serialNo, type: 'split.succeeded' } });
    expect(event.data).toMatchObject({ split: { splitSerialNo, status: 'SUCCEEDED' }, payment: { splitAmount: 150 } });
    const recorded = await db().channelNotification.findMany({ where: { paymentChannelId: tenant.wechatPaymentId, serialNo, receivedAt: { gte: since } } });
    expect(recorded.map((row) => [row.verified, row.outcome])).toEqual([[true, 'APPLIED'], [true, 'APPLIED']]);
  });

  it('a duplicate changes nothing and is acknowledged', async () => {
    const { serialNo, splitSerialNo, notificationIds } = await splitAwaitingNotifications();
    for (const id of notificationIds) await deliverWechatpayNotification(id, new Date());
    const before = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });

    const again = await post(await callbackRequest(notificationIds[1]!, new Date()));
    expect(again.status).toBe(200);
    const latest = await db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: tenant.wechatPaymentId }, orderBy: { receivedAt: 'desc' } });
    expect(latest).toMatchObject({ verified: true, outcome: 'UNCHANGED', serialNo });
    expect(await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } })).toEqual(before);
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'split.succeeded' } })).toBe(1);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).splitAmount).toBe(150);
  });

  it('a forged one (body changed after signing) is rejected with CALLBACK_REJECTED and changes nothing', async () => {
    const { splitSerialNo, notificationIds } = await splitAwaitingNotifications();
    const genuine = await callbackRequest(notificationIds[0]!, new Date());
    const forged = await post({ ...genuine, body: genuine.body.replace('"summary":"分账成功"', '"summary":"分账成功 "') });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ code: 'FAIL' });
    const latest = await db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: tenant.wechatPaymentId }, orderBy: { receivedAt: 'desc' } });
    expect(latest).toMatchObject({ verified: false, outcome: 'REJECTED', reason: expect.stringMatching(/SIGNATURE/) });
    expect(await db().alert.count({ where: { kind: 'CALLBACK_REJECTED', subject: `callbacks:${tenant.wechatPaymentId}` } })).toBe(1);
    const split = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });
    expect([split.status, ...split.lines.map((line) => line.status)]).toEqual(['PROCESSING', 'PROCESSING', 'PROCESSING']);
  });

  it('a genuine one replayed outside the 5-minute window is rejected as stale and changes nothing', async () => {
    const { splitSerialNo, notificationIds } = await splitAwaitingNotifications();
    const signedLongAgo = await callbackRequest(notificationIds[0]!, new Date(Date.now() - 6 * 60_000));
    const replayed = await post(signedLongAgo);
    expect(replayed.status).toBe(400);
    const latest = await db().channelNotification.findFirstOrThrow({ where: { paymentChannelId: tenant.wechatPaymentId }, orderBy: { receivedAt: 'desc' } });
    expect(latest).toMatchObject({ verified: false, outcome: 'REJECTED', reason: 'STALE_TIMESTAMP' });
    const split = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });
    expect([split.status, ...split.lines.map((line) => line.status)]).toEqual(['PROCESSING', 'PROCESSING', 'PROCESSING']);
  });
});
