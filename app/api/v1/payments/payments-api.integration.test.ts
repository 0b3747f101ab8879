// The payments API of api-contract.md over HTTP, against Postgres and the Alipay simulator through
// the real alipay-sdk: initiation per invoke method, repeats, the 15-second rule and channel
// switching, the sandbox helpers, queries by the three identifiers, close, and callbacks.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { alipayPlugin } from '@/server/gateway/channels/alipay';
import { alipayNotifySignContent } from '@/server/gateway/channels/alipay/notify-signature';
import { refundDueDuplicates } from '@/server/core/payments/refund-due-duplicates';
import { db } from '@/server/db/client';
import { startAppServer } from '@/server/testing/app-server';
import type { RunningServer } from '@/server/testing/node-http-bridge';
import { paidTradeNotify, paymentRequest, paymentsTenant, postNotify, type PaymentsTenant } from '@/server/testing/payments-api';

let server: RunningServer;
let tenant: PaymentsTenant;

beforeAll(async () => {
  server = await startAppServer();
  tenant = await paymentsTenant({ baseUrl: server.baseUrl });
});

afterAll(() => server?.close());

const create = (overrides: Record<string, unknown> = {}) => tenant.client.request('POST', '/api/v1/payments', paymentRequest(tenant, overrides));
const events = (serialNo: string) => db().outboxEvent.findMany({ where: { serialNo }, orderBy: { cursor: 'asc' } });
/** Moves an order's last attempt back in time, as if 15 seconds had passed. */
const waitOutAttemptInterval = (orderNo: string) => db().order.updateMany({ where: { orderNo }, data: { lastAttemptAt: new Date(Date.now() - 16_000) } });

describe('POST /api/v1/payments', () => {
  it('PC: 201 with a REDIRECT to the channel; the same request again is 200 with the same attempt', async () => {
    const body = paymentRequest(tenant, { metadata: { room: '3-2-1201' }, returnUrl: 'https://app.example/paid' });
    const first = await tenant.client.request('POST', '/api/v1/payments', body);
    expect(first.status).toBe(201);
    expect(first.body.payment).toMatchObject({
      orderNo: body.orderNo, merchantId: tenant.merchantId, paymentId: tenant.paymentId, channel: 'ALIPAY', invokeMethod: 'PC',
      amount: 1000, currency: 'CNY', status: 'PENDING', channelTradeNo: null, refundedAmount: 0, paidAt: null, livemode: false, metadata: { room: '3-2-1201' },
    });
    expect(first.body.payment.serialNo).toMatch(/^P\d{17}[0-9A-Za-z]{13}$/);
    expect(first.body.action.type).toBe('REDIRECT');
    expect(first.body.action.url).toContain('/sandbox/alipay/gateway.do?');

    const again = await tenant.client.request('POST', '/api/v1/payments', body);
    expect(again.status).toBe(200);
    expect(again.body.payment.serialNo).toBe(first.body.payment.serialNo);
    expect(again.body.action).toEqual(first.body.action);
    expect(await db().payment.count({ where: { order: { orderNo: body.orderNo as string } } })).toBe(1);
  });

  it('QR answers the raw code and our hosted checkout; APP answers the signed order string; MINI_PROGRAM needs the buyer', async () => {
    const qr = await create({ invokeMethod: 'QR' });
    expect(qr.status).toBe(201);
    expect(qr.body.action).toEqual({ type: 'QR_CODE', content: expect.stringContaining('/sandbox/alipay/cashier/'), checkoutUrl: `${server.baseUrl}/checkout/${qr.body.payment.serialNo}` });

    const app = await create({ invokeMethod: 'APP' });
    expect(app.body.action.type).toBe('SDK_PARAMS');
    expect(app.body.action.params.orderString).toContain('sign=');

    const missingBuyer = await create({ invokeMethod: 'MINI_PROGRAM' });
    expect(missingBuyer.status).toBe(400);
    expect(missingBuyer.body.error.details.fields).toHaveProperty(['payer.buyerId']);
    const mini = await create({ invokeMethod: 'MINI_PROGRAM', payer: { buyerId: '2088102177846880' } });
    expect(mini.status).toBe(201);
    expect(mini.body.payment.channelTradeNo).toMatch(/^\d{28}$/);
    expect(mini.body.action).toEqual({ type: 'SDK_PARAMS', params: { tradeNO: mini.body.payment.channelTradeNo } });
  });

  it('refuses a method the payment ID has not enabled and another amount for the same order', async () => {
    await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'WAP', 'APP', 'MINI_PROGRAM'] } });
    try {
      const qr = await create({ invokeMethod: 'QR' });
      expect([qr.status, qr.body.error.code]).toEqual([422, 'METHOD_NOT_SUPPORTED']);
    } finally {
      await db().paymentChannel.update({ where: { id: tenant.paymentId }, data: { invokeMethods: ['PC', 'WAP', 'APP', 'MINI_PROGRAM', 'QR'] } });
    }
    const first = await create();
    const conflict = await create({ orderNo: first.body.payment.orderNo, amount: 999 });
    expect([conflict.status, conflict.body.error.code]).toEqual([409, 'ORDER_CONFLICT']);
    expect(conflict.body.error.details.fields).toHaveProperty('amount');
  });

  it('a channel that refuses answers 502 CHANNEL_ERROR and records the attempt FAILED with a payment.failed event', async () => {
    // The simulator no longer knows the app (as Alipay answers for an app id it does not know).
    const account = await db().sandboxAccount.delete({ where: { paymentChannelId: tenant.paymentId } });
    try {
      const refused = await create({ invokeMethod: 'QR' });
      expect(refused.status).toBe(502);
      expect(refused.body.error.code).toBe('CHANNEL_ERROR');
      expect(refused.body.error.details.channelCode).toBeTruthy();
      const attempt = await db().payment.findUniqueOrThrow({ where: { serialNo: refused.body.error.details.serialNo } });
      expect(attempt).toMatchObject({ status: 'FAILED', failureCode: refused.body.error.details.channelCode });
      expect((await events(attempt.serialNo)).map((e) => e.type)).toEqual(['payment.failed']);
    } finally {
      await db().sandboxAccount.create({ data: account });
    }
  });
});

