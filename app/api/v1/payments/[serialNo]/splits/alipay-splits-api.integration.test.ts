// Split payments (api-contract.md v1.1) over HTTP on an Alipay channel: the real route handlers, the real
// plugin and alipay-sdk, the Alipay simulator enforcing Alipay's rules (royalty relations, royalty_freeze,
// the 30 % ceiling, royalty_finish), a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSplitReceiver } from '@/server/backend/splits/split-receivers';
import { queryDueSplits } from '@/server/core/splits/sync-split';
import { db } from '@/server/db/client';
import { openAppSecret } from '@/server/security/app-secret';
import { verifyWebhook } from '@paycenter/node';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentsTenant, type PaymentsTenant } from '@/server/testing/payments-api';
import { alipaySplitReceivers, paidAlipayPayment } from '@/server/testing/split-payments';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

let server: RunningServer;
let tenant: PaymentsTenant;
let receiver: WebhookReceiver;
let secret: string;
let receiverIds: [string, string];

const splitPath = (serialNo: string) => `/api/v1/payments/${serialNo}/splits`;
const paidPayment = (options: { amount: number; profitSharing?: boolean }) => paidAlipayPayment(tenant, { ...options, notifyUrl: receiver.url });
const tradeOf = (serialNo: string) => db().sandboxAlipayTrade.findFirstOrThrow({ where: { appId: tenant.alipayAppId, outTradeNo: serialNo }, include: { settles: true } });

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
  receiverIds = await alipaySplitReceivers(tenant);
  secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('split receivers on Alipay', () => {
  it('are bound at the simulated Alipay (alipay.trade.royalty.relation.bind) and kept with the name sealed', async () => {
    const bound = await db().sandboxAlipayRoyaltyRelation.findMany({ where: { appId: tenant.alipayAppId }, orderBy: { type: 'asc' } });
    expect(bound.map((r) => [r.type, r.account, r.name])).toEqual([
      ['loginName', 'repair@garden.example', '李四'],
      ['userId', '2088102146225135', '花园保洁服务有限公司'],
    ]);
    expect((await db().splitReceiver.findUniqueOrThrow({ where: { id: receiverIds[1] } })).nameSealed).not.toContain('李四');
  });

  it('of a WeChat Pay account type are refused before anything is bound', async () => {
    await expect(
      registerSplitReceiver({ actor: tenant.companyAdmin, input: { paymentId: tenant.paymentId, accountType: 'MERCHANT_ID', account: '1900000109', name: '花园保洁服务有限公司', relationType: 'SUPPLIER' } }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { accountType: expect.any(String) } } });
    expect(await db().splitReceiver.count({ where: { paymentChannelId: tenant.paymentId } })).toBe(2);
  });
});

