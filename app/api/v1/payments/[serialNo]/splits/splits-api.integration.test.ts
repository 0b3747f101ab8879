// Split payments (api-contract.md v1.1) over HTTP on WeChat Pay: the real route handlers, the real
// plugin and SDK, the WeChat Pay simulator enforcing WeChat's rules, a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSplitReceiver } from '@/server/backend/splits/split-receivers';
import { db } from '@/server/db/client';
import { openAppSecret } from '@/server/security/app-secret';
import { verifyWebhook } from '@paycenter/node';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paymentRequest, paymentsTenant } from '@/server/testing/payments-api';
import { paidWechatPayment, splitTenant, wechatChannel, type SplitTenant } from '@/server/testing/split-payments';
import { webhookReceiver, type WebhookReceiver } from '@/server/testing/webhook-receiver';

let server: RunningServer;
let tenant: SplitTenant;
let receiver: WebhookReceiver;
let secret: string;
let wechatPaymentId: string;
let receiverIds: string[];

const paidPayment = (options: { amount: number; profitSharing?: boolean }) => paidWechatPayment(tenant, { ...options, notifyUrl: receiver.url });

const splitPath = (serialNo: string) => `/api/v1/payments/${serialNo}/splits`;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await splitTenant({ baseUrl: server.baseUrl });
  ({ wechatPaymentId, receiverIds } = tenant);
  secret = openAppSecret(await db().appSecret.findFirstOrThrow({ where: { appId: tenant.app.id } }));
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