describe('repeated attempts and channel switching', () => {
  it('a new attempt within 15 s is 429 with retryAfterSeconds; later the live attempt is closed first', async () => {
    const first = await create({ invokeMethod: 'QR' });
    const { orderNo, serialNo } = first.body.payment;
    const tooSoon = await create({ orderNo, invokeMethod: 'WAP' });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.code).toBe('ATTEMPT_TOO_FREQUENT');
    expect(tooSoon.body.error.details.retryAfterSeconds).toBeGreaterThanOrEqual(14);
    expect(tooSoon.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(15);

    await waitOutAttemptInterval(orderNo);
    const second = await create({ orderNo, invokeMethod: 'WAP' });
    expect(second.status).toBe(201);
    expect(second.body.payment.serialNo).not.toBe(serialNo);
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'CLOSED' });
    expect((await events(serialNo)).map((e) => e.type)).toEqual(['payment.closed']);

    const order = await tenant.client.request('GET', `/api/v1/payments?merchantId=${tenant.merchantId}&orderNo=${orderNo}`);
    expect(order.status).toBe(200);
    expect(order.body.order).toMatchObject({ orderNo, status: 'OPEN', amount: 1000 });
    expect(order.body.payments.map((p: { serialNo: string; status: string }) => [p.serialNo, p.status])).toEqual([
      [serialNo, 'CLOSED'],
      [second.body.payment.serialNo, 'PENDING'],
    ]);
  });

  it('when two attempts of one order are both paid, the later one is refunded in full and an alert is raised', async () => {
    const first = await create({ invokeMethod: 'QR' });
    const { orderNo, serialNo: firstSerial } = first.body.payment;
    await waitOutAttemptInterval(orderNo);
    // The user had the first QR code open and pays it after switching: Alipay still takes the money.
    const second = await create({ orderNo, invokeMethod: 'MINI_PROGRAM', payer: { buyerId: '2088102177846880' } });
    const secondSerial = second.body.payment.serialNo;
    expect((await tenant.client.request('POST', `/api/v1/sandbox/payments/${secondSerial}/pay`)).body.payment.status).toBe('SUCCEEDED');
    await db().sandboxAlipayTrade.updateMany({ where: { outTradeNo: firstSerial }, data: { status: 'WAIT_BUYER_PAY', closedAt: null } });
    const late = await postNotify(server.baseUrl, tenant.paymentId, await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo: firstSerial }));
    expect(await late.text()).toBe('success');

    const duplicate = await db().payment.findUniqueOrThrow({ where: { serialNo: firstSerial } });
    expect(duplicate).toMatchObject({ status: 'SUCCEEDED', duplicateOf: secondSerial, refundReservedAmount: 1000 });
    const refunds = await db().refund.findMany({ where: { serialNo: firstSerial } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 1000, initiator: 'DUPLICATE_PAYMENT', status: 'SUCCEEDED' });
    expect(await db().alert.count({ where: { kind: 'DUPLICATE_PAYMENT', serialNo: firstSerial } })).toBe(1);
    expect(await db().order.findFirstOrThrow({ where: { orderNo } })).toMatchObject({ status: 'PAID', paidSerialNo: secondSerial });
  });

  it('a duplicate whose automatic refund was never recorded is refunded by the sweep, once', async () => {
    const created = await create();
    const { serialNo } = created.body.payment;
    await tenant.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`);
    // As left behind when the channel was down at the moment the duplicate was detected.
    await db().payment.update({ where: { serialNo }, data: { duplicateOf: 'P20261201000000000earlierAttempt' } });
    await Promise.all([refundDueDuplicates(), refundDueDuplicates()]);
    await refundDueDuplicates();
    const refunds = await db().refund.findMany({ where: { serialNo } });
    expect(refunds.map((r) => [r.initiator, r.amount, r.status])).toEqual([['DUPLICATE_PAYMENT', 1000, 'SUCCEEDED']]);
  });
});

describe('sandbox helpers, queries by the three identifiers, close', () => {
  it('pays through the simulator’s signed notify and finds the payment by serialNo, order and channelTradeNo', async () => {
    const created = await create();
    const { serialNo, orderNo } = created.body.payment;
    const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`);
    expect(paid.status).toBe(200);
    expect(paid.body.payment).toMatchObject({ serialNo, status: 'SUCCEEDED' });
    expect(paid.body.payment.paidAt).toBeTruthy();
    const channelTradeNo = paid.body.payment.channelTradeNo as string;
    expect(channelTradeNo).toMatch(/^\d{28}$/);

    const bySerial = await tenant.client.request('GET', `/api/v1/payments/${serialNo}`);
    const byOrder = await tenant.client.request('GET', `/api/v1/payments?merchantId=${tenant.merchantId}&orderNo=${orderNo}`);
    const byTrade = await tenant.client.request('GET', `/api/v1/payments?channelTradeNo=${channelTradeNo}`);
    expect(bySerial.body.payment).toEqual(paid.body.payment);
    expect(byOrder.body.order).toMatchObject({ status: 'PAID', paidSerialNo: serialNo });
    expect(byOrder.body.payments).toEqual([paid.body.payment]);
    expect(byTrade.body.payment).toEqual(paid.body.payment);

    const notifications = await db().channelNotification.findMany({ where: { serialNo } });
    expect(notifications.map((n) => [n.verified, n.outcome])).toEqual([[true, 'APPLIED']]);
    expect((await events(serialNo)).map((e) => e.type)).toEqual(['payment.succeeded']);

    const again = await create({ orderNo });
    expect([again.status, again.body.error.code]).toEqual([409, 'ORDER_ALREADY_PAID']);
    const close = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/close`);
    expect([close.status, close.body.error.code]).toEqual([409, 'ORDER_ALREADY_PAID']);
  });

  it('fail: the simulated buyer fails, Alipay closes the trade and notifies; the attempt reads FAILED', async () => {
    const created = await create({ invokeMethod: 'WAP' });
    const failed = await tenant.client.request('POST', `/api/v1/sandbox/payments/${created.body.payment.serialNo}/fail`);
    expect(failed.status).toBe(200);
    expect(failed.body.payment.status).toBe('FAILED');
    expect((await events(created.body.payment.serialNo)).map((e) => e.type)).toEqual(['payment.failed']);
  });

  it('close: closes that attempt at the channel and locally, idempotently; the order stays open for a new attempt', async () => {
    const created = await create({ invokeMethod: 'QR' });
    const { serialNo, orderNo } = created.body.payment;
    const closed = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/close`);
    expect([closed.status, closed.body.payment.status]).toEqual([200, 'CLOSED']);
    const again = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/close`);
    expect([again.status, again.body.payment.status]).toEqual([200, 'CLOSED']);
    expect((await events(serialNo)).map((e) => e.type)).toEqual(['payment.closed']);
    expect(await db().order.findFirstOrThrow({ where: { orderNo } })).toMatchObject({ status: 'OPEN', paidSerialNo: null });

    // The 15-second rule still holds after a close; then the app starts a new attempt of the same order.
    const tooSoon = await create({ orderNo });
    expect([tooSoon.status, tooSoon.body.error.code]).toEqual([429, 'ATTEMPT_TOO_FREQUENT']);
    await waitOutAttemptInterval(orderNo);
    const retry = await create({ orderNo });
    expect(retry.status).toBe(201);
    expect(retry.body.payment).toMatchObject({ orderNo, status: 'PENDING' });
    expect(retry.body.payment.serialNo).not.toBe(serialNo);
    const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${retry.body.payment.serialNo}/pay`);
    expect(paid.body.payment.status).toBe('SUCCEEDED');
    expect(await db().order.findFirstOrThrow({ where: { orderNo } })).toMatchObject({ status: 'PAID', paidSerialNo: retry.body.payment.serialNo });
    // The closed attempt stays closed, and closing it again is still a no-op.
    const closedAgain = await tenant.client.request('POST', `/api/v1/payments/${serialNo}/close`);
    expect([closedAgain.status, closedAgain.body.payment.status]).toEqual([200, 'CLOSED']);
  });

  it('answers an attempt past its expiry as CLOSED before the expiry sweep has run', async () => {
    const created = await create();
    await db().payment.update({ where: { serialNo: created.body.payment.serialNo }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const read = await tenant.client.request('GET', `/api/v1/payments/${created.body.payment.serialNo}`);
    expect(read.body.payment.status).toBe('CLOSED');
  });

  it('another app’s payment is 404, never 403, by every identifier', async () => {
    const created = await create();
    const { serialNo, orderNo } = created.body.payment;
    const paid = await tenant.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`);
    const other = await paymentsTenant({ baseUrl: server.baseUrl });
    for (const path of [
      `/api/v1/payments/${serialNo}`,
      `/api/v1/payments?merchantId=${tenant.merchantId}&orderNo=${orderNo}`,
      `/api/v1/payments?channelTradeNo=${paid.body.payment.channelTradeNo}`,
    ]) {
      const answer = await other.client.request('GET', path);
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    for (const action of ['close', 'refunds']) {
      const answer = await other.client.request('POST', `/api/v1/payments/${serialNo}/${action}`, action === 'refunds' ? { refundNo: 'R1', amount: 1 } : undefined);
      expect(answer.status).toBe(404);
    }
    expect((await other.client.request('POST', `/api/v1/sandbox/payments/${serialNo}/pay`)).status).toBe(404);
  });
});

describe('channel callbacks', () => {
  async function pendingPayment() {
    const created = await create({ invokeMethod: 'QR' });
    return created.body.payment.serialNo as string;
  }

  it('the same genuine callback 100 times at once: one state change, one event, every answer success', async () => {
    const serialNo = await pendingPayment();
    const body = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo });
    const answers = await Promise.all(Array.from({ length: 100 }, () => postNotify(server.baseUrl, tenant.paymentId, body).then((r) => r.text())));
    expect(new Set(answers)).toEqual(new Set(['success']));
    expect((await events(serialNo)).map((e) => e.type)).toEqual(['payment.succeeded']);
    const outcomes = await db().channelNotification.groupBy({ by: ['outcome'], where: { serialNo }, _count: true });
    expect(Object.fromEntries(outcomes.map((o) => [o.outcome, o._count]))).toEqual({ APPLIED: 1, UNCHANGED: 99 });
  });

  it('a callback racing an active query: one state change, one event', async () => {
    const serialNo = await pendingPayment();
    const body = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo });
    await Promise.all([
      ...Array.from({ length: 5 }, () => postNotify(server.baseUrl, tenant.paymentId, body)),
      ...Array.from({ length: 5 }, () => tenant.client.request('GET', `/api/v1/payments/${serialNo}?sync=true`)),
    ]);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).status).toBe('SUCCEEDED');
    expect((await events(serialNo)).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('CLOSED arriving after SUCCESS changes nothing', async () => {
    const serialNo = await pendingPayment();
    const closedBody = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo, signedOverrides: { trade_status: 'TRADE_CLOSED' } });
    const paidBody = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo });
    expect(await (await postNotify(server.baseUrl, tenant.paymentId, paidBody)).text()).toBe('success');
    expect(await (await postNotify(server.baseUrl, tenant.paymentId, closedBody)).text()).toBe('success');
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).status).toBe('SUCCEEDED');
    expect((await events(serialNo)).map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it('a genuine success with another amount is not applied and is flagged', async () => {
    const serialNo = await pendingPayment();
    const body = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo, signedOverrides: { total_amount: '0.01', receipt_amount: '0.01' } });
    expect(await (await postNotify(server.baseUrl, tenant.paymentId, body)).text()).toBe('success');
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).status).toBe('PENDING');
    expect(await events(serialNo)).toEqual([]);
    expect(await db().alert.count({ where: { kind: 'AMOUNT_MISMATCH', serialNo } })).toBe(1);
    expect((await db().channelNotification.findFirstOrThrow({ where: { serialNo } })).outcome).toBe('AMOUNT_MISMATCH');
  });

  it('tampered, signed by an unknown key, for another app id, or for another payment ID: stored, rejected, nothing changes, the channel is asked instead', async () => {
    const serialNo = await pendingPayment();
    const genuine = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo });
    const tampered = genuine.replace(/total_amount=[^&]+/, 'total_amount=0.01');
    // Well formed and signed, but by a key that is not on the channel's whitelist.
    const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const params = Object.fromEntries(new URLSearchParams(genuine));
    delete params.sign;
    const unknownKey = new URLSearchParams({ ...params, sign: createSign('RSA-SHA256').update(alipayNotifySignContent(params, { includeSignType: false })).sign(strangerKey, 'base64') }).toString();
    const otherApp = await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo, signedOverrides: { app_id: '2021000000000001', auth_app_id: '2021000000000001' } });
    // The buyer has not paid in truth: the active query finds the trade waiting.
    await db().sandboxAlipayTrade.updateMany({ where: { outTradeNo: serialNo }, data: { status: 'WAIT_BUYER_PAY', paidAt: null } });
    for (const body of [tampered, unknownKey, otherApp]) {
      const answer = await postNotify(server.baseUrl, tenant.paymentId, body);
      expect(await answer.text()).not.toBe('success');
    }
    const other = await paymentsTenant({ baseUrl: server.baseUrl });
    expect(await (await postNotify(server.baseUrl, other.paymentId, genuine)).text()).not.toBe('success');
    expect((await postNotify(server.baseUrl, 'pay_doesnotexist', genuine)).status).toBe(404);

    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).status).toBe('PENDING');
    expect(await events(serialNo)).toEqual([]);
    const stored = await db().channelNotification.findMany({ where: { body: { in: [tampered, unknownKey, otherApp, genuine] } } });
    expect(stored.map((n) => n.outcome)).toEqual(['REJECTED', 'REJECTED', 'REJECTED', 'REJECTED', 'REJECTED']);
    expect((await db().payment.findUniqueOrThrow({ where: { serialNo } })).queryCount).toBeGreaterThanOrEqual(1);
  });

  it('a flood of rejected callbacks asks the channel at most once a minute per attempt', async () => {
    const serialNo = await pendingPayment();
    const forged = (await paidTradeNotify({ alipayAppId: tenant.alipayAppId, serialNo })).replace(/total_amount=[^&]+/, 'total_amount=0.01');
    await db().sandboxAlipayTrade.updateMany({ where: { outTradeNo: serialNo }, data: { status: 'WAIT_BUYER_PAY', paidAt: null } });
    const queries = vi.spyOn(alipayPlugin, 'queryPayment');
    const queriesOfThis = () => queries.mock.calls.filter(([input]) => input.serialNo === serialNo).length;
    const flood = () => Promise.all(Array.from({ length: 20 }, () => postNotify(server.baseUrl, tenant.paymentId, forged).then((r) => r.text())));

    try {
      expect(new Set(await flood())).toEqual(new Set(['fail']));
      expect(queriesOfThis()).toBe(1);
      await flood();
      expect(queriesOfThis()).toBe(1);

      // A minute later, the next rejected callback may ask again (once).
      await db().payment.update({ where: { serialNo }, data: { lastRejectedQueryAt: new Date(Date.now() - 61_000) } });
      await flood();
      expect(queriesOfThis()).toBe(2);
    } finally {
      queries.mockRestore();
    }
    expect(await db().payment.findUniqueOrThrow({ where: { serialNo } })).toMatchObject({ status: 'PENDING' });
    expect(await db().channelNotification.count({ where: { serialNo, outcome: 'REJECTED' } })).toBe(60);
    expect(await events(serialNo)).toEqual([]);
  });
});