describe('POST /api/v1/payments/{serialNo}/splits on Alipay', () => {
  it('holds the funds (royalty_freeze) and splits to SUCCEEDED with its signed split.succeeded webhook', async () => {
    const { serialNo } = await paidPayment({ amount: 10_000 });
    expect((await tradeOf(serialNo)).royaltyFreeze).toBe(true);
    const before = receiver.received.length;
    const body = { splitNo: `AS-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 1_000, description: '保洁服务费' }, { receiverId: receiverIds[1], amount: 500, description: '维修分成' }] };
    const created = await tenant.client.request('POST', splitPath(serialNo), body);
    expect(created.status).toBe(201);
    expect(created.body.split).toMatchObject({
      splitNo: body.splitNo,
      serialNo,
      status: 'SUCCEEDED',
      finish: false,
      receivers: [
        { receiverId: receiverIds[0], amount: 1_000, description: '保洁服务费', status: 'SUCCEEDED', failReason: null },
        { receiverId: receiverIds[1], amount: 500, description: '维修分成', status: 'SUCCEEDED', failReason: null },
      ],
    });
    const webhook = await receiver.nth(before + 1, 2000);
    const event = verifyWebhook({ secret, timestamp: webhook.timestamp, signature: webhook.signature, rawBody: webhook.rawBody });
    expect(event).toMatchObject({ type: 'split.succeeded', data: { split: created.body.split, payment: { serialNo, profitSharing: true, splitAmount: 1_500 } } });

    // The settle's out_request_no is the split serial; Alipay's settle_no and detail ids are kept.
    const trade = await tradeOf(serialNo);
    expect(trade).toMatchObject({ settledFen: 1_500, settles: [expect.objectContaining({ outRequestNo: created.body.split.splitSerialNo, royaltyFinish: false })] });
    const stored = await db().split.findUniqueOrThrow({ where: { splitSerialNo: created.body.split.splitSerialNo }, include: { lines: true } });
    expect(stored.channelSplitNo).toBe(trade.settles[0]!.settleNo);
    expect(stored.lines.every((line) => line.channelDetailId)).toBe(true);

    const repeat = await tenant.client.request('POST', splitPath(serialNo), body);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(created.body);
    expect((await tradeOf(serialNo)).settles).toHaveLength(1);
  });

  it('finishes with a settle carrying royalty_finish; repeats answer the payment; a later split is 409 SPLIT_FINISHED', async () => {
    const { serialNo } = await paidPayment({ amount: 10_000 });
    await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AF-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 2_000, description: '服务费' }] });
    const finished = await tenant.client.request('POST', `${splitPath(serialNo)}/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body.payment).toMatchObject({ serialNo, splitAmount: 2_000 });
    const trade = await tradeOf(serialNo);
    expect(trade.royaltyFinishedAt).not.toBeNull();
    expect(trade.settles.filter((settle) => settle.royaltyFinish)).toHaveLength(1);

    expect((await tenant.client.request('POST', `${splitPath(serialNo)}/finish`)).status).toBe(200);
    expect((await tradeOf(serialNo)).settles.filter((settle) => settle.royaltyFinish)).toHaveLength(1);

    const late = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AL-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 100, description: '服务费' }] });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SPLIT_FINISHED');
    expect((await tradeOf(serialNo)).settles).toHaveLength(2);
  });

  it('a split with finish: true releases the rest in the same settle', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    const last = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AT-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[1], amount: 300, description: '分成' }], finish: true });
    expect(last.body.split).toMatchObject({ status: 'SUCCEEDED', finish: true });
    expect(await tradeOf(serialNo)).toMatchObject({ settledFen: 300, royaltyFinishedAt: expect.any(Date), settles: [expect.objectContaining({ royaltyFinish: true })] });
    const after = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AU-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[1], amount: 1, description: '分成' }] });
    expect(after.body.error.code).toBe('SPLIT_FINISHED');
  });

  it('a split the simulated Alipay refuses (receiver unbound there) is FAILED with split.failed, and its amount is splittable again', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    const relation = { appId: tenant.alipayAppId, type: 'userId', account: '2088102146225135' };
    const kept = await db().sandboxAlipayRoyaltyRelation.findUniqueOrThrow({ where: { appId_type_account: relation } });
    await db().sandboxAlipayRoyaltyRelation.delete({ where: { appId_type_account: relation } });
    try {
      const refused = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AR-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 300, description: '服务费' }] });
      expect(refused.status).toBe(201);
      expect(refused.body.split).toMatchObject({ status: 'FAILED', receivers: [{ status: 'FAILED', failReason: expect.stringContaining('ACQ.INVALID_PARAMETER') }] });
      expect(await db().outboxEvent.count({ where: { serialNo, type: 'split.failed' } })).toBe(1);
      const again = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AR2-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[1], amount: 300, description: '分成' }] });
      expect(again.body.split.status).toBe('SUCCEEDED');
    } finally {
      await db().sandboxAlipayRoyaltyRelation.create({ data: kept });
    }
  });

  it('20 concurrent splits on one payment never exceed the splittable amount, here or at the simulated Alipay', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    // Ceiling 300: of 20 splits of 40, at most 7 fit.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tenant.client.request('POST', splitPath(serialNo), { splitNo: `AC-${serialNo.slice(-8)}-${i}`, receivers: [{ receiverId: receiverIds[i % 2], amount: 40, description: '并发' }] }),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(7);
    expect(statuses.filter((status) => status === 422)).toHaveLength(13);
    expect(answers.filter((answer) => answer.status === 422).every((answer) => answer.body.error.code === 'SPLIT_AMOUNT_EXCEEDED')).toBe(true);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).splitAmount).toBe(280);
    expect(await db().split.count({ where: { serialNo, status: 'SUCCEEDED' } })).toBe(7);
    const trade = await tradeOf(serialNo);
    expect(trade.settledFen).toBe(280);
    expect(trade.settles).toHaveLength(7);
  });

  it('a payment made without profitSharing cannot be split (409 SPLIT_NOT_ALLOWED), and Alipay was not asked to hold it', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000, profitSharing: false });
    expect((await tradeOf(serialNo)).royaltyFreeze).toBe(false);
    const refused = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AN-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 100, description: '服务费' }] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SPLIT_NOT_ALLOWED');
  });

  it('the scheduled query settles a split whose answer was lost from settle.query, and sends again one Alipay never received', async () => {
    const later = () => new Date(Date.now() + 10 * 60_000);
    // No notify URL: the events this test removes have no deliveries.
    const { serialNo } = await paidAlipayPayment(tenant, { amount: 1_000 });
    const created = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AQ-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[1], amount: 100, description: '分成' }] });
    const lost = created.body.split.splitSerialNo;
    await db().split.update({ where: { splitSerialNo: lost }, data: { status: 'PROCESSING', finishedAt: null, nextQueryAt: new Date() } });
    // Alipay never heard of this one: the query finds nothing and the same out_request_no is settled.
    const unsent = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `AQ2-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 50, description: '服务费' }] });
    const neverReceived = unsent.body.split.splitSerialNo;
    await db().sandboxAlipaySettle.deleteMany({ where: { outRequestNo: neverReceived } });
    await db().sandboxAlipayTrade.updateMany({ where: { appId: tenant.alipayAppId, outTradeNo: serialNo }, data: { settledFen: 100 } });
    await db().split.update({ where: { splitSerialNo: neverReceived }, data: { status: 'PROCESSING', finishedAt: null, nextQueryAt: new Date() } });
    // As if neither answer had arrived: nothing settled or announced here yet.
    await db().splitLine.updateMany({ where: { splitSerialNo: { in: [lost, neverReceived] } }, data: { status: 'PROCESSING', channelDetailId: null } });
    await db().outboxEvent.deleteMany({ where: { serialNo, type: 'split.succeeded' } });

    await queryDueSplits({ now: later() });
    const settled = await db().split.findMany({ where: { splitSerialNo: { in: [lost, neverReceived] } }, include: { lines: true } });
    expect(settled.map((split) => [split.status, split.lines[0]!.channelDetailId !== null])).toEqual([
      ['SUCCEEDED', true],
      ['SUCCEEDED', true],
    ]);
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'split.succeeded' } })).toBe(2);
    const trade = await tradeOf(serialNo);
    expect(trade.settledFen).toBe(150);
    expect(trade.settles.map((settle) => settle.outRequestNo).sort()).toEqual([lost, neverReceived].sort());
  });
});