describe('split receivers', () => {
  it('are bound at the simulated WeChat Pay with the name decrypted there, and kept with the name sealed', async () => {
    const bound = await db().sandboxWechatReceiver.findMany({ where: { account: { in: ['1900000109', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'] } }, orderBy: { type: 'asc' } });
    expect(bound.map((r) => [r.type, r.name, r.relationType])).toEqual([
      ['MERCHANT_ID', '花园保洁服务有限公司', 'SUPPLIER'],
      ['PERSONAL_OPENID', '张三', 'PARTNER'],
    ]);
    const stored = await db().splitReceiver.findUniqueOrThrow({ where: { id: receiverIds[0] } });
    expect(stored.id).toMatch(/^rcv_/);
    expect(stored.nameSealed).not.toContain('花园');
    expect(await db().auditLog.count({ where: { action: 'split-receiver.register', targetId: { in: receiverIds } } })).toBe(2);
  });
});

describe('POST /api/v1/payments/{serialNo}/splits', () => {
  it('splits to SUCCEEDED with its signed split.succeeded webhook, repeats idempotently, conflicts on other content, and reads back', async () => {
    const { serialNo } = await paidPayment({ amount: 10_000 });
    const before = receiver.received.length;
    const body = { splitNo: `SP-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 1_000, description: '保洁服务费' }, { receiverId: receiverIds[1], amount: 500, description: '维修分成' }] };
    const created = await tenant.client.request('POST', splitPath(serialNo), body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      split: {
        splitSerialNo: expect.stringMatching(/^S\d{17}[0-9A-Za-z]{13}$/),
        splitNo: body.splitNo,
        serialNo,
        status: 'SUCCEEDED',
        finish: false,
        receivers: [
          { receiverId: receiverIds[0], amount: 1_000, description: '保洁服务费', status: 'SUCCEEDED', failReason: null },
          { receiverId: receiverIds[1], amount: 500, description: '维修分成', status: 'SUCCEEDED', failReason: null },
        ],
        createdAt: expect.any(String),
        finishedAt: expect.any(String),
      },
    });
    const webhook = await receiver.nth(before + 1, 2000);
    const event = verifyWebhook({ secret, timestamp: webhook.timestamp, signature: webhook.signature, rawBody: webhook.rawBody });
    expect(event).toMatchObject({ type: 'split.succeeded', data: { split: created.body.split, payment: { serialNo, profitSharing: true, splitAmount: 1_500 } } });

    const repeat = await tenant.client.request('POST', splitPath(serialNo), body);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(created.body);
    const conflict = await tenant.client.request('POST', splitPath(serialNo), { ...body, receivers: [{ ...body.receivers[0], amount: 999 }] });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('SPLIT_CONFLICT');

    const read = await tenant.client.request('GET', `/api/v1/splits/${created.body.split.splitSerialNo}`);
    expect(read.body).toEqual(created.body);
    const payment = await tenant.client.request('GET', `/api/v1/payments/${serialNo}`);
    expect(payment.body.payment).toMatchObject({ profitSharing: true, splitAmount: 1_500 });
    const trade = await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    expect(trade).toMatchObject({ profitSharing: true, sharedFen: 1_500 });
  });

  it('finishes: the simulator unfreezes the rest, repeats answer the payment, and a later split is SPLIT_FINISHED', async () => {
    const { serialNo } = await paidPayment({ amount: 10_000 });
    await tenant.client.request('POST', splitPath(serialNo), { splitNo: `SF-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 2_000, description: '服务费' }] });
    const finished = await tenant.client.request('POST', `${splitPath(serialNo)}/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body.payment).toMatchObject({ serialNo, splitAmount: 2_000 });
    const trade = await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } });
    expect(trade.unfrozenAt).not.toBeNull();
    expect(await db().sandboxWechatProfitSharingOrder.count({ where: { prepayId: trade.prepayId, unfreeze: true } })).toBe(1);

    const again = await tenant.client.request('POST', `${splitPath(serialNo)}/finish`);
    expect(again.status).toBe(200);
    expect(await db().sandboxWechatProfitSharingOrder.count({ where: { prepayId: trade.prepayId, unfreeze: true } })).toBe(1);

    const late = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `SL-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 100, description: '服务费' }] });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SPLIT_FINISHED');
  });

  it('a split with finish: true ends splitting after it', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    const last = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `ST-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[1], amount: 300, description: '分成' }], finish: true });
    expect(last.body.split).toMatchObject({ status: 'SUCCEEDED', finish: true });
    expect((await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } })).unfrozenAt).not.toBeNull();
    const after = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `SU-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[1], amount: 1, description: '分成' }] });
    expect(after.body.error.code).toBe('SPLIT_FINISHED');
    expect((await tenant.client.request('POST', `${splitPath(serialNo)}/finish`)).status).toBe(200);
  });

  it('answers each refusal with its code and stores nothing', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    const line = (overrides: Record<string, unknown> = {}) => ({ receiverId: receiverIds[0], amount: 100, description: '服务费', ...overrides });
    const post = (serial: string, body: Record<string, unknown>) => tenant.client.request('POST', splitPath(serial), body);

    const exceeded = await post(serialNo, { splitNo: 'E-1', receivers: [line({ amount: 301 })] });
    expect(exceeded.status).toBe(422);
    expect(exceeded.body.error).toMatchObject({ code: 'SPLIT_AMOUNT_EXCEEDED', details: { splittableAmount: 300 } });

    const unknown = await post(serialNo, { splitNo: 'E-2', receivers: [line(), line({ receiverId: 'rcv_unknown' })] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_REQUEST', details: { fields: { 'receivers[1].receiverId': expect.any(String) } } });

    // A receiver of another payment channel (another company's) is never usable.
    const stranger = await paymentsTenant({ baseUrl: server.baseUrl });
    const strangerChannel = await wechatChannel(stranger, { splitEnabled: true });
    const theirs = await registerSplitReceiver({ actor: stranger.companyAdmin, input: { paymentId: strangerChannel, accountType: 'PERSONAL_OPENID', account: 'oStranger0000000000000000001', relationType: 'USER' } });
    const foreign = await post(serialNo, { splitNo: 'E-3', receivers: [line({ receiverId: theirs.id })] });
    expect(foreign.status).toBe(400);
    expect(Object.keys(foreign.body.error.details.fields)).toEqual(['receivers[0].receiverId']);

    const invalid = await post(serialNo, { splitNo: 'no spaces', receivers: [line({ amount: 0 })], extra: 1 });
    expect(invalid.status).toBe(400);

    const plain = await paidPayment({ amount: 1_000, profitSharing: false });
    const notAllowed = await post(plain.serialNo, { splitNo: 'E-4', receivers: [line()] });
    expect(notAllowed.status).toBe(409);
    expect(notAllowed.body.error.code).toBe('SPLIT_NOT_ALLOWED');

    const pending = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId: wechatPaymentId, invokeMethod: 'QR', profitSharing: true }));
    expect((await post(pending.body.payment.serialNo, { splitNo: 'E-5', receivers: [line()] })).body.error.code).toBe('SPLIT_NOT_ALLOWED');

    const alipayPayment = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { profitSharing: true }));
    expect(alipayPayment.status).toBe(422);
    expect(alipayPayment.body.error.code).toBe('SPLIT_NOT_SUPPORTED');
    const disabledChannel = await wechatChannel(tenant, { splitEnabled: false });
    const disabled = await tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, { paymentId: disabledChannel, invokeMethod: 'QR', profitSharing: true }));
    expect(disabled.body.error.code).toBe('SPLIT_NOT_SUPPORTED');

    expect(await db().split.count({ where: { serialNo: { in: [serialNo, plain.serialNo, pending.body.payment.serialNo] } } })).toBe(0);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).splitAmount).toBe(0);
  });

  it('20 concurrent splits on one payment never exceed the splittable amount', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    // Ceiling 300: of 20 splits of 40, at most 7 fit.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tenant.client.request('POST', splitPath(serialNo), { splitNo: `C-${serialNo.slice(-8)}-${i}`, receivers: [{ receiverId: receiverIds[i % 2], amount: 40, description: '并发' }] }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(7);
    expect(answers.filter((answer) => answer.status === 422).every((answer) => answer.body.error.code === 'SPLIT_AMOUNT_EXCEEDED')).toBe(true);
    expect(statuses.filter((status) => status === 422)).toHaveLength(13);
    const payment = await db().payment.findUniqueOrThrow({ where: { serialNo } });
    expect(payment.splitAmount).toBe(280);
    expect(await db().split.count({ where: { serialNo, status: 'SUCCEEDED' } })).toBe(7);
    expect((await db().sandboxWechatTrade.findFirstOrThrow({ where: { outTradeNo: serialNo } })).sharedFen).toBe(280);
  });

  it('splits and refunds together never pass the paid amount, one after the other or racing', async () => {
    const { serialNo } = await paidPayment({ amount: 1_000 });
    await tenant.client.request('POST', splitPath(serialNo), { splitNo: `SR-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 300, description: '服务费' }] });
    // A refund may take the split money back from receivers (server/core/refunds/split-payment-refunds), never more than was paid.
    const tooMuch = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `RR-${serialNo.slice(-8)}`, amount: 1_001 });
    expect(tooMuch.body.error).toMatchObject({ code: 'REFUND_AMOUNT_EXCEEDED', details: { refundableAmount: 1_000 } });
    expect((await tenant.client.request('POST', `/api/v1/payments/${serialNo}/refunds`, { refundNo: `RR-${serialNo.slice(-8)}`, amount: 700 })).status).toBe(201);
    const afterRefund = await tenant.client.request('POST', splitPath(serialNo), { splitNo: `SR2-${serialNo.slice(-8)}`, receivers: [{ receiverId: receiverIds[0], amount: 1, description: '服务费' }] });
    expect(afterRefund.body.error).toMatchObject({ code: 'SPLIT_AMOUNT_EXCEEDED', details: { splittableAmount: 0 } });

    const raced = await paidPayment({ amount: 1_000 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? tenant.client.request('POST', splitPath(raced.serialNo), { splitNo: `RS-${raced.serialNo.slice(-8)}-${i}`, receivers: [{ receiverId: receiverIds[0], amount: 60, description: '并发' }] })
          : tenant.client.request('POST', `/api/v1/payments/${raced.serialNo}/refunds`, { refundNo: `RF-${raced.serialNo.slice(-8)}-${i}`, amount: 150 }),
      ),
    );
    expect(answers.every((answer) => answer.status === 201 || answer.status === 422)).toBe(true);
    const payment = await db().payment.findUniqueOrThrow({ where: { serialNo: raced.serialNo } });
    expect(payment.splitAmount).toBeLessThanOrEqual(300);
    expect(payment.splitAmount + payment.refundReservedAmount).toBeLessThanOrEqual(1_000);
    const splits = await db().split.aggregate({ where: { serialNo: raced.serialNo, status: 'SUCCEEDED' }, _sum: { amount: true } });
    const returned = await db().splitReturn.aggregate({ where: { line: { split: { serialNo: raced.serialNo } }, status: { not: 'FAILED' } }, _sum: { amount: true } });
    expect(payment.splitAmount).toBe((splits._sum.amount ?? 0) - (returned._sum.amount ?? 0));
  });
});
