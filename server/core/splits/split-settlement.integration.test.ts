// How a split is settled when its first answer is lost or refused: the scheduled query reads the
// channel's record (or sends a split the channel never received again), and a refusal fails the split
// with its event and frees its amount. Through the real plugin, SDK and WeChat Pay simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeSplitReceiver } from '@/server/backend/splits/split-receivers';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paidWechatPayment, splitTenant, type SplitTenant } from '@/server/testing/split-payments';
import { newSerialNo } from '../serial-numbers';
import { queryDueSplits } from './sync-split';

let server: RunningServer;
let tenant: SplitTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await splitTenant({ baseUrl: server.baseUrl });
});
afterAll(() => server?.close());

const later = () => new Date(Date.now() + 10 * 60_000);

describe('split settlement', () => {
  it('the query settles a split whose answer was lost, from the channel’s record, with its event', async () => {
    const { serialNo } = await paidWechatPayment(tenant, { amount: 1_000 });
    const created = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `Q-${serialNo.slice(-8)}`, receivers: [{ receiverId: tenant.receiverIds[0], amount: 100, description: '服务费' }] });
    const { splitSerialNo } = created.body.split;
    // As if the channel's answer never arrived: the split stays PROCESSING, nothing announced.
    await db().outboxEvent.deleteMany({ where: { serialNo, type: 'split.succeeded' } });
    await db().split.update({ where: { splitSerialNo }, data: { status: 'PROCESSING', finishedAt: null, nextQueryAt: new Date() } });
    await db().splitLine.updateMany({ where: { splitSerialNo }, data: { status: 'PROCESSING', channelDetailId: null } });

    await queryDueSplits({ now: later() });
    const settled = await db().split.findUniqueOrThrow({ where: { splitSerialNo }, include: { lines: true } });
    expect(settled).toMatchObject({ status: 'SUCCEEDED', nextQueryAt: null, lines: [expect.objectContaining({ status: 'SUCCEEDED', channelDetailId: expect.any(String) })] });
    expect(await db().outboxEvent.count({ where: { serialNo, type: 'split.succeeded' } })).toBe(1);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).splitAmount).toBe(100);
  });

  it('the query sends again a split the channel never received, under the same serial number', async () => {
    const { serialNo } = await paidWechatPayment(tenant, { amount: 1_000 });
    const payment = await db().payment.update({ where: { serialNo }, data: { splitAmount: 50 } });
    const splitSerialNo = newSerialNo('S');
    await db().split.create({
      data: {
        splitSerialNo,
        splitNo: `N-${serialNo.slice(-8)}`,
        serialNo,
        appId: payment.appId,
        merchantId: payment.merchantId,
        companyId: payment.companyId,
        amount: 50,
        finish: false,
        nextQueryAt: new Date(),
        lines: { create: [{ position: 0, receiverId: tenant.receiverIds[1], amount: 50, description: '分成' }] },
      },
    });
    await queryDueSplits({ now: later() });
    expect(await db().split.findUniqueOrThrow({ where: { splitSerialNo } })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await db().sandboxWechatProfitSharingOrder.count({ where: { outOrderNo: splitSerialNo } })).toBe(1);
    expect((await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } })).sharedFen).toBe(50);
  });

  it('a split the channel refuses is FAILED with split.failed, and its amount is splittable again', async () => {
    const { serialNo } = await paidWechatPayment(tenant, { amount: 1_000 });
    // The receiver is gone at the channel (removed there by hand): WeChat refuses the split.
    const receiver = await db().splitReceiver.findUniqueOrThrow({ where: { id: tenant.receiverIds[0] } });
    await db().sandboxWechatReceiver.deleteMany({ where: { type: receiver.accountType, account: receiver.account } });
    try {
      const refused = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `R-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiver.id, amount: 300, description: '服务费' }] });
      expect(refused.status).toBe(201);
      expect(refused.body.split).toMatchObject({ status: 'FAILED', receivers: [{ status: 'FAILED', failReason: expect.stringContaining('PARAM_ERROR') }] });
      const event = await db().outboxEvent.findFirstOrThrow({ where: { serialNo, type: 'split.failed' } });
      expect(event.data).toMatchObject({ split: { splitSerialNo: refused.body.split.splitSerialNo, status: 'FAILED' }, payment: { splitAmount: 0 } });
      const again = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `R2-${serialNo.slice(-8)}`, receivers: [{ receiverId: tenant.receiverIds[1], amount: 300, description: '分成' }] });
      expect(again.body.split.status).toBe('SUCCEEDED');
    } finally {
      await db().sandboxWechatReceiver.create({ data: { mchId: (await db().sandboxAccount.findUniqueOrThrow({ where: { paymentChannelId: tenant.wechatPaymentId } })).accountId, type: receiver.accountType, account: receiver.account, relationType: 'SUPPLIER' } });
    }
  });

  it('a removed receiver is unbound at the channel and no longer accepted', async () => {
    const removed = await removeSplitReceiver({ actor: tenant.companyAdmin, input: { receiverId: tenant.receiverIds[1] } });
    expect(removed).toMatchObject({ status: 'REMOVED' });
    expect(await db().sandboxWechatReceiver.count({ where: { account: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } })).toBe(0);
    const { serialNo } = await paidWechatPayment(tenant, { amount: 1_000 });
    const refused = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/splits`, { splitNo: `X-${serialNo.slice(-8)}`, receivers: [{ receiverId: tenant.receiverIds[1], amount: 10, description: '分成' }] });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.details.fields)).toEqual(['receivers[0].receiverId']);
    expect(await db().auditLog.count({ where: { action: 'split-receiver.remove', targetId: tenant.receiverIds[1] } })).toBe(1);
  });
});
